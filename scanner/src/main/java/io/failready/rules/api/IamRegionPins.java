package io.failready.rules.api;

import io.failready.facts.RegionTokens;
import io.failready.util.Globs;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reading an IAM role's collected policy documents for what pins the role to one region, so that
 * it cannot act in another: conditions on {@code aws:RequestedRegion} and grants on regional
 * resource ARNs with no equivalent in the other region.
 */
public final class IamRegionPins {
    private IamRegionPins() {}

    private static final Set<String> REGION_ALLOW_OPS = Set.of("stringequals", "stringlike", "stringequalsignorecase",
            "forallvalues:stringequals", "forallvalues:stringlike", "foranyvalue:stringequals", "foranyvalue:stringlike");
    private static final Set<String> REGION_DENY_OPS = Set.of("stringnotequals", "stringnotlike", "stringnotequalsignorecase",
            "forallvalues:stringnotequals", "forallvalues:stringnotlike", "foranyvalue:stringnotequals", "foranyvalue:stringnotlike");

    /** AWS writes and maintains a service-linked role's policies for every region. */
    public static boolean isServiceLinked(Resource role) {
        return role.getResourceId().contains(":role/aws-service-role/")
                || String.valueOf(role.str("roleName")).startsWith("AWSServiceRoleFor");
    }

    /** Name of the first attached or inline policy whose document was not collected, or null. */
    public static String policyWithoutDocument(Resource role) {
        for (Map<String, Object> p : role.maps("policies")) {
            if (!(p.get("document") instanceof Map<?, ?>)) return policyName(p);
        }
        return null;
    }

    /**
     * Why the role's policies pin it to {@code primary} so that it cannot work in {@code recovery},
     * or null when nothing does. Pinning is (a) an Allow limited by {@code aws:RequestedRegion} to
     * values that do not match the recovery region, (b) a Deny for every region but ones that do not
     * match the recovery region, or (c) an Allow on regional resource ARNs of the primary region
     * whose recovery-region equivalent (same ARN, or with region tokens swapped) no Allow in any of
     * the role's policies grants.
     */
    public static String pin(Resource role, String primary, String recovery) {
        List<Pattern> granted = new ArrayList<>();
        for (Map<String, Object> p : role.maps("policies")) {
            for (Map<String, Object> s : statements(p)) {
                if (allows(s)) for (String res : strings(s.get("Resource"))) granted.add(Globs.glob(res));
            }
        }
        for (Map<String, Object> p : role.maps("policies")) {
            List<Map<String, Object>> sts = statements(p);
            for (int i = 0; i < sts.size(); i++) {
                Map<String, Object> s = sts.get(i);
                String sname = s.get("Sid") == null || String.valueOf(s.get("Sid")).isEmpty() ? "#" + (i + 1) : String.valueOf(s.get("Sid"));
                String where = "policy " + policyName(p) + " statement " + sname + " ";
                String condition = regionCondition(s, recovery);
                if (condition != null) return where + condition;
                if (!allows(s)) continue;
                for (String res : strings(s.get("Resource"))) {
                    if (primary.equals(Arns.region(res)) && !covered(res, primary, recovery, granted)) {
                        return where + "grants " + Text.shorten(res, 80) + " with no " + recovery + " equivalent";
                    }
                }
            }
        }
        return null;
    }

    /** How the statement's aws:RequestedRegion condition keeps the role out of {@code recovery}, or null. */
    private static String regionCondition(Map<String, Object> s, String recovery) {
        if (!(s.get("Condition") instanceof Map<?, ?> cond)) return null;
        boolean allow = allows(s);
        for (Map.Entry<?, ?> op : cond.entrySet()) {
            String opName = String.valueOf(op.getKey()).toLowerCase(Locale.ROOT).replace("ifexists", "");
            if (!(op.getValue() instanceof Map<?, ?> keys)) continue;
            for (Map.Entry<?, ?> k : keys.entrySet()) {
                if (!"aws:requestedregion".equalsIgnoreCase(String.valueOf(k.getKey()))) continue;
                List<String> vals = strings(k.getValue());
                boolean recoveryListed = vals.stream().anyMatch(v -> Globs.glob(v).matcher(recovery).matches());
                boolean pins = (allow && REGION_ALLOW_OPS.contains(opName) && !recoveryListed)
                        || (!allow && REGION_DENY_OPS.contains(opName) && !recoveryListed)
                        || (!allow && REGION_ALLOW_OPS.contains(opName) && recoveryListed);
                if (pins) return (allow ? "allows only" : "denies outside") + " aws:RequestedRegion " + String.join(",", vals);
            }
        }
        return null;
    }

    private static boolean covered(String primaryArn, String primary, String recovery, List<Pattern> granted) {
        String[] parts = primaryArn.split(":", 6);
        parts[3] = recovery;
        String same = String.join(":", parts);
        String swapped = parts.length == 6 ? RegionTokens.translate(parts[5], primary, recovery) : null;
        String swappedArn = null;
        if (swapped != null) {
            parts[5] = swapped;
            swappedArn = String.join(":", parts);
        }
        for (Pattern g : granted) {
            if (g.matcher(same).matches() || (swappedArn != null && g.matcher(swappedArn).matches())) return true;
        }
        return false;
    }

    private static boolean allows(Map<String, Object> statement) { return "Allow".equalsIgnoreCase(String.valueOf(statement.get("Effect"))); }

    private static String policyName(Map<String, Object> policy) { return String.valueOf(policy.getOrDefault("name", policy.get("arn"))); }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> policy) {
        Object doc = policy.get("document");
        if (!(doc instanceof Map<?, ?> d)) return List.of();
        Object st = d.get("Statement");
        List<Map<String, Object>> out = new ArrayList<>();
        if (st instanceof Map<?, ?> m) out.add((Map<String, Object>) m);
        else if (st instanceof List<?> l) for (Object o : l) if (o instanceof Map<?, ?> m) out.add((Map<String, Object>) m);
        return out;
    }

    private static List<String> strings(Object v) {
        List<String> out = new ArrayList<>();
        if (v instanceof List<?> l) for (Object o : l) out.add(String.valueOf(o));
        else if (v != null) out.add(String.valueOf(v));
        return out;
    }
}
