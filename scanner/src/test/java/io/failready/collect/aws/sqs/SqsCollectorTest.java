package io.failready.collect.aws.sqs;

import io.failready.tooling.AwsStub;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.FaultKind.SERVER_ERROR;
import static io.failready.tooling.AwsStub.FaultKind.THROTTLE;
import static io.failready.tooling.AwsStub.op;
import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.ids;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** SQS over HTTP against {@link AwsStub}: pagination, named attributes only, a queue deleted mid-scan, faults. */
class SqsCollectorTest {
    static final List<String> REGIONS = List.of(US_EAST_1);
    static final String ORDERS = "arn:aws:sqs:us-east-1:111111111111:orders";
    static final String REFUNDS = "arn:aws:sqs:us-east-1:111111111111:refunds.fifo";

    @Test
    void queuesFromEveryPageWithTheirAttributesAndTags() {
        try (AwsStub stub = AwsStub.start("SqsCollectorTest")) {
            Snapshot s = run(stub, REGIONS, new SqsCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(List.of(ORDERS, REFUNDS), ids(s, SqsCollector.TYPE), "page 2 followed; the queue deleted meanwhile is gone, not a gap");
            Resource orders = resource(s, SqsCollector.TYPE, ORDERS);
            assertEquals(345600, orders.num("messageRetentionPeriod").intValue());
            assertEquals(300, orders.num("visibilityTimeout").intValue());
            assertEquals("arn:aws:sqs:us-east-1:111111111111:orders-dlq", orders.str("deadLetterTargetArn"));
            assertEquals(5, orders.num("maxReceiveCount").intValue());
            assertEquals("alias/aws/sqs", orders.str("kmsMasterKeyId"));
            assertFalse(orders.bool("fifo"));
            assertEquals(Map.of("app", "payments", "failready:logical-id", "orders"), orders.getTags());
            Resource refunds = resource(s, SqsCollector.TYPE, REFUNDS);
            assertTrue(refunds.bool("fifo"));
            assertTrue(refunds.bool("sqsManagedSseEnabled"));
            assertFalse(refunds.has("deadLetterTargetArn"));
        }
    }

    @Test
    void attributesAreRequestedByNameNeverAllAndNoMessageIsRead() {
        try (AwsStub stub = AwsStub.start("SqsCollectorTest")) {
            run(stub, REGIONS, new SqsCollector());
            List<AwsStub.Call> attrs = stub.calls().stream().filter(c -> c.action().equals("sqs:GetQueueAttributes")).toList();
            assertEquals(3, attrs.size());
            for (AwsStub.Call c : attrs) {
                assertTrue(c.body().contains("\"RedrivePolicy\""), c.body());
                assertFalse(c.body().contains("\"All\"") || c.body().contains("\"Policy\""), c.body());
            }
            assertTrue(stub.calls().stream().noneMatch(c -> c.operation().contains("Message")), "never receives, peeks or deletes");
        }
    }

    @Test
    void deniedAttributesAreAGapOnThatQueueWhichIsStillListed() {
        try (AwsStub stub = AwsStub.start("SqsCollectorTest")) {
            stub.fault(c -> c.action().equals("sqs:GetQueueAttributes") && c.body().contains("/orders\""), ACCESS_DENIED);
            Snapshot s = run(stub, REGIONS, new SqsCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 sqs GetQueueAttributes " + ORDERS + " AccessDeniedException"), gaps(s));
            Resource orders = resource(s, SqsCollector.TYPE, ORDERS);
            assertFalse(orders.has("messageRetentionPeriod"), "unknown, not zero");
            assertTrue(resource(s, SqsCollector.TYPE, REFUNDS).has("messageRetentionPeriod"));
        }
    }

    @Test
    void throttlingIsRetriedAndPersistentThrottlingOrServerErrorsAreGaps() {
        try (AwsStub stub = AwsStub.start("SqsCollectorTest")) {
            stub.fault(op("sqs:ListQueues"), THROTTLE, 2, 0);
            Snapshot s = run(stub, REGIONS, new SqsCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(2, ids(s, SqsCollector.TYPE).size());
        }
        try (AwsStub stub = AwsStub.start("SqsCollectorTest")) {
            stub.fault(op("sqs:ListQueues"), THROTTLE);
            Snapshot s = run(stub, REGIONS, new SqsCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 sqs ListQueues ThrottlingException"), gaps(s));
            assertEquals(List.of(), ids(s, SqsCollector.TYPE));
        }
        try (AwsStub stub = AwsStub.start("SqsCollectorTest")) {
            stub.fault(op("sqs:ListQueues"), SERVER_ERROR);
            assertEquals(List.of(ACCOUNT + " us-east-1 sqs ListQueues InternalFailure"), gaps(run(stub, REGIONS, new SqsCollector())));
        }
    }
}
