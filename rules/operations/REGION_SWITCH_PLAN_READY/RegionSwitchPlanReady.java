package io.failready.rules.operations;

import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.RecoveryEvidence;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * REGION_SWITCH_PLAN_READY: the decision for one Region switch plan of the workload and one region
 * pair, and for the workload when it has none. Scenarios are checked in the order the rule's
 * documentation lists them; the known problems of an evaluation are reported together.
 */
public final class RegionSwitchPlanReady {
    private RegionSwitchPlanReady() {}

    /** Warnings named in full before "and N more". */
    static final int NAMED_WARNINGS = 3;

    public static Verdict decide(Resource plan, Workload w, RegionPair p, AsOf now, int maxHours, GapIndex g) {
        String who = "Region switch plan " + plan.getResourceName();
        if (!plan.has("evaluation")) {
            CollectionGap gap = g.whyGap(plan, RecoveryEvidence.PLAN_SERVICE);
            return Verdict.insufficientData(who + ": cannot read its evaluation status ("
                    + (gap == null ? "it was not collected" : GapIndex.describe(gap)) + ").");
        }
        if (!RecoveryEvidence.covers(plan, p)) {
            return Verdict.nonCompliant(who + " is named for workload " + w.getName() + " but covers "
                    + Text.join(plan.list("regions") == null ? List.of() : plan.list("regions")) + ", not both " + p.primary + " and " + p.recovery + ".", null);
        }
        String state = plan.str("evaluation.state");
        Instant at = RecoveryEvidence.instant(plan.get("evaluation.lastEvaluationTime"));
        if ("unknown".equals(state) || (state == null && at != null)) {
            return Verdict.insufficientData(who + ": Region switch reports its evaluation state as " + (state == null ? "absent" : "unknown") + ".");
        }
        if (state == null || "pendingEvaluation".equals(state) || at == null) {
            return Verdict.nonCompliant(who + " has never been evaluated by Region switch (state " + (state == null ? "absent" : state)
                    + "): nothing has checked its IAM, configuration and capacity.", null);
        }
        List<String> problems = new ArrayList<>();
        if (!"passed".equals(state)) problems.add("its latest evaluation is " + state + ", not passed");
        List<Map<String, Object>> active = new ArrayList<>();
        for (Map<String, Object> x : plan.maps("evaluation.warnings")) if (!"resolved".equals(x.get("status"))) active.add(x);
        if (!active.isEmpty()) problems.add(active.size() + " active warning" + (active.size() == 1 ? "" : "s") + ": " + warnings(active));
        String evaluated = plan.str("evaluation.lastEvaluatedVersion"), current = plan.str("version");
        if (evaluated != null && current != null && !evaluated.equals(current)) {
            problems.add("it evaluated version " + evaluated + " but the plan is at version " + current);
        }
        long age = RecoveryEvidence.hoursBetween(at, now.instant);
        if (age > maxHours) problems.add("it was last evaluated at " + at + ", " + age + " h ago (limit " + maxHours + " h)");
        if (!problems.isEmpty()) return Verdict.nonCompliant(who + ": " + String.join("; ", problems) + ".", null);
        return Verdict.compliant(who + " (" + Text.join(plan.list("regions")) + ") passed its evaluation at " + at + " (" + age
                + " h ago, limit " + maxHours + " h) with no active warning.", null);
    }

    /** The workload when no plan is judged for the pair, or when it names a plan that is not there. */
    public static Verdict noPlan(Collection<?> plans, Workload w, RegionPair p, GapIndex g) {
        String who = "Workload " + w.getName();
        CollectionGap gap = RecoveryEvidence.planGap(w, g);
        if (gap != null) {
            return Verdict.insufficientData(who + ": cannot list its ARC Region switch plans (" + GapIndex.describe(gap) + ").");
        }
        List<String> missing = RecoveryEvidence.missingDeclared(plans, w);
        if (!missing.isEmpty()) {
            return Verdict.nonCompliant(who + " names Region switch plan" + (missing.size() == 1 ? " " : "s ") + Text.join(missing)
                    + " (evidence.regionSwitchPlans), but no such plan exists in account" + (w.accountIds().size() == 1 ? " " : "s ")
                    + Text.join(w.accountIds()) + ".", null);
        }
        if (!RecoveryEvidence.declaresPlans(w)) {
            for (Object o : plans) {
                if (o instanceof Resource r && w.accountIds().contains(r.getAccountId()) && RecoveryEvidence.covers(r, p) && !r.isInScope()
                        && g.whyGap(r, RecoveryEvidence.PLAN_SERVICE) != null && r.getTags().isEmpty()) {
                    return Verdict.insufficientData(who + ": Region switch plan " + r.getResourceName() + " covers " + p.primary + " and " + p.recovery
                            + " but its tags could not be read to tell whether it is the workload's ("
                            + GapIndex.describe(g.whyGap(r, RecoveryEvidence.PLAN_SERVICE)) + ").");
                }
            }
        }
        return Verdict.notApplicable(who + " uses no ARC Region switch plan for " + p.primary + " -> " + p.recovery
                + ": none is named in evidence.regionSwitchPlans and none in its scope covers both regions.");
    }

    /** "step 'x' (workflow 'y'): message", the resource only when no step is named; annotations are short. */
    private static String warnings(List<Map<String, Object>> active) {
        List<String> named = new ArrayList<>();
        for (Map<String, Object> x : active.subList(0, Math.min(NAMED_WARNINGS, active.size()))) {
            String where = x.get("step") != null ? "step '" + x.get("step") + "'"
                    : x.get("resourceArn") != null ? String.valueOf(x.get("resourceArn")) : "the plan";
            if (x.get("workflow") != null) where += " (workflow '" + x.get("workflow") + "')";
            named.add(where + (x.get("message") == null ? "" : ": " + Text.shorten(String.valueOf(x.get("message")), 60)));
        }
        return String.join("; ", named) + (active.size() > NAMED_WARNINGS ? "; and " + (active.size() - NAMED_WARNINGS) + " more" : "");
    }
}
