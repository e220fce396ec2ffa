package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.evaluate.RegionTokens;
import io.failready.evaluate.Scope;
import io.failready.facts.AsOf;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.facts.derived.SecurityKeyCounterpart;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Static helpers for the security and compliance rules (imported into DRL with
 * {@code import function} or called as {@code SecurityFunctions.x(..)} in {@code from}). They only
 * read facts; the rules decide the outcome.
 */
public final class SecurityFunctions {
    private SecurityFunctions() {}

    public static final String KMS_KEY = "AWS::KMS::Key";

    // ---------------------------------------------------------------- ARNs

    /** Region field of an ARN ({@code arn:partition:service:region:account:resource}), or null. */
    public static String arnRegion(String arn) { return arnField(arn, 3); }
    public static String arnAccount(String arn) { return arnField(arn, 4); }

    private static String arnField(String arn, int i) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] parts = arn.split(":", 6);
        return parts.length > i ? parts[i] : null;
    }

    private static String partition(Resource r) {
        String p = arnField(r.getResourceId(), 1);
        return p == null || p.isEmpty() ? "aws" : p;
    }

    // ---------------------------------------------------------------- KMS

    /** The key's own ARN and the ARN of each of its aliases: every name a data store may use for it. */
    public static List<String> keyHandles(Resource key) {
        List<String> out = new ArrayList<>();
        out.add(key.getResourceId());
        for (Object a : key.list("aliases")) out.add(aliasArn(partition(key), key.getAwsRegion(), key.getAccountId(), String.valueOf(a)));
        return out;
    }

    private static String aliasArn(String partition, String region, String account, String alias) {
        String name = alias.startsWith("alias/") ? alias : "alias/" + alias;
        return "arn:" + partition + ":kms:" + region + ":" + account + ":" + name;
    }

    /**
     * The KMS keys an in-scope data store names, as key or alias ARNs in the store's account and
     * region. AWS managed keys referred to by their {@code alias/aws/...} name are left out: the
     * service creates them in every region. Aurora member instances are judged through their cluster.
     */
    public static List<String> keyRefs(Resource d) {
        String raw = switch (d.getResourceType()) {
            case "AWS::S3::Bucket" -> d.str("encryption.kmsMasterKeyId");
            case "AWS::DynamoDB::Table" -> d.str("kmsMasterKeyArn");
            case "AWS::RDS::DBCluster", "AWS::SecretsManager::Secret" -> d.str("kmsKeyId");
            case "AWS::RDS::DBInstance" -> d.has("dbClusterIdentifier") ? null : d.str("kmsKeyId");
            default -> null;
        };
        if (raw == null || raw.isBlank()) return List.of();
        String ref = normaliseKeyRef(raw.trim(), d);
        return ref == null ? List.of() : List.of(ref);
    }

    static String normaliseKeyRef(String raw, Resource d) {
        if (raw.startsWith("alias/aws/") || raw.contains(":alias/aws/")) return null;
        if (raw.startsWith("arn:")) return raw;
        if (raw.startsWith("alias/")) return aliasArn(partition(d), d.getAwsRegion(), d.getAccountId(), raw);
        return "arn:" + partition(d) + ":kms:" + d.getAwsRegion() + ":" + d.getAccountId() + ":key/" + raw;
    }

    /**
     * Handles under which the key's twin in {@code recovery} may be inventoried, best first: its
     * multi-Region replica ARNs there, then its aliases (as-is and with region tokens swapped) in
     * the same account in {@code recovery}.
     */
    public static List<String> counterpartHandles(Resource key, String recovery) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (Map<String, Object> link : key.maps("replicaLinks")) {
            if (recovery.equals(link.get("region")) && link.get("resourceId") != null) out.add(String.valueOf(link.get("resourceId")));
        }
        for (Object arn : key.list("replicaKeyArns")) {
            if (recovery.equals(arnRegion(String.valueOf(arn)))) out.add(String.valueOf(arn));
        }
        for (Object a : key.list("aliases")) {
            String alias = String.valueOf(a);
            out.add(aliasArn(partition(key), recovery, key.getAccountId(), alias));
            String swapped = RegionTokens.translate(alias, key.getAwsRegion(), recovery);
            if (swapped != null) out.add(aliasArn(partition(key), recovery, key.getAccountId(), swapped));
        }
        return new ArrayList<>(out);
    }

    /** How a candidate handle found the twin: "multi-Region replica" or "alias alias/x". */
    public static String counterpartKind(String handle) {
        int i = handle.indexOf(":alias/");
        return i < 0 ? "multi-Region replica" : "alias " + handle.substring(i + 1);
    }

    public static int counterpartRank(String handle) { return handle.contains(":alias/") ? 1 : 0; }

    /** Best candidate: replicas before aliases, then by ARN, so the choice does not depend on firing order. */
    public static SecurityKeyCounterpart bestCounterpart(List<?> candidates) {
        SecurityKeyCounterpart best = null;
        for (Object o : candidates) {
            SecurityKeyCounterpart c = (SecurityKeyCounterpart) o;
            if (best == null || c.rank < best.rank
                    || (c.rank == best.rank && c.counterpart.getResourceId().compareTo(best.counterpart.getResourceId()) < 0)) {
                best = c;
            }
        }
        return best;
    }

    public static Resource bestCounterpartKey(List<?> candidates) {
        SecurityKeyCounterpart c = bestCounterpart(candidates);
        return c == null ? null : c.counterpart;
    }

    /** "payments-ledger" / "payments-ledger and 2 more", from data-store resources, sorted by name. */
    public static String names(Collection<?> resources) {
        TreeSet<String> names = new TreeSet<>();
        for (Object o : resources) names.add(o instanceof Resource r ? r.getResourceName() : String.valueOf(o));
        if (names.isEmpty()) return "nothing";
        String first = names.first();
        return names.size() == 1 ? first : first + " and " + (names.size() - 1) + " more";
    }

    /** Short key label for annotations: first alias, else the key id. */
    public static String keyLabel(Resource key) {
        List<Object> aliases = key.list("aliases");
        String id = key.str("keyId") != null ? key.str("keyId") : key.getResourceName();
        return aliases.isEmpty() ? id : String.valueOf(aliases.get(0)) + " (" + id + ")";
    }

    // ---------------------------------------------------------------- CloudTrail

    /** Whether the trail records events in {@code region}: a multi-region trail, or a trail whose home is that region. */
    public static boolean trailCovers(Resource trail, String region) {
        return trail.bool("isMultiRegionTrail") || region.equals(trail.str("homeRegion"))
                || (!trail.has("homeRegion") && region.equals(trail.getAwsRegion()));
    }

    private static int trailScore(Resource t) {
        return (t.bool("isLogging") ? 2 : 0) + (t.bool("logFileValidationEnabled") ? 1 : 0);
    }

    /**
     * The best trail covering {@code region} among {@code trails}: logging with log file validation,
     * then logging, then not logging; ties by ARN. Null when no trail covers the region.
     */
    public static Resource bestTrail(List<?> trails, String region) {
        Resource best = null;
        for (Object o : trails) {
            Resource t = (Resource) o;
            if (!trailCovers(t, region)) continue;
            if (best == null || trailScore(t) > trailScore(best)
                    || (trailScore(t) == trailScore(best) && t.getResourceId().compareTo(best.getResourceId()) < 0)) best = t;
        }
        return best;
    }

    public static boolean trailCompliant(Resource t) { return t.bool("isLogging") && t.bool("logFileValidationEnabled"); }

    // ---------------------------------------------------------------- IAM

    public static boolean isServiceLinkedRole(Resource role) {
        return role.getResourceId().contains(":role/aws-service-role/")
                || String.valueOf(role.str("roleName")).startsWith("AWSServiceRoleFor");
    }

    /** Name of the first attached or inline policy whose document was not collected, or null. */
    public static String policyWithoutDocument(Resource role) {
        for (Map<String, Object> p : role.maps("policies")) {
            if (!(p.get("document") instanceof Map<?, ?>)) return String.valueOf(p.getOrDefault("name", p.get("arn")));
        }
        return null;
    }

    private static final Set<String> REGION_ALLOW_OPS = Set.of("stringequals", "stringlike", "stringequalsignorecase",
            "forallvalues:stringequals", "forallvalues:stringlike", "foranyvalue:stringequals", "foranyvalue:stringlike");
    private static final Set<String> REGION_DENY_OPS = Set.of("stringnotequals", "stringnotlike", "stringnotequalsignorecase",
            "forallvalues:stringnotequals", "forallvalues:stringnotlike", "foranyvalue:stringnotequals", "foranyvalue:stringnotlike");

    /**
     * Why the role's policies pin it to {@code primary} so that it cannot work in {@code recovery},
     * or null when nothing does. Pinning is (a) an Allow limited by {@code aws:RequestedRegion} to
     * values that do not match the recovery region, (b) a Deny for every region but ones that do not
     * match the recovery region, or (c) an Allow on regional resource ARNs of the primary region
     * whose recovery-region equivalent (same ARN, or with region tokens swapped) no Allow in any of
     * the role's policies grants.
     */
    public static String iamRegionPin(Resource role, String primary, String recovery) {
        List<Pattern> granted = new ArrayList<>();
        for (Map<String, Object> p : role.maps("policies")) {
            for (Map<String, Object> s : statements(p)) {
                if ("Allow".equalsIgnoreCase(String.valueOf(s.get("Effect")))) {
                    for (String res : strings(s.get("Resource"))) granted.add(Scope.glob(res));
                }
            }
        }
        for (Map<String, Object> p : role.maps("policies")) {
            String pname = String.valueOf(p.getOrDefault("name", p.get("arn")));
            List<Map<String, Object>> sts = statements(p);
            for (int i = 0; i < sts.size(); i++) {
                Map<String, Object> s = sts.get(i);
                String sname = s.get("Sid") == null || String.valueOf(s.get("Sid")).isEmpty() ? "#" + (i + 1) : String.valueOf(s.get("Sid"));
                boolean allow = "Allow".equalsIgnoreCase(String.valueOf(s.get("Effect")));
                if (s.get("Condition") instanceof Map<?, ?> cond) {
                    for (Map.Entry<?, ?> op : cond.entrySet()) {
                        String opName = String.valueOf(op.getKey()).toLowerCase(Locale.ROOT).replace("ifexists", "");
                        if (!(op.getValue() instanceof Map<?, ?> keys)) continue;
                        for (Map.Entry<?, ?> k : keys.entrySet()) {
                            if (!"aws:requestedregion".equalsIgnoreCase(String.valueOf(k.getKey()))) continue;
                            List<String> vals = strings(k.getValue());
                            boolean recoveryListed = vals.stream().anyMatch(v -> Scope.glob(v).matcher(recovery).matches());
                            boolean pins = (allow && REGION_ALLOW_OPS.contains(opName) && !recoveryListed)
                                    || (!allow && REGION_DENY_OPS.contains(opName) && !recoveryListed)
                                    || (!allow && REGION_ALLOW_OPS.contains(opName) && recoveryListed);
                            if (pins) {
                                return "policy " + pname + " statement " + sname + " "
                                        + (allow ? "allows only" : "denies outside") + " aws:RequestedRegion " + String.join(",", vals);
                            }
                        }
                    }
                }
                if (!allow) continue;
                for (String res : strings(s.get("Resource"))) {
                    if (!primary.equals(arnRegion(res))) continue;
                    if (!covered(res, primary, recovery, granted)) {
                        return "policy " + pname + " statement " + sname + " grants " + shorten(res) + " with no " + recovery + " equivalent";
                    }
                }
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

    private static String shorten(String s) { return s.length() > 80 ? s.substring(0, 77) + "..." : s; }

    // ---------------------------------------------------------------- data residency

    public static final Set<String> DATA_STORE_TYPES = Set.of("AWS::S3::Bucket", "AWS::DynamoDB::Table",
            "AWS::RDS::DBInstance", "AWS::RDS::DBCluster");

    /** A data store the residency rule judges: Aurora member instances are judged through their cluster. */
    public static boolean isDataStore(Resource r) {
        return DATA_STORE_TYPES.contains(r.getResourceType())
                && !("AWS::RDS::DBInstance".equals(r.getResourceType()) && r.has("dbClusterIdentifier"));
    }

    /** The workload's classification tag key, else the rule's parameter. */
    public static String classificationKey(Workload w, String parameterDefault) {
        String k = w.classification == null ? null : w.classification.tagKey;
        return k == null || k.isBlank() ? parameterDefault : k;
    }

    public static boolean classificationRequired(Workload w) { return w.classification != null && w.classification.required; }

    /**
     * Every region holding a copy of {@code d}: its own region, the recovery region when a twin
     * exists or the service links a copy there, replication destinations, replicas, and the
     * destination regions of AWS Backup copy actions of plans (in {@code plans}) that select it.
     */
    public static TreeSet<String> copyRegions(Resource d, RegionPair p, boolean hasCounterpart, List<?> plans) {
        TreeSet<String> out = new TreeSet<>();
        out.add(d.getAwsRegion());
        if (hasCounterpart) out.add(p.recovery);
        for (Map<String, Object> link : d.maps("replicaLinks")) if (link.get("region") != null) out.add(String.valueOf(link.get("region")));
        for (Map<String, Object> rule : d.maps("replication.rules")) {
            if (!"Disabled".equalsIgnoreCase(String.valueOf(rule.get("status"))) && rule.get("destinationRegion") != null) {
                out.add(String.valueOf(rule.get("destinationRegion")));
            }
        }
        for (Map<String, Object> rep : d.maps("replicas")) if (rep.get("regionName") != null) out.add(String.valueOf(rep.get("regionName")));
        for (Map<String, Object> m : d.maps("globalClusterMembers")) if (m.get("region") != null) out.add(String.valueOf(m.get("region")));
        for (Object arn : d.list("readReplicaDBInstanceIdentifiers")) {
            String r = arnRegion(String.valueOf(arn));
            if (r != null && !r.isEmpty()) out.add(r);
        }
        for (Map<String, Object> b : d.maps("automatedBackupReplications")) if (b.get("region") != null) out.add(String.valueOf(b.get("region")));
        for (Object o : plans) {
            Resource plan = (Resource) o;
            if (!planSelects(plan, d)) continue;
            for (Map<String, Object> rule : plan.maps("rules")) {
                Object copies = rule.get("copyActions");
                if (!(copies instanceof List<?> l)) continue;
                for (Object c : l) {
                    if (c instanceof Map<?, ?> m && m.get("destinationVaultArn") != null) {
                        String r = arnRegion(String.valueOf(m.get("destinationVaultArn")));
                        if (r != null && !r.isEmpty()) out.add(r);
                    }
                }
            }
        }
        return out;
    }

    /** "S3 bucket", "DynamoDB table", "RDS instance", "Aurora cluster": for annotations. */
    public static String storeLabel(Resource d) {
        return switch (d.getResourceType()) {
            case "AWS::S3::Bucket" -> "S3 bucket";
            case "AWS::DynamoDB::Table" -> "DynamoDB table";
            case "AWS::RDS::DBCluster" -> "RDS cluster";
            case "AWS::RDS::DBInstance" -> "RDS instance";
            default -> d.getResourceType();
        };
    }

    /**
     * Why the regions holding copies of {@code d} cannot be known, or null: the store's own service
     * or AWS Backup could not be read in its account and region, or an enabled S3 replication rule's
     * destination region was not resolved.
     */
    public static String residencyGap(Resource d, io.failready.facts.GapIndex g) {
        String svc = switch (d.getResourceType()) {
            case "AWS::S3::Bucket" -> "s3";
            case "AWS::DynamoDB::Table" -> "dynamodb";
            default -> "rds";
        };
        if (g.missingFor(d, svc)) return g.why(d, svc);
        if (g.missing(d.getAccountId(), d.getAwsRegion(), "backup")) return g.why(d.getAccountId(), d.getAwsRegion(), "backup");
        String unresolved = unresolvedReplication(d);
        return unresolved == null ? null : "the region of replication destination " + unresolved + " is unknown";
    }

    /** An enabled S3 replication rule whose destination region the collector could not resolve, or null. */
    public static String unresolvedReplication(Resource d) {
        for (Map<String, Object> rule : d.maps("replication.rules")) {
            if (!"Disabled".equalsIgnoreCase(String.valueOf(rule.get("status"))) && rule.get("destinationRegion") == null) {
                return String.valueOf(rule.getOrDefault("destinationBucketArn", rule.get("id")));
            }
        }
        return null;
    }

    /** Whether a backup plan's selections pick {@code d}: by ARN (wildcards allowed) or by tag, minus notResources. */
    public static boolean planSelects(Resource plan, Resource d) {
        for (Map<String, Object> sel : plan.maps("selections")) {
            boolean picked = false;
            for (Object arn : asList(sel.get("resources"))) if (Scope.glob(String.valueOf(arn)).matcher(d.getResourceId()).matches()) picked = true;
            for (Object t : asList(sel.get("tags"))) {
                if (t instanceof Map<?, ?> m && m.get("key") != null && String.valueOf(m.get("value")).equals(d.tag(String.valueOf(m.get("key"))))) picked = true;
            }
            for (Object arn : asList(sel.get("notResources"))) if (Scope.glob(String.valueOf(arn)).matcher(d.getResourceId()).matches()) picked = false;
            if (picked) return true;
        }
        return false;
    }

    private static List<?> asList(Object o) { return o instanceof List<?> l ? l : List.of(); }

    /**
     * Null when every region is approved for {@code dataClass} by an unexpired approval; otherwise
     * what is wrong, e.g. "us-west-2 has no approval for pii-eu" or "approval DPA-1 for pci in
     * eu-west-1 expired on 2026-01-31". An approval without an expiry date counts as expired.
     */
    public static String residencyProblem(Workload w, AsOf asOf, String dataClass, Collection<String> regions) {
        List<String> problems = new ArrayList<>();
        for (String region : regions) {
            Workload.ResidencyApproval valid = null;
            Workload.ResidencyApproval lapsed = null;
            for (Workload.ResidencyApproval a : w.residencyApprovals) {
                if (!dataClass.equals(a.dataClass) || !a.regions.contains(region)) continue;
                if (asOf.expired(a.expires)) {
                    if (lapsed == null) lapsed = a;
                } else {
                    valid = a;
                    break;
                }
            }
            if (valid != null) continue;
            if (lapsed != null) {
                String ref = lapsed.reference == null ? "" : " " + lapsed.reference;
                problems.add(lapsed.expires == null ? "approval" + ref + " for " + region + " has no expiry date"
                        : "approval" + ref + " for " + region + " expired on " + lapsed.expires);
            } else {
                problems.add(region + " has no approval");
            }
        }
        return problems.isEmpty() ? null : String.join("; ", problems);
    }

    /** Sorted, comma-separated. */
    public static String join(Collection<?> items) {
        List<String> s = new ArrayList<>();
        for (Object o : items) s.add(String.valueOf(o));
        s.sort(Comparator.naturalOrder());
        return String.join(", ", s);
    }

    /** Fits an annotation into AWS Config's 256 characters, keeping the final period. */
    public static String fit(String annotation) {
        if (annotation.length() <= 256) return annotation;
        return annotation.substring(0, 241) + " [truncated].";
    }
}
