package io.failready.rules.capacity;

import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EksRecoveryCapacitySufficientTest {
    private static final String EKS = "AWS::EKS::Cluster";

    private static Resource cluster(String region, String version, int max, int desired) {
        return resource(EKS, "arn:aws:eks:" + region + ":111111111111:cluster/pay", "pay", region, "status", "ACTIVE", "version", version,
                "nodegroups", List.of(Map.of("name", "ng", "status", "ACTIVE", "maxSize", max, "desiredSize", desired)), "fargateProfiles", List.of());
    }

    private static Verdict judge(Resource k, Resource c, double ratio) {
        return EksRecoveryCapacitySufficient.decide(k, PAIR, ratio, "unknown", NO_GAPS,
                new Counterparts(List.of(new Counterpart(EKS, k.getResourceId(), RECOVERY, c, "same-name"))));
    }

    @Test
    void ratioRoundsTheNeedUp() {
        Resource k = cluster(PRIMARY, "1.30", 20, 5);
        assertEquals(ComplianceType.NON_COMPLIANT, judge(k, cluster(RECOVERY, "1.30", 2, 1), 0.5).type());   // ceil(2.5) = 3
        assertEquals(ComplianceType.COMPLIANT, judge(k, cluster(RECOVERY, "1.30", 3, 1), 0.5).type());
    }

    @Test
    void oneMinorVersionApartIsFineTwoIsNot() {
        Resource k = cluster(PRIMARY, "1.30", 20, 5);
        assertEquals(ComplianceType.COMPLIANT, judge(k, cluster(RECOVERY, "1.29", 10, 1), 1.0).type());
        assertEquals(ComplianceType.NON_COMPLIANT, judge(k, cluster(RECOVERY, "1.32", 10, 1), 1.0).type());
    }

    @Test
    void misspelledUnseenCapacityNeverPasses() {
        Resource k = cluster(PRIMARY, "1.30", 20, 5);
        Verdict v = EksRecoveryCapacitySufficient.decide(k, PAIR, 1.0, "ignroe", NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("UnseenCapacity"), v.annotation());
    }

    @Test
    void minorVersionParsing() {
        assertEquals(1030, EksRecoveryCapacitySufficient.minor("1.30"));
        assertNull(EksRecoveryCapacitySufficient.minor("latest"));
    }
}
