package io.failready.rules.capacity;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EKS_RECOVERY_CAPACITY_SUFFICIENT: the decision for one in-scope cluster in the primary region.
 * Scenarios are checked in the order the rule's documentation lists them.
 */
public final class EksRecoveryCapacitySufficient {
    private EksRecoveryCapacitySufficient() {}

    /** Node groups that will not run nodes: failed to create, or on their way out. */
    private static final Set<String> GONE = Set.of("CREATE_FAILED", "DELETING", "DELETE_FAILED");

    public static Verdict decide(Resource k, RegionPair p, double ratio, String unseenCapacity, GapIndex g, Counterparts cps) {
        String who = Labels.of(k);
        String rec = p.recovery;
        if (!"unknown".equals(unseenCapacity) && !"ignore".equals(unseenCapacity)) {
            // a typo must not silently pass clusters: the parameter is checked where it is used
            return Verdict.insufficientData(who + ": parameter UnseenCapacity is '" + Text.shorten(unseenCapacity, 40)
                    + "'; use unknown or ignore.");
        }
        String unread = unread(k, g);
        if (unread != null) return Verdict.insufficientData(who + ": cannot read its " + unread + ".");
        Resource c = cps.of(k, rec);
        if (c == null) {
            if (g.missing(k.getAccountId(), rec, "eks")) {
                return Verdict.insufficientData(who + ": cannot tell whether it has a counterpart in " + rec + " (" + g.why(k.getAccountId(), rec, "eks") + ").");
            }
            return Verdict.nonCompliant(who + " has no counterpart cluster in " + rec + ".", null);
        }
        String twin = "its counterpart " + c.getResourceName() + " in " + rec;
        unread = unread(c, g);
        if (unread != null) return Verdict.insufficientData(who + ": cannot read the " + unread + " of " + twin + ".", c);
        if (!"ACTIVE".equals(c.str("status"))) {
            return Verdict.nonCompliant(who + ": " + twin + " is " + c.str("status") + ", not ACTIVE.", c);
        }
        Integer mine = minor(k.str("version"));
        Integer theirs = minor(c.str("version"));
        if (mine != null && theirs != null && Math.abs(mine - theirs) > 1) {
            return Verdict.nonCompliant(who + " runs Kubernetes " + k.str("version") + " but " + twin + " runs " + c.str("version")
                    + "; manifests and add-ons may not work across more than one minor version.", c);
        }
        if ("unknown".equals(unseenCapacity)) {
            String hidden = hiddenCapacity(k, "it");
            if (hidden == null) hidden = hiddenCapacity(c, twin);
            if (hidden != null) {
                return Verdict.insufficientData(who + ": " + hidden + ", capacity the scanner cannot see; set UnseenCapacity = ignore "
                        + "to judge managed node groups only.", c);
            }
        }
        long desired = sum(k, "desiredSize");
        long needed = (long) Math.ceil(desired * ratio - 1e-9);
        long max = sum(c, "maxSize");
        String ask = "ceil(" + desired + " desired nodes x " + Text.number(ratio) + ") = " + needed;
        if (max < needed) {
            return Verdict.nonCompliant(who + ": the managed node groups of " + twin + " can scale to " + max + " nodes, below " + ask + ".", c);
        }
        return Verdict.compliant(who + ": " + twin + " is ACTIVE on Kubernetes " + c.str("version") + " and its managed node groups can scale to "
                + max + " nodes (needed " + ask + ").", c);
    }

    /** What of the cluster could not be read, or null. */
    private static String unread(Resource k, GapIndex g) {
        if (g.missingFor(k, "eks")) return "configuration (" + g.why(k, "eks") + ")";
        if (k.str("status") == null) return "status (DescribeCluster was not collected)";
        if (!k.has("nodegroups")) return "managed node groups (they were not collected)";
        if (!k.has("fargateProfiles")) return "Fargate profiles (they were not collected)";
        return null;
    }

    private static String hiddenCapacity(Resource k, String who) {
        List<Object> fargate = k.list("fargateProfiles");
        if (!fargate.isEmpty()) return who + " runs Fargate profiles (" + Text.shorten(Text.join(fargate), 60) + ")";
        if (live(k).isEmpty()) return who + " has no managed node group (Karpenter or self-managed nodes)";
        return null;
    }

    private static List<Map<String, Object>> live(Resource k) {
        return k.maps("nodegroups").stream().filter(n -> !GONE.contains(String.valueOf(n.get("status")))).toList();
    }

    private static long sum(Resource k, String field) {
        long s = 0;
        for (Map<String, Object> n : live(k)) if (n.get(field) instanceof Number x) s += x.longValue();
        return s;
    }

    /** "1.29" -> 29; null when the version is not major.minor. */
    static Integer minor(String version) {
        if (version == null) return null;
        String[] p = version.split("\\.");
        if (p.length < 2) return null;
        try {
            return Integer.parseInt(p[0]) * 1000 + Integer.parseInt(p[1]);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
