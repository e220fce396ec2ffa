package io.failready.rules.operations;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where one workload fits several scenarios, the first in the documented order decides. */
class DrDrillRecentTest {
    private static final AsOf NOW = new AsOf(Instant.parse("2026-11-01T00:00:00Z"));

    private static Workload withDrill(String date, long observedRto, long observedRpo) {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        w.rpoMinutes = 15;
        Workload.Drill d = new Workload.Drill();
        d.date = LocalDate.parse(date);
        d.observedRtoMinutes = observedRto;
        d.observedRpoMinutes = observedRpo;
        w.drills.add(d);
        return w;
    }

    @Test
    void aStaleDrillIsNonCompliantEvenWhenItRecordedNoObservations() {
        Verdict v = DrDrillRecent.decide(withDrill("2026-01-01", -1, -1), NOW, 90);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, DrDrillRecent.decide(withDrill("2026-10-01", -1, -1), NOW, 90).type());
    }

    @Test
    void aMissedTargetIsNamed() {
        Verdict v = DrDrillRecent.decide(withDrill("2026-10-01", 90, 10), NOW, 90);
        assertEquals("Workload w: its observed RTO of 90 min missed the 60 min target.", v.annotation());
        assertEquals(ComplianceType.COMPLIANT, DrDrillRecent.decide(withDrill("2026-10-01", 45, 10), NOW, 90).type());
    }

    @Test
    void noDrillIsNonCompliant() {
        assertEquals(ComplianceType.NON_COMPLIANT, DrDrillRecent.decide(workload(DrStrategy.WARM_STANDBY, 60), NOW, 90).type());
    }
}
