package io.failready.rules.api;

import io.failready.facts.Resource;
import io.failready.util.Globs;

import java.util.List;
import java.util.Map;

/**
 * AWS Backup restore testing plans as collected: which data stores a plan's selections pick and
 * which vaults it draws recovery points from. A selection names one protected resource type and
 * either up to 30 ARNs or {@code "*"} narrowed by tag conditions (StringEquals, StringNotEquals),
 * all of which must hold. Protected resource ARNs are the ARNs of the original resources, also for
 * the copies held in another region's vault.
 */
public final class RestoreTestingPlans {
    private RestoreTestingPlans() {}

    private static final String TAG_PREFIX = "aws:ResourceTag/";

    /** The restore testing ProtectedResourceType of a data store, or null when restore testing does not cover its type. */
    public static String protectedResourceType(Resource r) {
        return switch (r.getResourceType()) {
            case "AWS::S3::Bucket" -> "S3";
            case "AWS::DynamoDB::Table" -> "DynamoDB";
            case "AWS::RDS::DBInstance" -> "RDS";
            // Multi-AZ DB clusters (engine mysql/postgres) are RDS; every other cluster here is Aurora
            case "AWS::RDS::DBCluster" -> {
                String engine = r.str("engine");
                yield engine == null || engine.startsWith("aurora") ? "Aurora" : "RDS";
            }
            default -> null;
        };
    }

    /** The plan's selection that picks {@code r}, or null. */
    public static Map<String, Object> selection(Resource plan, Resource r) {
        String type = protectedResourceType(r);
        if (type == null) return null;
        for (Map<String, Object> sel : plan.maps("selections")) {
            if (type.equals(sel.get("protectedResourceType")) && selects(sel, r)) return sel;
        }
        return null;
    }

    static boolean selects(Map<String, Object> sel, Resource r) {
        List<?> arns = list(sel.get("protectedResourceArns"));
        if (arns.contains(r.getResourceId())) return true;
        if (!arns.contains("*")) return false;
        for (Object o : list(sel.get("stringEquals"))) {
            if (!(o instanceof Map<?, ?> kv) || !String.valueOf(kv.get("value")).equals(r.tag(tagKey(kv.get("key"))))) return false;
        }
        for (Object o : list(sel.get("stringNotEquals"))) {
            if (o instanceof Map<?, ?> kv && String.valueOf(kv.get("value")).equals(r.tag(tagKey(kv.get("key"))))) return false;
        }
        return true;
    }

    /** Condition keys are written {@code aws:ResourceTag/<key>}; a bare key is read as the tag key itself. */
    private static String tagKey(Object key) {
        String k = String.valueOf(key);
        return k.startsWith(TAG_PREFIX) ? k.substring(TAG_PREFIX.length()) : k;
    }

    /**
     * Whether the plan may draw a recovery point from {@code vaultArn}: the vault is included (ARN or
     * wildcard), not excluded, and the plan restores snapshot recovery points (a copy in another
     * vault is always a snapshot; a plan restoring only CONTINUOUS points never tests it). Null when
     * the plan's recovery point selection was not read.
     */
    public static Boolean drawsFrom(Resource plan, String vaultArn) {
        if (!plan.has("includeVaults")) return null;
        List<?> types = list(plan.get("recoveryPointTypes"));
        if (!types.isEmpty() && !types.contains("SNAPSHOT")) return false;
        boolean included = list(plan.get("includeVaults")).stream().anyMatch(v -> v != null && Globs.glob(String.valueOf(v)).matcher(vaultArn).matches());
        boolean excluded = list(plan.get("excludeVaults")).stream().anyMatch(v -> v != null && Globs.glob(String.valueOf(v)).matcher(vaultArn).matches());
        return included && !excluded;
    }

    /** The restore jobs the plan started for {@code r} (latest finished and latest completed, as collected). */
    public static List<Map<String, Object>> jobsFor(Resource plan, Resource r) {
        return plan.maps("restoreJobs").stream().filter(j -> r.getResourceId().equals(j.get("sourceResourceArn"))).toList();
    }

    private static List<?> list(Object o) { return o instanceof List<?> l ? l : List.of(); }
}
