package io.failready.rules.requirements;

import io.failready.config.Workload;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * WORKLOAD_RECOVERY_OBJECTIVES_DEFINED: the decision for one workload declaration. It judges only
 * the configuration, which cannot be missing, so it never reports INSUFFICIENT_DATA.
 */
public final class WorkloadRecoveryObjectivesDefined {
    private WorkloadRecoveryObjectivesDefined() {}

    public static Verdict decide(Workload w) {
        List<String> problems = problems(w);
        if (!problems.isEmpty()) return Verdict.nonCompliant("Workload " + w.name + ": " + String.join(", ", problems) + ".", null);
        return Verdict.compliant("Workload " + w.name + " declares RTO " + w.rtoMinutes + " min, RPO " + w.rpoSeconds + " s, owner "
                + w.owner + " and " + w.criticalWorkflows.size() + " critical workflow(s).", null);
    }

    /** What is missing from the workload's recovery objectives, in declaration order; empty when complete. */
    static List<String> problems(Workload w) {
        List<String> out = new ArrayList<>();
        if (w.rtoMinutes <= 0) out.add(w.rtoText == null ? "no RTO is declared" : "the RTO (" + w.rtoText + ") is not positive");
        if (w.rpoSeconds <= 0) out.add(w.rpoText == null ? "no RPO is declared" : "the RPO (" + w.rpoText + ") is not positive");
        if (w.owner == null || w.owner.isBlank()) out.add("no owner is named");
        if (w.criticalWorkflows == null || w.criticalWorkflows.stream().allMatch(x -> x == null || x.isBlank())) {
            out.add("no critical workflows are listed");
        }
        return out;
    }
}
