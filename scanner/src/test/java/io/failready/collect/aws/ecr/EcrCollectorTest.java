package io.failready.collect.aws.ecr;

import io.failready.tooling.AwsStub;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.op;
import static io.failready.collect.TestAws.*;
import static org.junit.jupiter.api.Assertions.*;

/** ECR image digests over HTTP against {@link AwsStub}: pagination, the per-repository cap, AccessDenied. */
class EcrCollectorTest {
    static final List<String> REGIONS = List.of(US_EAST_1, EU_WEST_1);
    static final String A = "sha256:" + "a1".repeat(32);
    static final String B = "sha256:" + "b2".repeat(32);
    static final String C = "sha256:" + "c3".repeat(32);
    static final String E = "sha256:" + "e5".repeat(32);
    static final String ORDERS_USE1 = "arn:aws:ecr:us-east-1:111111111111:repository/orders";
    static final String ORDERS_EUW1 = "arn:aws:ecr:eu-west-1:111111111111:repository/orders";
    static final String PAYMENTS_USE1 = "arn:aws:ecr:us-east-1:111111111111:repository/payments";

    private static long describeImages(AwsStub stub, String region) {
        return stub.calls().stream().filter(c -> c.action().equals("ecr:DescribeImages") && c.region().equals(region)).count();
    }

    @Test
    void imageDigestsFollowPaginationInBothRegions() {
        try (AwsStub stub = AwsStub.start("EcrCollectorTest")) {
            Snapshot s = run(stub, REGIONS, new EcrCollector());
            assertEquals(List.of(), gaps(s));
            Resource primary = resource(s, EcrCollector.REPOSITORY, ORDERS_USE1);
            assertEquals(List.of(A, B, C), primary.list("imageDigests"));
            assertFalse(primary.bool("imageDigestsCapped"));
            assertTrue(primary.has("imageDigestsCapped"));
            assertEquals(List.of(B, C), resource(s, EcrCollector.REPOSITORY, ORDERS_EUW1).list("imageDigests"));
            assertEquals(List.of(E), resource(s, EcrCollector.REPOSITORY, PAYMENTS_USE1).list("imageDigests"));
            assertEquals(3, describeImages(stub, US_EAST_1));   // orders: 2 pages, payments: 1
            assertEquals(2, describeImages(stub, EU_WEST_1));
            assertTrue(stub.calls().stream().filter(c -> c.action().equals("ecr:DescribeImages"))
                    .allMatch(c -> c.body().contains("\"registryId\":\"111111111111\"") && c.body().contains("\"maxResults\":1000")), "scoped, full pages");
        }
    }

    @Test
    void theCapStopsListingAndIsRecorded() {
        try (AwsStub stub = AwsStub.start("EcrCollectorTest")) {
            Snapshot s = run(stub, REGIONS, new EcrCollector(2));
            assertEquals(List.of(), gaps(s));
            Resource primary = resource(s, EcrCollector.REPOSITORY, ORDERS_USE1);
            assertEquals(List.of(A, B), primary.list("imageDigests"));
            assertTrue(primary.bool("imageDigestsCapped"));   // a third image exists on page 2
            Resource recovery = resource(s, EcrCollector.REPOSITORY, ORDERS_EUW1);
            assertEquals(List.of(B, C), recovery.list("imageDigests"));
            assertFalse(recovery.bool("imageDigestsCapped"));   // exactly at the cap, nothing beyond
            assertTrue(stub.calls().stream().filter(c -> c.action().equals("ecr:DescribeImages"))
                    .allMatch(c -> c.body().contains("\"maxResults\":2")));
        }
    }

    @Test
    void accessDeniedOnOneRepositorysImagesIsAGapForThatRepositoryOnly() {
        try (AwsStub stub = AwsStub.start("EcrCollectorTest")) {
            stub.fault(op("ecr:DescribeImages", EU_WEST_1), ACCESS_DENIED);
            Snapshot s = run(stub, REGIONS, new EcrCollector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 ecr DescribeImages " + ORDERS_EUW1 + " AccessDeniedException"), gaps(s));
            Resource recovery = resource(s, EcrCollector.REPOSITORY, ORDERS_EUW1);
            assertFalse(recovery.has("imageDigests"), "unknown, not empty");
            assertFalse(recovery.has("imageDigestsCapped"));
            assertEquals("orders", recovery.str("repositoryName"));
            assertEquals(List.of(A, B, C), resource(s, EcrCollector.REPOSITORY, ORDERS_USE1).list("imageDigests"));
            assertEquals(2, s.getResources().stream().filter(r -> r.getResourceType().equals(EcrCollector.REPLICATION)).count(),
                    "the registry configuration is still read in both regions");
        }
    }
}
