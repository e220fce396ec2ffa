package io.failready.rules.api;

import io.failready.facts.RegionTokens;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * KMS key resolution the security rules and their index share: the names a key answers to (key
 * and alias ARNs), the key a data store or its recovery copy names, and the key's candidate twins in
 * a recovery region. Every reference is brought to ARN form in the account and region it is
 * resolved in, so one string comparison finds the key whichever way a store spelled it.
 */
public final class KmsKeys {
    private KmsKeys() {}

    public static final String KMS_KEY = "AWS::KMS::Key";

    /** RDS replica links whose target is a copy of the data (not an automated-backup replication). */
    private static final Set<String> RDS_COPY_LINKS = Set.of("rds-read-replica", "rds-global-cluster-member", "rds-cluster-replica");

    /** AWS creates its managed keys in every region, so their absence in a region is never a gap. */
    public static boolean isAwsManaged(Resource key) { return "AWS".equals(key.str("keyManager")); }

    /** Whether a reference names an AWS managed key by its {@code alias/aws/...} name. */
    public static boolean isAwsManagedAlias(String ref) { return ref.startsWith("alias/aws/") || ref.contains(":alias/aws/"); }

    /** The key's own ARN and the ARN of each of its aliases: every name a data store may use for it. */
    public static List<String> keyHandles(Resource key) {
        List<String> out = new ArrayList<>();
        out.add(key.getResourceId());
        for (Object a : key.list("aliases")) out.add(aliasArn(partition(key), key.getAwsRegion(), key.getAccountId(), String.valueOf(a)));
        return out;
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
        if (raw == null || raw.isBlank() || isAwsManagedAlias(raw.trim())) return List.of();
        return List.of(toArn(raw.trim(), partition(d), d.getAwsRegion(), d.getAccountId()));
    }

    /**
     * The keys the recovery copies of an in-scope data store use, as the collectors recorded them:
     * each Enabled S3 replication rule's {@code replicaKmsKeyId} (in the destination's region and
     * account), each DynamoDB replica's {@code kmsMasterKeyId}, each Secrets Manager replica's
     * {@code kmsKeyId}, and the {@code kmsKeyId} of each RDS read replica / Aurora secondary cluster
     * found in the inventory through {@code replicaLinks} ({@code rds} looks them up by ARN). Copies
     * that record no key, or whose region is unknown, are left out. References are brought to ARN
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
                    String bucket = dest == null ? "?" : Arns.shortName(dest);
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
        out.add(new SecurityCopyKey(d, copy, region, isAwsManagedAlias(ref) ? ref : toArn(ref, partition, region, account)));
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

    /** Replicas (0) are better twins than alias matches (1). */
    public static int counterpartRank(String handle) { return handle.contains(":alias/") ? 1 : 0; }

    /** Best candidate: replicas before aliases, then by ARN, so the choice does not depend on firing order. */
    public static SecurityKeyCounterpart bestCounterpart(List<SecurityKeyCounterpart> candidates) {
        SecurityKeyCounterpart best = null;
        for (SecurityKeyCounterpart c : candidates) {
            if (best == null || c.rank < best.rank
                    || (c.rank == best.rank && c.counterpart.getResourceId().compareTo(best.counterpart.getResourceId()) < 0)) {
                best = c;
            }
        }
        return best;
    }

    /** The best twin's key, or null when there is none. */
    public static Resource twin(List<SecurityKeyCounterpart> candidates) {
        SecurityKeyCounterpart c = bestCounterpart(candidates);
        return c == null ? null : c.counterpart;
    }

    /** The key's twin in {@code recovery} when it is among {@code used} (by key ARN), else null. */
    public static Resource twinAmong(Resource key, String recovery, Map<String, Resource> used, SecurityIndex ix) {
        Resource twin = twin(ix.counterparts(key, recovery));
        return twin != null && used.containsKey(twin.getResourceId()) ? twin : null;
    }

    /** The first inventoried key a key or alias ARN names, or null. */
    public static Resource named(String ref, SecurityIndex ix) {
        java.util.Iterator<Resource> keys = ix.keysNamed(ref).iterator();
        return keys.hasNext() ? keys.next() : null;
    }

    /** Why a reference to a key in {@code region} cannot be looked up (KMS not listed in its account there), or null. */
    public static String lookupGap(String ref, String region, GapIndex g) {
        String account = Arns.account(ref);
        return account != null && g.missing(account, region, "kms") ? g.why(account, region, "kms") : null;
    }

    /** Why KMS cannot be read for the key itself or in the recovery region of its account, or null. */
    public static String gap(Resource key, String recovery, GapIndex g) {
        if (g.missingFor(key, "kms")) return g.why(key, "kms");
        if (g.missing(key.getAccountId(), recovery, "kms")) return g.why(key.getAccountId(), recovery, "kms");
        return null;
    }

    /** "alias/x" or "key/id" from a key or alias ARN; anything else as it is. */
    public static String shortRef(String ref) {
        String resource = Arns.resource(ref);
        return resource == null ? ref : resource;
    }

    /** A key id, alias name or ARN as an ARN in the given partition, region and account. */
    private static String toArn(String ref, String partition, String region, String account) {
        if (ref.startsWith("arn:")) return ref;
        if (ref.startsWith("alias/")) return aliasArn(partition, region, account, ref);
        return "arn:" + partition + ":kms:" + region + ":" + account + ":key/" + ref;
    }

    private static String aliasArn(String partition, String region, String account, String alias) {
        String name = alias.startsWith("alias/") ? alias : "alias/" + alias;
        return "arn:" + partition + ":kms:" + region + ":" + account + ":" + name;
    }

    private static String partition(Resource r) {
        String p = Arns.partition(r.getResourceId());
        return p == null ? "aws" : p;
    }

    private static String str(Object o) {
        return o == null || String.valueOf(o).isBlank() ? null : String.valueOf(o).trim();
    }
}
