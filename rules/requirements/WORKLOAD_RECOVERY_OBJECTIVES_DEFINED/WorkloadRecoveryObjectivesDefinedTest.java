package io.failready.rules.requirements;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;

import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every problem of a declaration is named in one annotation, so one edit can fix them all. */
class WorkloadRecoveryObjectivesDefinedTest {
    private static Workload declared(long rto, long rpo, String owner, String... workflows) {
        Workload w = workload(DrStrategy.WARM_STANDBY, rto, rpo);
        w.owner = owner;
        w.criticalWorkflows = new ArrayList<>(Arrays.asList(workflows));
        return w;
    }

    @Test
    void everyProblemIsListedInDeclarationOrder() {
        Workload w = declared(0, 0, " ");
        w.rpoText = "0s";
        Verdict v = WorkloadRecoveryObjectivesDefined.decide(w);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("Workload w: no RTO is declared, the RPO (0s) is not positive, no owner is named, no critical workflows are listed.",
                v.annotation());
    }

    @Test
    void blankWorkflowsAreNoWorkflows() {
        assertEquals(ComplianceType.NON_COMPLIANT, WorkloadRecoveryObjectivesDefined.decide(declared(60, 60, "sre", " ", "")).type());
    }

    @Test
    void aCompleteDeclarationIsCompliant() {
        Verdict v = WorkloadRecoveryObjectivesDefined.decide(declared(60, 300, "sre@example.com", "checkout"));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertEquals("Workload w declares RTO 60 min, RPO 300 s, owner sre@example.com and 1 critical workflow(s).", v.annotation());
    }
}
