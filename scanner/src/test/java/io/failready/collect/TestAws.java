package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.retries.api.BackoffStrategy;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Shared constants and helpers for collector tests (Prowler's tests/providers/aws/utils.py). */
public final class TestAws {
    private TestAws() {}

    public static final String ACCOUNT = "111111111111";
    public static final String ACCOUNT_B = "222222222222";
    public static final String US_EAST_1 = "us-east-1";
    public static final String EU_WEST_1 = "eu-west-1";
    public static final String US_WEST_2 = "us-west-2";

    /** Static credentials, a few-millisecond retry backoff, no environment endpoint. */
    public static Collection.Options options(List<Collector> collectors) {
        return Collection.Options.defaults(List.of())
                .withBaseCredentials(StaticCredentialsProvider.create(AwsBasicCredentials.create(AwsStub.BASE_ACCESS_KEY, "test-secret-not-real")))
                .withBackoff(BackoffStrategy.exponentialDelay(Duration.ofMillis(5), Duration.ofMillis(20)))
                .withEnv(Map.of())
                .withCollectors(collectors);
    }

    public static CollectRequest request(AwsStub stub, List<String> regions) {
        return new CollectRequest(List.of(), null, null, false, null, regions, stub.endpoint(), 4,
                Duration.ofSeconds(5), Duration.ofMinutes(1), false, null);
    }

    public static CollectRequest request(AwsStub stub, List<String> accounts, String roleName, List<String> regions) {
        return new CollectRequest(accounts, roleName, null, false, null, regions, stub.endpoint(), 4,
                Duration.ofSeconds(5), Duration.ofMinutes(1), false, new PrintWriter(System.err));
    }

    public static Snapshot run(AwsStub stub, List<String> regions, Collector... collectors) {
        return Collection.run(request(stub, regions), options(List.of(collectors)));
    }

    public static Resource resource(Snapshot s, String type, String id) {
        return find(s, type, id).orElseThrow(() -> new AssertionError("no " + type + " " + id + " in " + ids(s)));
    }

    public static Optional<Resource> find(Snapshot s, String type, String id) {
        return s.getResources().stream().filter(r -> r.getResourceType().equals(type) && r.getResourceId().equals(id)).findFirst();
    }

    public static List<String> ids(Snapshot s) {
        return s.getResources().stream().map(r -> r.getResourceType() + " " + r.getResourceId() + " @" + r.getAwsRegion()).toList();
    }

    public static List<String> ids(Snapshot s, String type) {
        return s.getResources().stream().filter(r -> r.getResourceType().equals(type)).map(Resource::getResourceId).sorted().toList();
    }

    /** "account region service operation resourceId errorCode" for compact assertions. */
    public static List<String> gaps(Snapshot s) {
        return s.getCollectionGaps().stream().map(TestAws::gap).toList();
    }

    public static String gap(CollectionGap g) {
        return g.getAccountId() + " " + g.getRegion() + " " + g.getService() + " " + g.getOperation()
                + (g.getResourceId() == null ? "" : " " + g.getResourceId()) + " " + g.getErrorCode();
    }
}
