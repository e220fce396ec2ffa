package io.failready.collect;

import io.failready.collect.aws.account.AccountCollector;
import io.failready.collect.aws.s3.S3Collector;

import java.util.List;

/** Every collector, in one explicit sorted list (a test checks the order). */
public final class CollectorRegistry {
    private CollectorRegistry() {}

    public static List<Collector> all() {
        return List.of(
                // keep-sorted start
                new AccountCollector(),
                new S3Collector()
                // keep-sorted end
        );
    }
}
