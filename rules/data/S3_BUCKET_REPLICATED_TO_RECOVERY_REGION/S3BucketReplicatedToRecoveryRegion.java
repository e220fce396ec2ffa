package io.failready.rules.data;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Arns;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * S3_BUCKET_REPLICATED_TO_RECOVERY_REGION: the decision for one in-scope bucket in the primary
 * region. Scenarios are checked in the order the rule's documentation lists them.
 */
public final class S3BucketReplicatedToRecoveryRegion {
    private S3BucketReplicatedToRecoveryRegion() {}

    public static Verdict decide(Resource b, RegionPair p, DataIndex ix, GapIndex g) {
        String who = Labels.of(b);
        if (g.missingFor(b, "s3")) {
            return Verdict.insufficientData(who + ": cannot read its replication configuration (" + g.why(b, "s3") + ").");
        }
        List<Map<String, Object>> rules = b.maps("replication.rules");
        List<Map<String, Object>> enabled = ReplicaLinks.enabledS3Rules(b);
        List<Map<String, Object>> toRecovery = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        for (Map<String, Object> rule : enabled) {
            String reg = ReplicaLinks.s3DestinationRegion(rule, ix);
            if (p.recovery.equals(reg)) toRecovery.add(rule);
            else if (reg == null) unknown.add(Arns.shortName(str(rule.get("destinationBucketArn"))));
            else elsewhere.add(reg);
        }
        if (toRecovery.isEmpty()) {
            if (!unknown.isEmpty()) {
                return Verdict.insufficientData(who + " replicates to " + String.join(", ", unknown)
                        + ", whose region could not be determined (the destination was not collected).");
            }
            if (rules.isEmpty()) {
                return Verdict.nonCompliant(who + " has no replication configuration, so nothing is copied to " + p.recovery + ".", null);
            }
            return Verdict.nonCompliant(who + " has no enabled replication rule targeting a bucket in " + p.recovery
                    + (elsewhere.isEmpty() ? "" : " (its enabled rules target " + String.join(", ", elsewhere) + ")") + ".", null);
        }
        String versioning = b.str("versioning");
        if (!"Enabled".equals(versioning)) {
            return Verdict.nonCompliant(who + " has versioning " + (versioning == null ? "Off" : versioning)
                    + "; replication to " + p.recovery + " needs versioning enabled on the source.", null);
        }
        // A rule with a filter copies only part of the bucket; the bucket counts as replicated only when
        // an enabled rule to the recovery region applies to every object.
        List<Map<String, Object>> whole = new ArrayList<>();
        for (Map<String, Object> rule : toRecovery) if (!(rule.get("filter") instanceof Map<?, ?>)) whole.add(rule);
        if (whole.isEmpty()) {
            Map<String, Object> rule = toRecovery.get(0);
            return Verdict.nonCompliant(who + " replicates to " + p.recovery + " only objects matching " + describeFilter(rule.get("filter"))
                    + " (rule " + str(rule.get("id")) + "); the rest of the bucket is not copied.", ix.byId(str(rule.get("destinationBucketArn"))));
        }
        // S3 replicates SSE-KMS objects only when the rule opts in and names a key in the destination's region.
        String sse = b.str("encryption.sseAlgorithm");
        if (sse != null && sse.startsWith("aws:kms")) {
            List<Map<String, Object>> kmsReady = new ArrayList<>();
            String kmsWhy = null;
            for (Map<String, Object> rule : whole) {
                String key = str(rule.get("replicaKmsKeyId"));
                String keyRegion = key == null ? null : Arns.region(key);
                if (!"Enabled".equals(rule.get("sseKmsEncryptedObjects"))) {
                    if (kmsWhy == null) kmsWhy = "rule " + str(rule.get("id")) + " does not select SSE-KMS objects (SourceSelectionCriteria.SseKmsEncryptedObjects is not Enabled)";
                } else if (key == null) {
                    if (kmsWhy == null) kmsWhy = "rule " + str(rule.get("id")) + " names no replica KMS key (Destination.EncryptionConfiguration.ReplicaKmsKeyID)";
                } else if (!p.recovery.equals(keyRegion)) {
                    if (kmsWhy == null) kmsWhy = "rule " + str(rule.get("id")) + "'s replica KMS key " + Arns.shortName(key) + " is "
                            + (keyRegion == null ? "not a key ARN with a region" : "in " + keyRegion) + ", not " + p.recovery;
                } else {
                    kmsReady.add(rule);
                }
            }
            if (kmsReady.isEmpty()) {
                return Verdict.nonCompliant(who + " is encrypted with " + sse + " but " + kmsWhy + ", so its objects are not replicated.",
                        ix.byId(str(whole.get(0).get("destinationBucketArn"))));
            }
            whole = kmsReady;
        }
        Resource unversioned = null;
        String notFound = null;
        String blind = null;
        for (Map<String, Object> rule : whole) {
            String arn = str(rule.get("destinationBucketArn"));
            Resource dest = ix.byId(arn);
            if (dest != null && "Enabled".equals(dest.str("versioning")) && !g.missingFor(dest, "s3")) {
                return Verdict.compliant(who + " replicates to " + dest.getResourceName() + " in " + p.recovery
                        + " (rule " + str(rule.get("id")) + "); versioning is enabled at both ends.", dest);
            }
            if (dest != null && g.missingFor(dest, "s3")) {
                blind = "the destination " + dest.getResourceName() + " could not be read (" + g.why(dest, "s3") + ")";
            } else if (dest != null) {
                unversioned = dest;
            } else {
                String destAccount = str(rule.get("destinationAccount")) != null ? str(rule.get("destinationAccount")) : b.getAccountId();
                if (g.missing(destAccount, p.recovery, "s3")) {
                    blind = "the destination " + Arns.shortName(arn) + " could not be seen (" + g.why(destAccount, p.recovery, "s3") + ")";
                } else {
                    notFound = Arns.shortName(arn);
                }
            }
        }
        if (blind != null) return Verdict.insufficientData(who + " replicates to " + p.recovery + " but " + blind + ".");
        if (unversioned != null) {
            return Verdict.nonCompliant(who + " replicates to " + unversioned.getResourceName() + " but the destination has versioning "
                    + (unversioned.str("versioning") == null ? "Off" : unversioned.str("versioning")) + ".", unversioned);
        }
        return Verdict.nonCompliant(who + " replicates to " + notFound + ", which does not exist in " + p.recovery + ".", null);
    }

    /** "prefix logs/ and tags tier=gold" for an S3 rule filter as the collector records it. */
    static String describeFilter(Object filter) {
        if (!(filter instanceof Map<?, ?> f)) return "everything";
        List<String> parts = new ArrayList<>();
        if (f.get("prefix") != null) parts.add("prefix " + f.get("prefix"));
        if (f.get("tags") instanceof Map<?, ?> tags && !tags.isEmpty()) {
            List<String> kv = new ArrayList<>();
            tags.forEach((k, v) -> kv.add(k + "=" + v));
            parts.add((kv.size() == 1 ? "tag " : "tags ") + String.join(", ", kv));
        }
        return String.join(" and ", parts);
    }

    private static String str(Object o) { return o == null ? null : String.valueOf(o); }
}
