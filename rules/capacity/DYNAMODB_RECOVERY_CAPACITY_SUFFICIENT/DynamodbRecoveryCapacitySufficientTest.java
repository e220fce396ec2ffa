package io.failready.rules.capacity;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.NO_TWINS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static io.failready.rules.api.TestFacts.twins;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one table fits several scenarios, the first in the documented order decides. */
class DynamodbRecoveryCapacitySufficientTest {
    private static Resource table(String region, Object... kv) {
        return resource("AWS::DynamoDB::Table", "arn:aws:dynamodb:" + region + ":111111111111:table/orders", "orders", region, kv);
    }

    @Test
    void aGapOutranksNotAGlobalTable() {
        Resource t = table(PRIMARY, "billingMode", "PAY_PER_REQUEST");
        assertEquals(ComplianceType.NOT_APPLICABLE, DynamodbRecoveryCapacitySufficient.decide(t, PAIR, 1.0, NO_GAPS, NO_TWINS).type());
        Verdict v = DynamodbRecoveryCapacitySufficient.decide(t, PAIR, 1.0, gaps(denied(PRIMARY, "dynamodb")), NO_TWINS);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertNull(v.counterpart());
    }

    @Test
    void aReplicaReadOverrideBelowThePrimaryMaximumIsAShortfall() {
        Resource t = table(PRIMARY, "billingMode", "PAY_PER_REQUEST", "onDemandThroughput", Map.of("maxRead", 4000, "maxWrite", 1000),
                "replicas", List.of(Map.of("regionName", RECOVERY, "onDemandMaxRead", 1000)));
        Resource r = table(RECOVERY, "billingMode", "PAY_PER_REQUEST");
        Verdict v = DynamodbRecoveryCapacitySufficient.decide(t, PAIR, 1.0, NO_GAPS, twins(t, r));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("read max 1000 < 4000"), v.annotation());
    }

    @Test
    void provisionedReplicaCountsItsAutoScalingMaximum() {
        Resource t = table(PRIMARY, "billingMode", "PROVISIONED", "readCapacity", 100, "writeCapacity", 50, "replicas", List.of(Map.of("regionName", RECOVERY)));
        Resource r = table(RECOVERY, "billingMode", "PROVISIONED", "readCapacity", 10, "writeCapacity", 5,
                "autoScaling", Map.of("maxRead", 100, "maxWrite", 50));
        assertEquals(ComplianceType.COMPLIANT, DynamodbRecoveryCapacitySufficient.decide(t, PAIR, 1.0, NO_GAPS, twins(t, r)).type());
    }
}
