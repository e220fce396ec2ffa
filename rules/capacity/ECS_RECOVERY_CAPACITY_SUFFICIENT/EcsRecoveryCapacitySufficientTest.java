package io.failready.rules.capacity;

import io.failready.config.DrStrategy;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

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
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one service fits several scenarios, the first in the documented order decides. */
class EcsRecoveryCapacitySufficientTest {
    private static Resource service(String region, Object... kv) {
        return resource("AWS::ECS::Service", "svc-api-" + region, "api-" + region, region, kv);
    }

    @Test
    void anUnreadableSubjectIsInsufficientDataBeforeItsMissingCounterpart() {
        Resource s = service(PRIMARY, "desiredCount", 4);
        Verdict v = EcsRecoveryCapacitySufficient.decide(s, PAIR, workload(DrStrategy.WARM_STANDBY, 60), 1.0, gaps(denied(PRIMARY, "ecs")), NO_TWINS);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals(ComplianceType.NON_COMPLIANT,
                EcsRecoveryCapacitySufficient.decide(s, PAIR, workload(DrStrategy.WARM_STANDBY, 60), 1.0, NO_GAPS, NO_TWINS).type());
    }

    @Test
    void aScalableTargetWithoutMaxCapacityIsUnknownAndNamesTheTwin() {
        Resource s = service(PRIMARY, "desiredCount", 4);
        Resource c = service(RECOVERY, "desiredCount", 1, "autoScaling", Map.of());
        Verdict v = EcsRecoveryCapacitySufficient.decide(s, PAIR, workload(DrStrategy.PILOT_LIGHT, 60), 0.5, NO_GAPS, twins(s, c));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("auto scaling max capacity of api-eu-west-1"), v.annotation());
        assertSame(c, v.counterpart());
    }

    @Test
    void activeActiveJudgesTheDesiredCountEvenWhenTheServiceCouldScale() {
        Resource s = service(PRIMARY, "desiredCount", 4);
        Resource c = service(RECOVERY, "desiredCount", 1, "autoScaling", Map.of("maxCapacity", 10));
        assertEquals(ComplianceType.COMPLIANT,
                EcsRecoveryCapacitySufficient.decide(s, PAIR, workload(DrStrategy.WARM_STANDBY, 60), 1.0, NO_GAPS, twins(s, c)).type());
        assertEquals(ComplianceType.NON_COMPLIANT,
                EcsRecoveryCapacitySufficient.decide(s, PAIR, workload(DrStrategy.ACTIVE_ACTIVE, 60), 1.0, NO_GAPS, twins(s, c)).type());
    }
}
