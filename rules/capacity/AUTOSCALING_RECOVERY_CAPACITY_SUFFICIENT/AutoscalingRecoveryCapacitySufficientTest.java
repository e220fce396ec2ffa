package io.failready.rules.capacity;

import io.failready.config.DrStrategy;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

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

/** Where one group fits several scenarios, the first in the documented order decides. */
class AutoscalingRecoveryCapacitySufficientTest {
    private static final String ASG = "AWS::AutoScaling::AutoScalingGroup";

    private static Resource group(String region, Object... kv) { return resource(ASG, "asg-web-" + region, "web-" + region, region, kv); }

    @Test
    void anUnreadableRecoveryRegionIsInsufficientDataNotAMissingCounterpart() {
        Resource g = group(PRIMARY, "desiredCapacity", 4);
        Verdict v = AutoscalingRecoveryCapacitySufficient.decide(g, PAIR, workload(DrStrategy.WARM_STANDBY, 60), 1.0,
                gaps(denied(RECOVERY, "autoscaling")), NO_TWINS);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
    }

    @Test
    void sizeNotCollectedStillNamesTheTwin() {
        Resource g = group(PRIMARY, "desiredCapacity", 4);
        Resource c = group(RECOVERY);
        Verdict v = AutoscalingRecoveryCapacitySufficient.decide(g, PAIR, workload(DrStrategy.WARM_STANDBY, 60), 1.0, NO_GAPS, twins(g, c));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertSame(c, v.counterpart());
    }

    @Test
    void suspendedLaunchIsReportedBeforeSizesThatWereNotCollected() {
        Resource g = group(PRIMARY, "desiredCapacity", 4);
        Resource c = group(RECOVERY, "suspendedProcesses", List.of("Launch"));
        Verdict v = AutoscalingRecoveryCapacitySufficient.decide(g, PAIR, workload(DrStrategy.WARM_STANDBY, 60), 1.0, NO_GAPS, twins(g, c));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("Launch process suspended"), v.annotation());
    }

    @Test
    void hotStandbyCountsRunningInstancesNotTheMaximum() {
        Resource g = group(PRIMARY, "desiredCapacity", 12);
        Resource c = group(RECOVERY, "desiredCapacity", 2, "maxSize", 12);
        assertEquals(ComplianceType.COMPLIANT, AutoscalingRecoveryCapacitySufficient.decide(g, PAIR,
                workload(DrStrategy.WARM_STANDBY, 60), 1.0, NO_GAPS, twins(g, c)).type());
        Verdict hot = AutoscalingRecoveryCapacitySufficient.decide(g, PAIR, workload(DrStrategy.HOT_STANDBY, 60), 1.0, NO_GAPS, twins(g, c));
        assertEquals(ComplianceType.NON_COMPLIANT, hot.type());
        assertEquals("Auto Scaling group web-eu-west-1 in eu-west-1 falls short: it runs 2 instances (max 12);"
                + " web-us-east-1 runs 12 x 1 = 12 needed running under hot-standby.", hot.annotation());
    }
}
