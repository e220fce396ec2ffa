package io.failready.rules.capacity;

import io.failready.config.Workload;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.RecoverySide;
import io.failready.rules.api.Verdict;

import static io.failready.rules.api.CapacityMath.amount;
import static io.failready.rules.api.CapacityMath.need;
import static io.failready.rules.api.CapacityMath.needed;
import static io.failready.rules.api.CapacityMath.runsHot;
import static io.failready.rules.api.CapacityMath.whole;

/**
 * AUTOSCALING_RECOVERY_CAPACITY_SUFFICIENT: the decision for one in-scope group in the primary
 * region. Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class AutoscalingRecoveryCapacitySufficient {
    private AutoscalingRecoveryCapacitySufficient() {}

    public static Verdict decide(Resource r, RegionPair p, Workload w, double ratio, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String blind = RecoverySide.blind(r, rec, g, "autoscaling");
        if (blind != null) {
            return Verdict.insufficientData(Labels.of(r) + ": cannot tell the capacity available in " + rec + " (" + blind + ").");
        }
        Resource c = cps.of(r, rec);
        if (c == null) {
            return Verdict.nonCompliant(Labels.of(r) + " has no counterpart in " + rec + " to take over its "
                    + amount(r.numOr("desiredCapacity", -1)) + " instances.", null);
        }
        if (launchSuspended(c)) {
            return Verdict.nonCompliant(Labels.of(c) + " in " + rec + " has its Launch process suspended, so it cannot add"
                    + " instances to take over " + r.getName() + " (resume it: aws autoscaling resume-processes --scaling-processes Launch).", c);
        }
        String unknown = unknown(r, c, w);
        if (unknown != null) {
            return Verdict.insufficientData(Labels.of(r) + ": cannot compare with " + c.getName() + " in " + rec
                    + " because the " + unknown + " was not collected.", c);
        }
        String need = need(r, "desiredCapacity", ratio, w);
        if (capacity(c, w) >= needed(r, "desiredCapacity", ratio)) {
            return Verdict.compliant(Labels.of(c) + " in " + rec + " " + offer(c, w) + "; " + need + ".", c);
        }
        return Verdict.nonCompliant(Labels.of(c) + " in " + rec + " falls short: it " + offer(c, w) + "; " + need + ".", c);
    }

    /**
     * The group cannot launch instances: Launch is suspended (by a person, or by Auto Scaling
     * itself after a day of failed launches). A suspended Terminate only stops scale-in, which
     * does not take capacity away, so it is not judged here.
     */
    static boolean launchSuspended(Resource group) {
        return group.list("suspendedProcesses").stream().anyMatch("Launch"::equals);
    }

    /**
     * What the recovery group can provide: its max size, and under hot-standby / active-active the
     * smaller of max size and desired capacity (instances must already run). -1 when unknown.
     */
    static long capacity(Resource recovery, Workload w) {
        long max = whole(recovery, "maxSize");
        if (!runsHot(w)) return max;
        long desired = whole(recovery, "desiredCapacity");
        if (max < 0 || desired < 0) return -1;
        return Math.min(max, desired);
    }

    /** Names the attribute that was not collected, or null when everything needed is known. */
    static String unknown(Resource primary, Resource recovery, Workload w) {
        if (!primary.has("desiredCapacity")) return "desired capacity of " + primary.getName();
        if (!recovery.has("maxSize")) return "max size of " + recovery.getName();
        if (runsHot(w) && !recovery.has("desiredCapacity")) return "desired capacity of " + recovery.getName();
        return null;
    }

    /** "can scale to 4 instances" / "runs 2 instances (max 12)". */
    static String offer(Resource recovery, Workload w) {
        if (runsHot(w)) {
            return "runs " + amount(whole(recovery, "desiredCapacity")) + " instances (max " + amount(whole(recovery, "maxSize")) + ")";
        }
        return "can scale to " + amount(whole(recovery, "maxSize")) + " instances";
    }
}
