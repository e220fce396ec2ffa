package io.failready.rules.traffic;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * ELB_LOAD_BALANCER_READY_IN_RECOVERY_REGION: the decision for one in-scope load balancer in the
 * primary region. Scenarios are checked in the order the rule's documentation lists them.
 */
public final class ElbLoadBalancerReadyInRecoveryRegion {
    private ElbLoadBalancerReadyInRecoveryRegion() {}

    static final String SERVICE = "elasticloadbalancingv2";

    public static Verdict decide(Resource lb, RegionPair p, EdgeIndex ix, GapIndex g, Counterparts cps,
                                 int minHealthy, boolean healthyRequired) {
        String who = Labels.of(lb);
        if (g.missingFor(lb, SERVICE)) {
            return Verdict.insufficientData(who + ": cannot read it or its listeners (" + g.why(lb, SERVICE) + ").");
        }
        if (!lb.has("listeners")) {
            return Verdict.insufficientData(who + ": its listeners were not collected, so what the recovery twin must serve is unknown.");
        }
        String type = lb.str("type");
        if (!"application".equals(type) && !"network".equals(type)) {
            return Verdict.notApplicable(who + " is a " + (type == null ? "load balancer of unknown type" : type + " load balancer")
                    + "; the rule judges Application and Network Load Balancers.");
        }
        Resource cp = cps.of(lb, p.recovery);
        if (cp == null) {
            if (g.missing(lb.getAccountId(), p.recovery, SERVICE)) {
                return Verdict.insufficientData(who + ": cannot tell whether a counterpart exists in " + p.recovery + " ("
                        + g.why(lb.getAccountId(), p.recovery, SERVICE) + ").");
            }
            return Verdict.nonCompliant(who + " has no counterpart load balancer in " + p.recovery
                    + " (none matched by logical-id tag, name, region tokens or mapping).", null);
        }
        String twin = Labels.of(cp);
        if (g.missingFor(cp, SERVICE)) {
            return Verdict.insufficientData(who + ": its counterpart " + twin + " could not be read (" + g.why(cp, SERVICE) + ").", cp);
        }
        if (!"active".equals(cp.str("state"))) {
            return Verdict.nonCompliant(who + ": its counterpart " + twin + " is " + (cp.str("state") == null ? "in an unknown state" : cp.str("state"))
                    + ", not active.", cp);
        }
        TreeSet<String> missing = new TreeSet<>();
        TreeSet<String> noCert = new TreeSet<>();
        List<Map<String, Object>> twinListeners = cp.maps("listeners");
        for (Map<String, Object> l : lb.maps("listeners")) {
            String want = l.get("protocol") + ":" + port(l.get("port"));
            Map<String, Object> match = null;
            for (Map<String, Object> t : twinListeners) {
                if (want.equals(t.get("protocol") + ":" + port(t.get("port")))) { match = t; break; }
            }
            if (match == null) missing.add(want);
            else if (secure(match.get("protocol")) && !(match.get("certificateArns") instanceof List<?> c && !c.isEmpty())) noCert.add(want);
        }
        if (!missing.isEmpty()) {
            return Verdict.nonCompliant(who + ": its counterpart " + twin + " lacks listener(s) " + Text.join(missing) + ".", cp);
        }
        if (!noCert.isEmpty()) {
            return Verdict.nonCompliant(who + ": its counterpart " + twin + "'s listener(s) " + Text.join(noCert) + " have no certificate.", cp);
        }
        List<Resource> groups = ix.targetGroups(cp);
        if (groups.isEmpty()) {
            return Verdict.nonCompliant(who + ": its counterpart " + twin + " has no target group, so it has nowhere to send traffic.", cp);
        }
        List<String> short_ = new ArrayList<>();
        for (Resource tg : groups) {
            if (g.missingFor(tg, SERVICE) || !tg.has("healthyTargets") || !tg.has("registeredTargets")) {
                return Verdict.insufficientData(who + ": the health of " + Labels.of(tg) + " behind its counterpart " + twin
                        + " could not be read (" + g.why(tg, SERVICE) + ").", cp);
            }
            int healthy = (int) tg.numOr("healthyTargets", 0);
            int registered = (int) tg.numOr("registeredTargets", 0);
            if (healthyRequired) {
                if (healthy < minHealthy) short_.add(tg.getResourceName() + " (" + healthy + " healthy of " + registered + ", need " + minHealthy + ")");
            } else if (registered == 0 && ix.autoScalingGroups(tg).isEmpty()) {
                short_.add(tg.getResourceName() + " (no registered target, no Auto Scaling group attached)");
            }
        }
        if (!short_.isEmpty()) {
            return Verdict.nonCompliant(who + ": behind its counterpart " + twin + ", target group(s) " + Text.join(short_) + ".", cp);
        }
        return Verdict.compliant(who + ": its counterpart " + twin + " is active with the same listeners and "
                + groups.size() + " target group(s) " + (healthyRequired ? "with at least " + minHealthy + " healthy target(s) each" : "with targets or an Auto Scaling group") + ".", cp);
    }

    private static boolean secure(Object protocol) { return "HTTPS".equals(protocol) || "TLS".equals(protocol); }

    private static String port(Object p) { return p instanceof Number n ? String.valueOf(n.intValue()) : String.valueOf(p); }
}
