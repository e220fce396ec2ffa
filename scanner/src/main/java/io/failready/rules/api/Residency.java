package io.failready.rules.api;

import io.failready.config.Workload;
import io.failready.util.Globs;
import io.failready.facts.AsOf;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Data residency: which data stores carry a data class, every region holding a copy of one, and
 * whether the workload's residency approvals cover those regions for that class today.
 */
public final class Residency {
    private Residency() {}

    public static final Set<String> DATA_STORE_TYPES = Set.of("AWS::S3::Bucket", "AWS::DynamoDB::Table",
            "AWS::RDS::DBInstance", "AWS::RDS::DBCluster");

    /** A data store residency judges: Aurora member instances are judged through their cluster. */
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
     * Every region holding a copy of {@code d}: its own region, {@code recovery} when a twin exists
     * there or the service links a copy there, replication destinations, replicas, and the
     * destination regions of AWS Backup copy actions of the {@code plans} that select it.
     */
    public static TreeSet<String> copyRegions(Resource d, String recovery, boolean hasCounterpart, List<?> plans) {
        TreeSet<String> out = new TreeSet<>();
        out.add(d.getAwsRegion());
        if (hasCounterpart) out.add(recovery);
        for (Map<String, Object> link : d.maps("replicaLinks")) addValue(out, link.get("region"));
        for (Map<String, Object> rule : d.maps("replication.rules")) {
            if (!"Disabled".equalsIgnoreCase(String.valueOf(rule.get("status")))) addValue(out, rule.get("destinationRegion"));
        }
        for (Map<String, Object> rep : d.maps("replicas")) addValue(out, rep.get("regionName"));
        for (Map<String, Object> m : d.maps("globalClusterMembers")) addValue(out, m.get("region"));
        for (Object arn : d.list("readReplicaDBInstanceIdentifiers")) addValue(out, Arns.region(String.valueOf(arn)));
        for (Map<String, Object> b : d.maps("automatedBackupReplications")) addValue(out, b.get("region"));
        for (Object o : plans) {
            Resource plan = (Resource) o;
            if (!planSelects(plan, d)) continue;
            for (Map<String, Object> rule : plan.maps("rules")) {
                for (Object c : asList(rule.get("copyActions"))) {
                    if (c instanceof Map<?, ?> m && m.get("destinationVaultArn") != null) {
                        addValue(out, Arns.region(String.valueOf(m.get("destinationVaultArn"))));
                    }
                }
            }
        }
        return out;
    }

    private static void addValue(TreeSet<String> out, Object region) {
        if (region != null) out.add(String.valueOf(region));
    }

    /**
     * Why the regions holding copies of {@code d} cannot be known, or null: the store's own service
     * or AWS Backup could not be read in its account and region, or an enabled S3 replication rule's
     * destination region was not resolved.
     */
    public static String gap(Resource d, GapIndex g) {
        String svc = switch (d.getResourceType()) {
            case "AWS::S3::Bucket" -> "s3";
            case "AWS::DynamoDB::Table" -> "dynamodb";
            default -> "rds";
        };
        if (g.missingFor(d, svc)) return g.why(d, svc);
        if (g.missing(d.getAccountId(), d.getAwsRegion(), "backup")) return g.why(d.getAccountId(), d.getAwsRegion(), "backup");
        for (Map<String, Object> rule : d.maps("replication.rules")) {
            if (!"Disabled".equalsIgnoreCase(String.valueOf(rule.get("status"))) && rule.get("destinationRegion") == null) {
                return "the region of replication destination " + rule.getOrDefault("destinationBucketArn", rule.get("id")) + " is unknown";
            }
        }
        return null;
    }

    /** Whether a backup plan's selections pick {@code d}: by ARN (wildcards allowed) or by tag, minus notResources. */
    public static boolean planSelects(Resource plan, Resource d) {
        for (Map<String, Object> sel : plan.maps("selections")) {
            boolean picked = false;
            for (Object arn : asList(sel.get("resources"))) if (Globs.glob(String.valueOf(arn)).matcher(d.getResourceId()).matches()) picked = true;
            for (Object t : asList(sel.get("tags"))) {
                if (t instanceof Map<?, ?> m && m.get("key") != null && String.valueOf(m.get("value")).equals(d.tag(String.valueOf(m.get("key"))))) picked = true;
            }
            for (Object arn : asList(sel.get("notResources"))) if (Globs.glob(String.valueOf(arn)).matcher(d.getResourceId()).matches()) picked = false;
            if (picked) return true;
        }
        return false;
    }

    private static List<?> asList(Object o) { return o instanceof List<?> l ? l : List.of(); }

    /**
     * Null when every region is approved for {@code dataClass} by an unexpired approval; otherwise
     * what is wrong, e.g. "us-west-2 has no approval" or "approval DPA-1 for eu-west-1 expired on
     * 2026-01-31". An approval without an expiry date counts as expired.
     */
    public static String problem(Workload w, AsOf asOf, String dataClass, Collection<String> regions) {
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
}
