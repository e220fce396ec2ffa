package io.failready.rules.operations;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * EVENTBRIDGE_RULES_PRESENT_IN_RECOVERY_REGION: the decision for one in-scope EventBridge rule in
 * the primary region. Scenarios are checked in the order the rule's documentation lists them.
 */
public final class EventBridgeRulesPresentInRecoveryRegion {
    private EventBridgeRulesPresentInRecoveryRegion() {}

    public static Verdict decide(Resource r, RegionPair p, GapIndex g, Counterparts cps) {
        Verdict v = judge(r, p, g, cps);
        if (!v.is(io.failready.model.ComplianceType.NON_COMPLIANT)) return v;
        // a global endpoint would make the rule compliant whatever its counterpart: unlisted endpoints keep the answer open
        io.failready.facts.CollectionGap unlisted = g.resourceTypeGap(r.getAccountId(), p.primary, ENDPOINT);
        if (unlisted == null) unlisted = g.resourceTypeGap(r.getAccountId(), p.recovery, ENDPOINT);
        if (unlisted == null) return v;
        return Verdict.insufficientData(Text.fit(v.annotation() + " Global endpoints could not be listed ("
                + GapIndex.describe(unlisted) + "), and one may serve its bus."), v.counterpart());
    }

    static final String ENDPOINT = "AWS::Events::Endpoint";

    private static Verdict judge(Resource r, RegionPair p, GapIndex g, Counterparts cps) {
        String who = Labels.of(r) + " (bus " + r.str("eventBusName") + ")";
        String rec = p.recovery;
        if (g.missingFor(r, "eventbridge") || !r.has("targets")) {
            return Verdict.insufficientData(who + ": cannot read its targets (" + why(r, g) + ").");
        }
        if (!enabled(r)) return Verdict.notApplicable(who + " is " + r.str("state") + "; only enabled rules need a counterpart.");
        if (r.str("managedBy") != null) {
            return Verdict.notApplicable(who + " is managed by " + r.str("managedBy") + ", which creates it where the service runs.");
        }
        for (Map<String, Object> ep : r.maps("globalEndpoints")) {
            Object regions = ep.get("regions");
            if ("ACTIVE".equals(ep.get("state")) && regions instanceof java.util.List<?> l && l.contains(p.primary) && l.contains(rec)) {
                return Verdict.compliant(who + ": its bus is served by global endpoint " + ep.get("name") + ", which fails over to " + rec + ".", null);
            }
        }
        Resource c = cps.of(r, rec);
        if (c == null) {
            if (g.missing(r.getAccountId(), rec, "eventbridge")) {
                return Verdict.insufficientData(who + ": cannot tell whether it exists in " + rec + " (" + g.why(r.getAccountId(), rec, "eventbridge") + ").");
            }
            return Verdict.nonCompliant(who + " has no counterpart rule in " + rec + " and its bus has no active global endpoint covering " + rec + ".", null);
        }
        String twin = "its counterpart " + c.getResourceName() + " (bus " + c.str("eventBusName") + ") in " + rec;
        if (g.missingFor(c, "eventbridge") || !c.has("targets")) {
            return Verdict.insufficientData(who + ": cannot read the targets of " + twin + " (" + why(c, g) + ").", c);
        }
        if (!enabled(c)) return Verdict.nonCompliant(who + ": " + twin + " is " + c.str("state") + ".", c);
        if (!Objects.equals(r.str("eventPatternCanonical"), c.str("eventPatternCanonical"))
                || !Objects.equals(r.str("scheduleExpression"), c.str("scheduleExpression"))) {
            return Verdict.nonCompliant(who + ": " + twin + " matches " + trigger(c) + ", not " + trigger(r) + ".", c);
        }
        TreeSet<String> regions = new TreeSet<>();
        for (Map<String, Object> t : c.maps("targets")) {
            if (rec.equals(t.get("region"))) {
                return Verdict.compliant(who + " has counterpart " + c.getResourceName() + " in " + rec + " (matched by "
                        + cps.matchedBy(r, rec) + "): enabled, same " + (r.str("scheduleExpression") != null ? "schedule" : "event pattern")
                        + ", targeting " + t.get("service") + " in " + rec + ".", c);
            }
            if (t.get("region") != null) regions.add(String.valueOf(t.get("region")));
        }
        return Verdict.nonCompliant(who + ": " + twin + " has no target in " + rec
                + (regions.isEmpty() ? "" : " (its targets are in " + Text.join(regions) + ")") + ".", c);
    }

    /** ENABLED, or ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS. */
    private static boolean enabled(Resource r) { return r.str("state") != null && r.str("state").startsWith("ENABLED"); }

    private static String trigger(Resource r) {
        if (r.str("scheduleExpression") != null) return "schedule " + r.str("scheduleExpression");
        return "event pattern " + Text.shorten(r.str("eventPatternCanonical"), 60);
    }

    private static String why(Resource r, GapIndex g) {
        return g.missingFor(r, "eventbridge") ? g.why(r, "eventbridge") : "they were not collected";
    }
}
