package io.failready.rules.operations;

import io.failready.config.Workload;
import io.failready.rules.api.Verdict;

/** RUNBOOKS_DEFINED: the decision for the workload, from its declaration alone. */
public final class RunbooksDefined {
    private RunbooksDefined() {}

    public static Verdict decide(Workload w) {
        Workload.Runbooks rb = w.getRunbooks();
        boolean failover = rb != null && rb.getFailover() != null && !rb.getFailover().isBlank();
        boolean failback = rb != null && rb.getFailback() != null && !rb.getFailback().isBlank();
        if (failover && failback) {
            return Verdict.compliant("Workload " + w.getName() + " references a failover runbook (" + rb.getFailover()
                    + ") and a failback runbook (" + rb.getFailback() + ").", null);
        }
        String missing = !failover && !failback ? "failover and failback" : failover ? "failback" : "failover";
        return Verdict.nonCompliant("Workload " + w.getName() + " references no " + missing + " runbook.", null);
    }
}
