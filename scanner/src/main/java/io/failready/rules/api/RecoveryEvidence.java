package io.failready.rules.api;

import io.failready.config.Workload;
import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What AWS itself records about a workload's recovery: ARC Region switch plans (with their
 * evaluation and executions) and AWS FIS experiments, and which of them belong to a workload. One
 * place for the matching, so REGION_SWITCH_PLAN_READY and DR_DRILL_RECENT judge the same plans.
 *
 * <p>A plan belongs to a workload when the workload names it ({@code evidence.regionSwitchPlans}, by
 * name or ARN), or, when it names none, when the plan is in scope (scope tags or name patterns) and
 * covers the pair. An FIS experiment belongs when it, or its experiment template, is in scope. Only
 * resources of the workload's accounts count.
 */
public final class RecoveryEvidence {
    private RecoveryEvidence() {}

    public static final String PLAN = "AWS::ARCRegionSwitch::Plan";
    public static final String EXPERIMENT = "AWS::FIS::Experiment";
    public static final String TEMPLATE = "AWS::FIS::ExperimentTemplate";
    /** Gaps name these services. */
    public static final String PLAN_SERVICE = "arcregionswitch";
    public static final String FIS_SERVICE = "fis";

    /** An execution that shifted the application to the recovery side and ended as Region switch intended. */
    public static final Set<String> EXECUTION_SUCCEEDED = Set.of("completed");
    /** Executions that ended without a clean recovery: a measured failure. */
    public static final Set<String> EXECUTION_FAILED = Set.of("failed", "completedWithExceptions", "planExecutionTimedOut", "pausedByFailedStep");

    public static boolean declaresPlans(Workload w) { return w.evidence != null && !w.evidence.regionSwitchPlans.isEmpty(); }

    /** Whether the workload names this plan (by its name or its ARN). */
    public static boolean named(Resource plan, Workload w) {
        return declaresPlans(w) && (w.evidence.regionSwitchPlans.contains(plan.getResourceName())
                || w.evidence.regionSwitchPlans.contains(plan.getResourceId()));
    }

    /** The plan lists both regions of the pair. */
    public static boolean covers(Resource plan, RegionPair p) {
        List<Object> regions = plan.list("regions");
        return regions != null && regions.contains(p.primary) && regions.contains(p.recovery);
    }

    /** Whether REGION_SWITCH_PLAN_READY judges this plan for this pair. */
    public static boolean judged(Resource plan, Workload w, RegionPair p) {
        if (!PLAN.equals(plan.getResourceType()) || !w.accountIds().contains(plan.getAccountId())) return false;
        if (declaresPlans(w)) return named(plan, w);
        return plan.isInScope() && covers(plan, p);
    }

    /** The plans judged for this pair. */
    public static List<Resource> plans(Collection<?> resources, Workload w, RegionPair p) {
        List<Resource> out = new ArrayList<>();
        for (Object o : resources) if (o instanceof Resource r && judged(r, w, p)) out.add(r);
        return out;
    }

    /** The workload's plans for any of its pairs (primary to each recovery region). */
    public static List<Resource> plans(Collection<?> resources, Workload w) {
        List<Resource> out = new ArrayList<>();
        for (String rec : w.recoveryRegions) {
            for (Resource r : plans(resources, w, new RegionPair(w.name, w.primaryRegion, rec))) if (!out.contains(r)) out.add(r);
        }
        return out;
    }

    /** Declared plan names or ARNs that match no collected plan of the workload's accounts. */
    public static List<String> missingDeclared(Collection<?> resources, Workload w) {
        List<String> out = new ArrayList<>();
        if (!declaresPlans(w)) return out;
        for (String want : w.evidence.regionSwitchPlans) {
            boolean found = false;
            for (Object o : resources) {
                if (o instanceof Resource r && PLAN.equals(r.getResourceType()) && w.accountIds().contains(r.getAccountId())
                        && (want.equals(r.getResourceName()) || want.equals(r.getResourceId()))) found = true;
            }
            if (!found) out.add(want);
        }
        return out;
    }

    /** The first gap that hides Region switch plans of the workload's accounts, or null. */
    public static CollectionGap planGap(Workload w, GapIndex g) {
        for (String a : w.accountIds()) {
            CollectionGap gap = g.gap(a, Resource.GLOBAL, PLAN_SERVICE);
            if (gap != null) return gap;
        }
        return null;
    }

    /** The first gap that hides FIS experiments of the workload's accounts in its regions, or null. */
    public static CollectionGap experimentGap(Workload w, GapIndex g) {
        for (String a : w.accountIds()) {
            for (String r : w.allRegions()) {
                CollectionGap gap = g.gap(a, r, FIS_SERVICE);
                if (gap != null) return gap;
            }
        }
        return null;
    }

    /** FIS experiments of the workload: in scope themselves, or started from an in-scope template. */
    public static List<Resource> experiments(Collection<?> resources, Workload w) {
        List<Resource> templates = new ArrayList<>();
        for (Object o : resources) if (o instanceof Resource r && TEMPLATE.equals(r.getResourceType()) && r.isInScope()) templates.add(r);
        List<Resource> out = new ArrayList<>();
        for (Object o : resources) {
            if (!(o instanceof Resource r) || !EXPERIMENT.equals(r.getResourceType()) || !w.accountIds().contains(r.getAccountId())) continue;
            boolean viaTemplate = templates.stream().anyMatch(t -> t.getAccountId().equals(r.getAccountId())
                    && t.getAwsRegion().equals(r.getAwsRegion()) && t.str("templateId") != null && t.str("templateId").equals(r.str("experimentTemplateId")));
            if (r.isInScope() || viaTemplate) out.add(r);
        }
        return out;
    }

    /**
     * Whether an execution moved the application from the primary towards a recovery region:
     * activating a recovery region, or deactivating the primary.
     */
    public static boolean failover(Map<String, Object> execution, Workload w) {
        Object action = execution.get("action"), region = execution.get("region");
        return ("activate".equals(action) && w.recoveryRegions.contains(region))
                || ("deactivate".equals(action) && w.primaryRegion.equals(region));
    }

    /** An ISO-8601 instant from the snapshot, or null when absent or unreadable. */
    public static Instant instant(Object text) {
        if (text == null) return null;
        try {
            return Instant.parse(String.valueOf(text));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A measured time for people: "14m", "1h 15m". */
    public static String human(long seconds) { return io.failready.util.Durations.human(Duration.ofSeconds(seconds)); }

    /** Hours from {@code then} to {@code now}, never negative (an evaluation after --as-of is fresh). */
    public static long hoursBetween(Instant then, Instant now) {
        return Math.max(0, Duration.between(then, now).toHours());
    }
}
