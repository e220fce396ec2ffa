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
 * ECS_RECOVERY_CAPACITY_SUFFICIENT: the decision for one in-scope service in the primary region.
 * Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class EcsRecoveryCapacitySufficient {
    private EcsRecoveryCapacitySufficient() {}

    public static Verdict decide(Resource r, RegionPair p, Workload w, double ratio, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String blind = RecoverySide.blind(r, rec, g, "ecs");
        if (blind != null) {
            return Verdict.insufficientData(Labels.of(r) + ": cannot tell the task capacity available in " + rec + " (" + blind + ").");
        }
        Resource c = cps.of(r, rec);
        if (c == null) {
            return Verdict.nonCompliant(Labels.of(r) + " has no counterpart in " + rec + " to take over its "
                    + amount(r.numOr("desiredCount", -1)) + " tasks.", null);
        }
        String unknown = unknown(r, c, w);
        if (unknown != null) {
            return Verdict.insufficientData(Labels.of(r) + ": cannot compare with " + c.getName() + " in " + rec
                    + " because the " + unknown + " was not collected.", c);
        }
        String need = need(r, "desiredCount", ratio, w);
        if (capacity(c, w) >= needed(r, "desiredCount", ratio)) {
            return Verdict.compliant(Labels.of(c) + " in " + rec + " " + offer(c, w) + "; " + need + ".", c);
        }
        return Verdict.nonCompliant(Labels.of(c) + " in " + rec + " falls short: it " + offer(c, w) + "; " + need + ".", c);
    }

    /** The recovery service scales through Application Auto Scaling, and the strategy lets it. */
    private static boolean scales(Resource recovery, Workload w) { return !runsHot(w) && recovery.has("autoScaling"); }

    /**
     * Under hot-standby / active-active the recovery service's desired count; otherwise its
     * Application Auto Scaling max capacity, or its desired count when it has no scalable target
     * (a fixed-size service cannot grow). -1 when unknown.
     */
    static long capacity(Resource recovery, Workload w) {
        return scales(recovery, w) ? whole(recovery, "autoScaling.maxCapacity") : whole(recovery, "desiredCount");
    }

    static String unknown(Resource primary, Resource recovery, Workload w) {
        if (!primary.has("desiredCount")) return "desired count of " + primary.getName();
        if (!scales(recovery, w)) return recovery.has("desiredCount") ? null : "desired count of " + recovery.getName();
        return recovery.has("autoScaling.maxCapacity") ? null : "auto scaling max capacity of " + recovery.getName();
    }

    static String offer(Resource recovery, Workload w) {
        if (runsHot(w)) return "runs " + amount(whole(recovery, "desiredCount")) + " tasks";
        if (!recovery.has("autoScaling")) return "has no auto scaling and a fixed desired count of " + amount(whole(recovery, "desiredCount"));
        return "can scale to " + amount(whole(recovery, "autoScaling.maxCapacity")) + " tasks";
    }
}
