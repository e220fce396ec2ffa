package io.failready.rules.operations;

import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * DR_DRILL_RECENT: the decision for the workload. A known problem (no drill, too old, a target
 * missed) is reported before anything unknown: a missing observation cannot excuse a stale drill.
 */
public final class DrDrillRecent {
    private DrDrillRecent() {}

    public static Verdict decide(Workload w, AsOf now, int maxDays) {
        String problems = problems(w, now, maxDays);
        if (problems != null) return Verdict.nonCompliant("Workload " + w.getName() + ": " + problems + ".", null);
        String unknown = unknown(w);
        if (unknown != null) {
            return Verdict.insufficientData("Workload " + w.getName() + ": cannot tell whether the last drill met the targets: " + unknown + ".");
        }
        Workload.Drill d = w.getLastDrill();
        return Verdict.compliant("Workload " + w.getName() + ": the last drill on " + d.getDate() + " (" + now.daysSince(d.getDate())
                + " days ago) met its targets: RTO " + d.getObservedRtoMinutes() + "/" + w.getRtoMinutes() + " min, RPO "
                + d.getObservedRpoMinutes() + "/" + w.getRpoMinutes() + " min.", null);
    }

    /** What is wrong with the last drill, or null; only known facts count. */
    static String problems(Workload w, AsOf now, int maxDays) {
        Workload.Drill d = w.getLastDrill();
        if (d == null) return "no failover drill is recorded";
        List<String> out = new ArrayList<>();
        long age = now.daysSince(d.getDate());
        if (age > maxDays) out.add("the last drill on " + d.getDate() + " was " + age + " days ago (limit " + maxDays + ")");
        if (d.getObservedRtoMinutes() >= 0 && w.getRtoMinutes() > 0 && d.getObservedRtoMinutes() > w.getRtoMinutes()) {
            out.add("its observed RTO of " + d.getObservedRtoMinutes() + " min missed the " + w.getRtoMinutes() + " min target");
        }
        if (d.getObservedRpoMinutes() >= 0 && w.getRpoMinutes() > 0 && d.getObservedRpoMinutes() > w.getRpoMinutes()) {
            out.add("its observed RPO of " + d.getObservedRpoMinutes() + " min missed the " + w.getRpoMinutes() + " min target");
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** What keeps a recent drill from being judged against the targets, or null. */
    static String unknown(Workload w) {
        Workload.Drill d = w.getLastDrill();
        if (d.getObservedRtoMinutes() < 0) return "the drill on " + d.getDate() + " records no observed RTO";
        if (d.getObservedRpoMinutes() < 0) return "the drill on " + d.getDate() + " records no observed RPO";
        if (w.getRtoMinutes() <= 0) return "the workload declares no RTO to compare the drill with";
        if (w.getRpoMinutes() <= 0) return "the workload declares no RPO to compare the drill with";
        return null;
    }
}
