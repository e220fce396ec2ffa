package io.failready.rules.operations;

import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one queue fits several scenarios, the first in the documented order decides. */
class SqsQueuePresentInRecoveryRegionTest {
    private static final String QUEUE = "AWS::SQS::Queue";

    private static Resource queue(String region, Object... kv) {
        Object[] cfg = new Object[kv.length + 4];
        cfg[0] = "messageRetentionPeriod"; cfg[1] = 345600; cfg[2] = "visibilityTimeout"; cfg[3] = 30;
        System.arraycopy(kv, 0, cfg, 4, kv.length);
        return resource(QUEUE, "arn:aws:sqs:" + region + ":111111111111:orders", "orders", region, cfg);
    }

    private static Counterparts twin(Resource q, Resource c) {
        return new Counterparts(List.of(new Counterpart(QUEUE, q.getResourceId(), RECOVERY, c, "same-name")));
    }

    @Test
    void equivalentCounterpartIsCompliantAndNamed() {
        Resource q = queue(PRIMARY, "kmsMasterKeyId", "alias/aws/sqs");
        Resource c = queue(RECOVERY, "kmsMasterKeyId", "alias/aws/sqs");
        Verdict v = SqsQueuePresentInRecoveryRegion.decide(q, PAIR, NO_GAPS, twin(q, c));
        assertEquals(ComplianceType.COMPLIANT, v.type(), v.annotation());
        assertSame(c, v.counterpart());
    }

    @Test
    void missingCounterpartIsUnknownWhenTheRecoveryRegionCouldNotBeListed() {
        Resource q = queue(PRIMARY);
        Verdict v = SqsQueuePresentInRecoveryRegion.decide(q, PAIR, gaps(denied(RECOVERY, "sqs")), new Counterparts(List.of()));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals(ComplianceType.NON_COMPLIANT,
                SqsQueuePresentInRecoveryRegion.decide(q, PAIR, NO_GAPS, new Counterparts(List.of())).type());
    }

    @Test
    void typeMismatchIsReportedBeforeAMissingDeadLetterQueue() {
        Resource q = queue(PRIMARY, "fifo", true, "deadLetterTargetArn", "arn:aws:sqs:us-east-1:111111111111:orders-dlq.fifo");
        Resource c = queue(RECOVERY, "fifo", false);
        Verdict v = SqsQueuePresentInRecoveryRegion.decide(q, PAIR, NO_GAPS, twin(q, c));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("FIFO queue but"), v.annotation());
    }

    @Test
    void longerRetentionAndTimeoutOnTheCounterpartAreFine() {
        Resource q = queue(PRIMARY);
        Resource c = resource(QUEUE, "arn:aws:sqs:eu-west-1:111111111111:orders", "orders", RECOVERY,
                "messageRetentionPeriod", 1209600, "visibilityTimeout", 60);
        assertEquals(ComplianceType.COMPLIANT, SqsQueuePresentInRecoveryRegion.decide(q, PAIR, NO_GAPS, twin(q, c)).type());
    }

    @Test
    void sqsManagedEncryptionSatisfiesAnSseKmsPrimary() {
        Resource q = queue(PRIMARY, "kmsMasterKeyId", "alias/orders");
        Resource c = queue(RECOVERY, "sqsManagedSseEnabled", true);
        assertEquals(ComplianceType.COMPLIANT, SqsQueuePresentInRecoveryRegion.decide(q, PAIR, NO_GAPS, twin(q, c)).type());
    }

    @Test
    void counterpartKeyInThePrimaryRegionIsNonCompliant() {
        Resource q = queue(PRIMARY, "kmsMasterKeyId", "arn:aws:kms:us-east-1:111111111111:key/k1");
        Resource c = queue(RECOVERY, "kmsMasterKeyId", "arn:aws:kms:us-east-1:111111111111:key/k1");
        Verdict v = SqsQueuePresentInRecoveryRegion.decide(q, PAIR, NO_GAPS, twin(q, c));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("in us-east-1"), v.annotation());
    }
}
