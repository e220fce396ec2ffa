package io.failready.rules.operations;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;

class RunbooksDefinedTest {
    @Test
    void aBlankFailbackRunbookIsMissing() {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        w.runbooks.failover = "https://wiki/failover";
        w.runbooks.failback = " ";
        assertEquals("Workload w references no failback runbook.", RunbooksDefined.decide(w).annotation());
        w.runbooks.failback = "https://wiki/failback";
        assertEquals(ComplianceType.COMPLIANT, RunbooksDefined.decide(w).type());
    }

    @Test
    void noRunbooksAtAllNamesBoth() {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        w.runbooks = null;
        assertEquals("Workload w references no failover and failback runbook.", RunbooksDefined.decide(w).annotation());
    }
}
