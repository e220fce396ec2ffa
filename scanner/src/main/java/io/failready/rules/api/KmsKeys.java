package io.failready.rules.api;

import io.failready.evaluate.RegionTokens;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * KMS key resolution: the names a key goes by (its ARN, its alias ARNs), the key a data store
 * names, the keys its recovery copies name, and where a key's twin in another region may be
 * inventoried. {@link SecurityIndex} is built from these, and rules read keys through it.
 */
public final class KmsKeys {
    private KmsKeys() {}

    public static final String KMS_KEY = "AWS::KMS::Key";

    private static String partition(Resource r) {
        String p = Arns.partition(r.getResourceId());
        return p == null ? "aws" : p;
    }

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

    /** RDS replica links whose target is a copy of the data (not an automated-backup replication). */
    private static final Set<String> RDS_COPY_LINKS = Set.of("rds-read-replica", "rds-global-cluster-member", "rds-cluster-replica");

    /**
     * The keys the recovery copies of an in-scope data store use, as the collectors recorded them:
     * each Enabled S3 replication rule's {@code replicaKmsKeyId} (in the destination's region and
     * account), each DynamoDB replica's {@code kmsMasterKeyId}, each Secrets Manager replica's
     * {@code kmsKeyId}, and the {@code kmsKeyId} of each RDS read replica / Aurora secondary cluster
     * found in the inventory through {@code replicaLinks} ({@code rds} looks them up by ARN). Copies
     * that record no key, or whose region is unknown, are left out. References are normalised to ARN
     * form in the copy's account and region; {@code alias/aws/...} names are kept as they are.
     */
    public static List<SecurityCopyKey> copyKeyRefs(Resource d, Function<String, Resource> rds) {
        List<SecurityCopyKey> out = new ArrayList<>();
        switch (d.getResourceType()) {
            case "AWS::S3::Bucket" -> {
                for (Map<String, Object> rule : d.maps("replication.rules")) {
                    if (!"Enabled".equalsIgnoreCase(String.valueOf(rule.get("status")))) continue;
                    String raw = str(rule.get("replicaKmsKeyId"));
                    if (raw == null) continue;
                    String dest = str(rule.get("destinationBucketArn"));
                    String region = str(rule.get("destinationRegion"));
                    if (region == null) region = Arns.region(raw);
                    String account = str(rule.get("destinationAccount"));
                    if (account == null) account = raw.startsWith("arn:") ? Arns.account(raw) : d.getAccountId();
                    String bucket = dest == null ? "?" : dest.substring(dest.lastIndexOf(':') + 1);
                    add(out, d, "replica bucket " + bucket + " of " + d.getResourceName(), region, account, raw, partition(d));
                }
            }
            case "AWS::DynamoDB::Table" -> {
                for (Map<String, Object> r : d.maps("replicas")) {
                    String region = str(r.get("regionName"));
                    add(out, d, "replica of table " + d.getResourceName() + " in " + region, region, d.getAccountId(),
                            str(r.get("kmsMasterKeyId")), partition(d));
                }
            }
            case "AWS::SecretsManager::Secret" -> {
                for (Map<String, Object> r : d.maps("replicationStatus")) {
                    String region = str(r.get("region"));
                    add(out, d, "replica of secret " + d.getResourceName() + " in " + region, region, d.getAccountId(),
                            str(r.get("kmsKeyId")), partition(d));
                }
            }
            case "AWS::RDS::DBCluster", "AWS::RDS::DBInstance" -> {
                boolean cluster = "AWS::RDS::DBCluster".equals(d.getResourceType());
                for (Map<String, Object> link : d.maps("replicaLinks")) {
                    if (!RDS_COPY_LINKS.contains(String.valueOf(link.get("kind")))) continue;
                    Resource copy = link.get("resourceId") == null ? null : rds.apply(String.valueOf(link.get("resourceId")));
                    if (copy == null) continue;
                    String what = "AWS::RDS::DBCluster".equals(copy.getResourceType()) ? (cluster ? "secondary cluster " : "replica cluster ") : "read replica ";
                    add(out, d, what + copy.getResourceName() + " of " + d.getResourceName(), copy.getAwsRegion(), copy.getAccountId(),
                            copy.str("kmsKeyId"), partition(copy));
                }
            }
            default -> { }
        }
        return out;
    }

    private static void add(List<SecurityCopyKey> out, Resource d, String copy, String region, String account, String raw, String partition) {
        if (region == null || raw == null) return;
        String ref = raw.trim();
        if (!ref.startsWith("arn:") && !ref.startsWith("alias/aws/")) {
            ref = ref.startsWith("alias/") ? aliasArn(partition, region, account, ref)
                    : "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + ref;
        }
        out.add(new SecurityCopyKey(d, copy, region, ref));
    }

    private static String str(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o).trim();
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
            if (recovery.equals(Arns.region(String.valueOf(arn)))) out.add(String.valueOf(arn));
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
}
