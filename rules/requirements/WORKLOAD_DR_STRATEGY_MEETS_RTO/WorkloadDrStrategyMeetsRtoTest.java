package io.failready.rules.requirements;

import io.failready.config.DrStrategy;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one workload fits several scenarios, the first in the documented order decides. */
class WorkloadDrStrategyMeetsRtoTest {
    static final List<String> TABLE = List.of("backup-restore=240", "pilot-light=30", "warm-standby=10", "hot-standby=5", "active-active=1");

    @Test
    void anUndeclaredRtoIsReportedBeforeAStrategyMissingFromTheTable() {
        Verdict v = WorkloadDrStrategyMeetsRto.decide(workload(DrStrategy.PILOT_LIGHT, 0, 60), List.of("warm-standby=10"));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("declares no positive RTO"), v.annotation());
    }

    @Test
    void aMalformedEntryLeavesItsStrategyWithoutAMinimum() {
        Verdict v = WorkloadDrStrategyMeetsRto.decide(workload(DrStrategy.PILOT_LIGHT, 60, 60), List.of("pilot-light=half an hour", "warm-standby=10"));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("has no minimum RTO in parameter StrategyMinRtoMinutes"), v.annotation());
    }

    @Test
    void anRtoEqualToTheMinimumIsMet() {
        assertEquals(ComplianceType.COMPLIANT, WorkloadDrStrategyMeetsRto.decide(workload(DrStrategy.PILOT_LIGHT, 30, 60), TABLE).type());
    }

    @Test
    void aTooShortRtoNamesTheSlowestStrategyThatFits() {
        Verdict v = WorkloadDrStrategyMeetsRto.decide(workload(DrStrategy.PILOT_LIGHT, 9, 60), TABLE);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().endsWith("pilot-light needs at least 30 min; hot-standby can meet it."), v.annotation());
    }
}
