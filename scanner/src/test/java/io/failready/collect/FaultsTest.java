package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.collect.aws.dynamodb.DynamoDbCollector;
import io.failready.collect.aws.s3.S3Collector;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import static io.failready.tooling.AwsStub.FaultKind.*;
import static io.failready.tooling.AwsStub.op;
import static io.failready.collect.TestAws.*;
import static org.junit.jupiter.api.Assertions.*;

/** Every failure mode ends as a gap, the rest of the scan goes on, and nothing waits past its budget. */
class FaultsTest {
    static final List<String> REGIONS = List.of(US_EAST_1, EU_WEST_1);
    static final String T1 = "arn:aws:dynamodb:us-east-1:111111111111:table/t1";

    private static Snapshot scan(AwsStub stub, Duration callTimeout, Duration scanTimeout, Collector... collectors) {
        CollectRequest req = new CollectRequest(List.of(), null, null, false, null, REGIONS, stub.endpoint(), 4,
                callTimeout, scanTimeout, false, null);
        return Collection.run(req, options(List.of(collectors)));
    }

    private static long count(AwsStub stub, String action, String region) {
        return stub.calls().stream().filter(c -> c.action().equals(action) && c.region().equals(region)).count();
    }

    @Test
    void paginationIsFollowedAndThrottlingIsRetriedUntilItPasses() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(op("dynamodb:ListTables", US_EAST_1), THROTTLE, 2, 0);
            Snapshot s = run(stub, REGIONS, new DynamoDbCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(4, ids(s, DynamoDbCollector.TYPE).size());   // t1 (page 1) and t2 (page 2) in both regions
            assertEquals(4, count(stub, "dynamodb:ListTables", US_EAST_1));   // two throttled, then two pages
        }
    }

    @Test
    void throttlingOutlastingTheOtherFailuresRetriesIsRetriedUntilTheBucketRefills() {
        // AWS throttles an account while its bucket is empty; before, the third throttle was a gap
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(op("dynamodb:ListTables", US_EAST_1), THROTTLE, ClientFactory.MAX_ATTEMPTS + 4, 0);
            Snapshot s = run(stub, REGIONS, new DynamoDbCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(4, ids(s, DynamoDbCollector.TYPE).size());
            assertEquals(ClientFactory.MAX_ATTEMPTS + 4 + 2, count(stub, "dynamodb:ListTables", US_EAST_1), "throttled, then two pages");
        }
    }

    @Test
    void serverErrorsStillStopAfterTheUsualAttempts() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(op("dynamodb:ListTables", US_EAST_1), SERVER_ERROR);
            Snapshot s = run(stub, REGIONS, new DynamoDbCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 dynamodb ListTables InternalFailure"), gaps(s));
            assertEquals(ClientFactory.MAX_ATTEMPTS, count(stub, "dynamodb:ListTables", US_EAST_1));
        }
    }

    @Test
    void throttlingPastTheRetriesIsAGapAndTheOtherRegionIsStillCollected() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(op("dynamodb:ListTables", US_EAST_1), THROTTLE);
            Snapshot s = run(stub, REGIONS, new DynamoDbCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 dynamodb ListTables ThrottlingException"), gaps(s));
            assertEquals(ClientFactory.THROTTLED_MAX_ATTEMPTS, count(stub, "dynamodb:ListTables", US_EAST_1));
            assertEquals(List.of("arn:aws:dynamodb:eu-west-1:111111111111:table/t1", "arn:aws:dynamodb:eu-west-1:111111111111:table/t2"),
                    ids(s, DynamoDbCollector.TYPE));
        }
    }

    @Test
    void s3SlowDownPastRetriesIsAGapInEveryScannedRegion() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(op("s3:ListBuckets"), THROTTLE);
            Snapshot s = run(stub, REGIONS, new S3Collector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 s3 ListBuckets SeeGlobal", ACCOUNT + " global s3 ListBuckets SlowDown",
                    ACCOUNT + " us-east-1 s3 ListBuckets SeeGlobal"), gaps(s));
            assertEquals(ClientFactory.THROTTLED_MAX_ATTEMPTS, stub.calls().stream().filter(c -> c.action().equals("s3:ListBuckets")).count());
        }
    }

    @Test
    void accessDeniedAndServerErrorsOnOneTableAreGapsForThatTableOnly() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(c -> c.action().equals("dynamodb:DescribeTable") && c.region().equals(US_EAST_1) && c.body().contains("t1"), SERVER_ERROR);
            stub.fault(c -> c.action().equals("dynamodb:DescribeContinuousBackups") && c.region().equals(EU_WEST_1), ACCESS_DENIED);
            Snapshot s = run(stub, REGIONS, new DynamoDbCollector());
            assertEquals(List.of(
                    ACCOUNT + " eu-west-1 dynamodb DescribeContinuousBackups arn:aws:dynamodb:eu-west-1:111111111111:table/t1 AccessDeniedException",
                    ACCOUNT + " eu-west-1 dynamodb DescribeContinuousBackups arn:aws:dynamodb:eu-west-1:111111111111:table/t2 AccessDeniedException",
                    ACCOUNT + " us-east-1 dynamodb DescribeTable " + T1 + " InternalFailure"), gaps(s));
            assertEquals(3, ids(s, DynamoDbCollector.TYPE).size());
            assertFalse(resource(s, DynamoDbCollector.TYPE, "arn:aws:dynamodb:eu-west-1:111111111111:table/t1").has("pitr"));
        }
    }

    @Test
    void unknownOperationIsAGapNotAnEmptyInventory() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(op("application-autoscaling:DescribeScalableTargets", EU_WEST_1), UNKNOWN_OPERATION);
            Snapshot s = run(stub, REGIONS, new DynamoDbCollector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 applicationautoscaling DescribeScalableTargets UnknownOperationException"), gaps(s));
        }
    }

    @Test
    void aTruncatedReplyIsAGap() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(c -> c.action().equals("dynamodb:DescribeTable") && c.region().equals(US_EAST_1) && c.body().contains("t1"), CONNECTION_RESET);
            Snapshot s = scan(stub, Duration.ofSeconds(2), Duration.ofMinutes(1), new DynamoDbCollector());
            assertEquals(1, s.getCollectionGaps().size(), () -> gaps(s).toString());
            assertEquals(T1, s.getCollectionGaps().get(0).getResourceId());
        }
    }

    @Test
    void aSlowReplyBecomesATimeoutGapWithinTheCallBudget() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            stub.fault(op("dynamodb:ListTables", US_EAST_1), SLOW, Integer.MAX_VALUE, 5_000);
            long t0 = System.nanoTime();
            Snapshot s = scan(stub, Duration.ofMillis(300), Duration.ofMinutes(1), new DynamoDbCollector());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(List.of(ACCOUNT + " us-east-1 dynamodb ListTables Timeout"), gaps(s));
            assertTrue(ms < 4_000, "took " + ms + " ms");
            assertEquals(2, ids(s, DynamoDbCollector.TYPE).size());
        }
    }

    /**
     * The scan deadline passes (on the scan's clock) while eu-west-1's ListTables is in flight: the
     * rest of that task becomes one ScanTimeout gap, and what us-east-1 read before is kept. One
     * worker, so us-east-1's task has ended before eu-west-1's starts.
     */
    @Test
    void workUnfinishedAtTheScanDeadlineIsAScanTimeoutGap() {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            TestClock clock = new TestClock(java.time.Instant.parse("2026-03-01T00:00:00Z"));
            stub.onCall(op("dynamodb:ListTables", EU_WEST_1), c -> clock.advance(Duration.ofMinutes(2)));
            CollectRequest req = new CollectRequest(List.of(), null, null, false, null, REGIONS, stub.endpoint(), 1,
                    Duration.ofSeconds(20), Duration.ofMinutes(1), false, null);
            Snapshot s = Collection.run(req, options(List.of(new DynamoDbCollector())).withClock(clock));
            assertEquals(List.of(ACCOUNT + " eu-west-1 dynamodb * ScanTimeout"), gaps(s));
            assertEquals(List.of("arn:aws:dynamodb:us-east-1:111111111111:table/t1", "arn:aws:dynamodb:us-east-1:111111111111:table/t2"),
                    ids(s, DynamoDbCollector.TYPE));
            assertEquals(0, count(stub, "dynamodb:DescribeTable", EU_WEST_1), "nothing is sent once the deadline has passed");
        }
    }

    @Test
    void errorCodesForFailuresWithoutAServiceReply() {
        assertEquals("ConnectionFailed", Gaps.errorCode(SdkClientException.create("x", new ConnectException("refused"))));
        assertEquals("ScanTimeout", Gaps.errorCode(new Gaps.ScanTimeout()));
        assertEquals("Timeout", Gaps.errorCode(software.amazon.awssdk.core.exception.ApiCallTimeoutException.create(100)));
    }
}
