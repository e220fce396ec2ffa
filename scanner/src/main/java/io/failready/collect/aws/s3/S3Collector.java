package io.failready.collect.aws.s3;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.collect.ScanState;
import io.failready.facts.Resource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.ReplicationConfiguration;
import software.amazon.awssdk.services.s3.model.ReplicationRule;
import software.amazon.awssdk.services.s3.model.ReplicationRuleFilter;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * S3 buckets ({@code AWS::S3::Bucket}) with versioning, default encryption and replication.
 * Listing is account-wide, so this collector runs once per account; each bucket is placed in its
 * own region and only buckets in the scan's regions get detail calls (those go to the bucket's
 * region). Every bucket's location is remembered so replication destinations, even in other
 * scanned accounts, get a {@code destinationRegion} and a {@code replicaLinks} entry.
 *
 * <p>AWS calls / IAM actions: {@code s3:ListBuckets} (IAM {@code s3:ListAllMyBuckets}),
 * {@code s3:GetBucketLocation}, {@code s3:GetBucketVersioning}, {@code s3:GetBucketEncryption}
 * (IAM {@code s3:GetEncryptionConfiguration}), {@code s3:GetBucketReplication} (IAM
 * {@code s3:GetReplicationConfiguration}), {@code s3:GetBucketTagging}. Never GetObject.
 * "No configuration" replies ({@code ReplicationConfigurationNotFoundError},
 * {@code ServerSideEncryptionConfigurationNotFoundError}, {@code NoSuchTagSet}) are data, not gaps.
 */
public final class S3Collector implements Collector {
    public static final String TYPE = "AWS::S3::Bucket";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("s3", S3Client.class, S3Client::builder)
            .operations("GetBucketEncryption", "GetBucketLocation", "GetBucketReplication", "GetBucketTagging", "GetBucketVersioning",
                    "ListBuckets")
            .iamAction("GetBucketEncryption", "GetEncryptionConfiguration")
            .iamAction("GetBucketReplication", "GetReplicationConfiguration")
            .iamAction("ListBuckets", "ListAllMyBuckets")
            .writes(TYPE, "S3 bucket")
            .global()
            .placesResourcesInRegions()
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        S3Client s3 = ctx.client(S3Client.class);
        Optional<List<String>> names = ctx.call("s3:ListBuckets",
                () -> s3.listBucketsPaginator(b -> { }).buckets().stream().map(Bucket::name).toList());
        if (names.isEmpty()) {
            // The listing is account-wide: say so in every scanned region, where the bucket rules look.
            copyGlobalGapsToRegions(ctx);
            return;
        }
        Map<String, String> regions = new LinkedHashMap<>();
        for (String name : names.get()) {
            String arn = arn(name);
            Optional<String> loc = ctx.callFor("s3:GetBucketLocation", TYPE, arn,
                    () -> normaliseLocation(s3.getBucketLocation(b -> b.bucket(name)).locationConstraintAsString()));
            if (loc.isEmpty()) {
                for (String r : ctx.scanRegions()) ctx.inRegion(r).gap("s3:GetBucketLocation", TYPE, arn, "LocationUnknown",
                        "bucket " + name + " could not be placed in a region; its configuration was not read.");
                continue;
            }
            regions.put(name, loc.get());
            ctx.shared().bucketRegion(name, loc.get());
        }
        for (var e : regions.entrySet()) {
            if (ctx.scanRegions().contains(e.getValue())) describe(ctx.inRegion(e.getValue()), e.getKey());
        }
    }

    private static void copyGlobalGapsToRegions(CollectionContext ctx) {
        for (String r : ctx.scanRegions()) {
            ctx.inRegion(r).gap("s3:ListBuckets", null, null, "SeeGlobal", "s3:ListBuckets failed for the account (see the global gap).");
        }
    }

    private static void describe(CollectionContext ctx, String name) {
        S3Client s3 = ctx.client(S3Client.class);
        String arn = arn(name);
        Map<String, Object> cfg = new LinkedHashMap<>();
        ctx.callFor("s3:GetBucketVersioning", TYPE, arn, () -> s3.getBucketVersioning(b -> b.bucket(name)).statusAsString())
                .ifPresentOrElse(v -> cfg.put("versioning", v), () -> { });
        // GetBucketVersioning returns no status at all for a bucket that never had versioning.
        if (!cfg.containsKey("versioning") && !failed(ctx, arn, "GetBucketVersioning")) cfg.put("versioning", "Off");

        notFoundIsAbsent(ctx, "s3:GetBucketEncryption", arn, "ServerSideEncryptionConfigurationNotFoundError",
                () -> s3.getBucketEncryption(b -> b.bucket(name)))
                .map(S3Collector::encryption).ifPresent(enc -> cfg.put("encryption", enc));

        notFoundIsAbsent(ctx, "s3:GetBucketReplication", arn, "ReplicationConfigurationNotFoundError",
                () -> s3.getBucketReplication(b -> b.bucket(name)).replicationConfiguration())
                .map(S3Collector::replication).ifPresent(rep -> cfg.put("replication", rep));

        Map<String, String> tags = notFoundIsAbsent(ctx, "s3:GetBucketTagging", arn, "NoSuchTagSet",
                () -> Attrs.tags(s3.getBucketTagging(b -> b.bucket(name)).tagSet(), Tag::key, Tag::value)).orElse(Map.of());
        ctx.add(TYPE, arn, name, tags, cfg);
    }

    /** True when the task already recorded a gap for this bucket and operation. */
    private static boolean failed(CollectionContext ctx, String arn, String op) {
        return ctx.hasGap(op, arn);
    }

    /** A detail call whose "not configured" error code means absent, not unknown. */
    private static <T> Optional<T> notFoundIsAbsent(CollectionContext ctx, String op, String arn, String notFoundCode, Supplier<T> call) {
        return ctx.callFor(op, TYPE, arn, () -> {
            try {
                return call.get();
            } catch (AwsServiceException e) {
                if (e.awsErrorDetails() != null && notFoundCode.equals(e.awsErrorDetails().errorCode())) return null;
                throw e;
            }
        });
    }

    private static Map<String, Object> encryption(GetBucketEncryptionResponse r) {
        if (r.serverSideEncryptionConfiguration() == null || !r.serverSideEncryptionConfiguration().hasRules()
                || r.serverSideEncryptionConfiguration().rules().isEmpty()) return null;
        ServerSideEncryptionRule rule = r.serverSideEncryptionConfiguration().rules().get(0);
        if (rule.applyServerSideEncryptionByDefault() == null) return null;
        return Attrs.map("sseAlgorithm", rule.applyServerSideEncryptionByDefault().sseAlgorithmAsString(),
                "kmsMasterKeyId", rule.applyServerSideEncryptionByDefault().kmsMasterKeyID());
    }

    private static Map<String, Object> replication(ReplicationConfiguration rc) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (ReplicationRule r : rc.rules()) {
            var d = r.destination();
            rules.add(Attrs.map("id", r.id(), "status", r.statusAsString(), "priority", r.priority(),
                    "destinationBucketArn", d == null ? null : d.bucket(),
                    "destinationAccount", d == null ? null : d.account(),
                    "replicationTimeControl", d != null && d.replicationTime() != null && "Enabled".equals(d.replicationTime().statusAsString()),
                    "metrics", d != null && d.metrics() != null && "Enabled".equals(d.metrics().statusAsString()),
                    "replicaKmsKeyId", d == null || d.encryptionConfiguration() == null ? null : d.encryptionConfiguration().replicaKmsKeyID(),
                    "filter", filter(r),
                    "sseKmsEncryptedObjects", r.sourceSelectionCriteria() == null || r.sourceSelectionCriteria().sseKmsEncryptedObjects() == null
                            ? null : r.sourceSelectionCriteria().sseKmsEncryptedObjects().statusAsString()));
        }
        return Attrs.map("role", rc.role(), "rules", rules);
    }

    /**
     * What part of the bucket a rule replicates: {@code {prefix, tags}} from {@code Filter.Prefix},
     * {@code Filter.Tag}, {@code Filter.And} or the legacy top-level {@code Prefix}; null when the
     * rule applies to every object (no filter, or an empty prefix and no tags).
     */
    static Map<String, Object> filter(ReplicationRule r) {
        String prefix = r.prefix();
        Map<String, String> tags = new java.util.TreeMap<>();
        ReplicationRuleFilter f = r.filter();
        if (f != null) {
            if (f.prefix() != null) prefix = f.prefix();
            if (f.tag() != null) tags.put(f.tag().key(), f.tag().value());
            if (f.and() != null) {
                if (f.and().prefix() != null) prefix = f.and().prefix();
                if (f.and().hasTags()) f.and().tags().forEach(t -> tags.put(t.key(), t.value()));
            }
        }
        if ((prefix == null || prefix.isEmpty()) && tags.isEmpty()) return null;
        return Attrs.map("prefix", prefix == null || prefix.isEmpty() ? null : prefix, "tags", tags.isEmpty() ? null : tags);
    }

    /**
     * Fills {@code destinationRegion} on each rule and {@code replicaLinks} from every bucket location
     * this scan saw (all accounts), after phase 0.
     */
    @SuppressWarnings("unchecked")
    @Override public List<Resource> link(List<Resource> inventory, ScanState state) {
        List<Resource> out = new ArrayList<>(inventory.size());
        for (Resource r : inventory) {
            if (!TYPE.equals(r.getResourceType()) || !(r.get("replication") instanceof Map<?, ?> rep)) { out.add(r); continue; }
            List<Map<String, Object>> rules = new ArrayList<>();
            List<Map<String, Object>> links = new ArrayList<>();
            for (Map<String, Object> rule : r.maps("replication.rules")) {
                Map<String, Object> copy = new LinkedHashMap<>(rule);
                String dest = (String) rule.get("destinationBucketArn");
                String destName = dest == null ? null : dest.substring(dest.lastIndexOf(':') + 1);
                String destRegion = destName == null ? null : state.bucketRegion(destName);
                if (destRegion != null) copy.put("destinationRegion", destRegion);
                rules.add(copy);
                if (dest != null) links.add(Attrs.replicaLink(destRegion, dest, destName, (String) rule.get("status"), "s3-replication"));
            }
            Map<String, Object> newRep = new LinkedHashMap<>((Map<String, Object>) rep);
            newRep.put("rules", rules);
            Map<String, Object> cfg = new LinkedHashMap<>(r.getConfiguration());
            cfg.put("replication", newRep);
            cfg.put("replicaLinks", links);
            out.add(new Resource(r.getResourceType(), r.getResourceId(), r.getResourceName(), r.getAccountId(), r.getAwsRegion(), r.getTags(), cfg));
        }
        return out;
    }

    static String arn(String bucket) { return "arn:aws:s3:::" + bucket; }

    /** GetBucketLocation says null/"" for us-east-1 and "EU" for the oldest eu-west-1 buckets. */
    static String normaliseLocation(String constraint) {
        if (constraint == null || constraint.isEmpty() || "null".equals(constraint)) return "us-east-1";
        if ("EU".equals(constraint)) return "eu-west-1";
        return constraint;
    }
}
