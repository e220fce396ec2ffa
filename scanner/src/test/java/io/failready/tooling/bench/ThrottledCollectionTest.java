package io.failready.tooling.bench;

import io.failready.collect.CollectRequest;
import io.failready.collect.Collection;
import io.failready.collect.aws.CollectorRegistry;
import io.failready.snapshot.Snapshot;
import io.failready.tooling.AwsStub;
import io.failready.tooling.Throttling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scanner against a stub throttling like AWS (rates scaled down so a small estate meets it): the same inventory, no gaps. */
class ThrottledCollectionTest {
    static Snapshot collect(AwsStub stub, List<String> accounts) {
        CollectRequest req = new CollectRequest(accounts, "failready-audit", null, false, null,
                List.of(EstateGenerator.PRIMARY, EstateGenerator.RECOVERY), stub.endpoint(), 8, Duration.ofSeconds(30), Duration.ofMinutes(5), false, null);
        return Collection.run(req, Collection.Options.defaults(CollectorRegistry.all())
                .withBaseCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsStub.BASE_ACCESS_KEY, "test-secret-not-real")))
                .withEnv(Map.of()));
    }

    @Test
    void throttlingCostsTimeNotData(@TempDir Path tmp) throws Exception {
        List<String> accounts = new ArrayList<>();
        for (int i = 0; i < 3; i++) accounts.add(EstateGenerator.accountId(i));
        Path replies = tmp.resolve("replies");
        CollectBench.writeEstate(replies, accounts);
        Snapshot free;
        try (AwsStub stub = AwsStub.serving(replies, 0, 3)) {
            free = collect(stub, accounts);
        }
        try (AwsStub stub = AwsStub.serving(replies, 0, 3)) {
            // a fifth of AWS's rates: buckets of 2 calls refilling 2 a second where AWS publishes none
            stub.throttle(new Throttling(0.2));
            Snapshot throttled = collect(stub, accounts);
            assertFalse(stub.throttledByOperation().isEmpty(), "the buckets ran dry");
            assertEquals(List.of(), throttled.getCollectionGaps().stream().map(g -> g.getService() + ":" + g.getOperation() + " " + g.getErrorCode()).toList());
            assertEquals(free.getResources().size(), throttled.getResources().size());
            assertEquals(io.failready.util.Json.MAPPER.writeValueAsString(free.getResources()),
                    io.failready.util.Json.MAPPER.writeValueAsString(throttled.getResources()));
            assertTrue(free.getResources().size() > 3 * 30);
        }
    }
}
