package io.failready.rules.operations;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.Map;
import java.util.TreeSet;

/**
 * SNS_TOPIC_PRESENT_IN_RECOVERY_REGION: the decision for one in-scope topic in the primary region.
 * Scenarios are checked in the order the rule's documentation lists them.
 */
public final class SnsTopicPresentInRecoveryRegion {
    private SnsTopicPresentInRecoveryRegion() {}

    public static Verdict decide(Resource t, RegionPair p, GapIndex g, Counterparts cps) {
        String who = Labels.of(t);
        String rec = p.recovery;
        if (g.missingFor(t, "sns") || !t.has("subscriptions")) {
            return Verdict.insufficientData(who + ": cannot read its subscriptions (" + why(t, g) + ").");
        }
        Resource c = cps.of(t, rec);
        if (c == null) {
            if (g.missing(t.getAccountId(), rec, "sns")) {
                return Verdict.insufficientData(who + ": cannot tell whether it exists in " + rec + " (" + g.why(t.getAccountId(), rec, "sns") + ").");
            }
            return Verdict.nonCompliant(who + " has no counterpart topic in " + rec + ".", null);
        }
        String twin = "its counterpart " + c.getResourceName() + " in " + rec;
        if (g.missingFor(c, "sns") || !c.has("subscriptions")) {
            return Verdict.insufficientData(who + ": cannot read the subscriptions of " + twin + " (" + why(c, g) + ").", c);
        }
        TreeSet<String> needed = protocols(t, true);
        needed.removeAll(protocols(c, true));
        if (!needed.isEmpty()) {
            TreeSet<String> pending = protocols(c, false);
            pending.retainAll(needed);
            return Verdict.nonCompliant(who + ": " + twin + " has no confirmed " + Text.join(needed) + " subscription"
                    + (pending.isEmpty() ? "" : " (" + Text.join(pending) + " pending confirmation)") + ".", c);
        }
        TreeSet<String> confirmed = protocols(t, true);
        return Verdict.compliant(who + " has counterpart " + c.getResourceName() + " in " + rec + " (matched by " + cps.matchedBy(t, rec) + ")"
                + (confirmed.isEmpty() ? "." : " with confirmed " + Text.join(confirmed) + " subscriptions."), c);
    }

    private static String why(Resource t, GapIndex g) {
        return g.missingFor(t, "sns") ? g.why(t, "sns") : "they were not collected";
    }

    /** Protocols with a subscription whose confirmation state is {@code confirmed}. */
    private static TreeSet<String> protocols(Resource t, boolean confirmed) {
        TreeSet<String> out = new TreeSet<>();
        for (Map<String, Object> s : t.maps("subscriptions")) {
            if (Boolean.TRUE.equals(s.get("confirmed")) == confirmed && s.get("protocol") != null) out.add(String.valueOf(s.get("protocol")));
        }
        return out;
    }
}
