package io.failready.collect.aws.secretsmanager;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.ScanState;
import io.failready.facts.Resource;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Secrets Manager secrets ({@code AWS::SecretsManager::Secret}): name, KMS key, rotation and
 * replication. Never the value: there is no GetSecretValue anywhere in failready, and no per-secret
 * DescribeSecret either, because ListSecrets already carries what the rules read.
 *
 * <p>ListSecrets (SDK 2.40.2 model) has {@code PrimaryRegion} but not {@code ReplicationStatus}:
 * replicas are listed in their own region with {@code PrimaryRegion} set, so {@link #link} builds
 * the primary's {@code replicationStatus} and {@code replicaLinks} from the replicas this scan saw
 * (status omitted: only DescribeSecret would tell it).
 *
 * <p>AWS calls / IAM actions: {@code secretsmanager:ListSecrets} (paginated).
 */
public final class SecretsManagerCollector implements Collector {
    public static final String TYPE = "AWS::SecretsManager::Secret";

    @Override public String service() { return "secretsmanager"; }
    @Override public boolean availableIn(String region) { return Collector.inMetadata(SecretsManagerClient.serviceMetadata(), region); }
    @Override public List<String> operations() { return List.of("secretsmanager:ListSecrets"); }

    @Override public void collect(CollectionContext ctx) {
        SecretsManagerClient sm = ctx.client(SecretsManagerClient.class);
        ctx.call("secretsmanager:ListSecrets", () -> sm.listSecretsPaginator(b -> { }).stream().flatMap(p -> p.secretList().stream()).toList())
                .ifPresent(list -> list.forEach(s -> ctx.add(TYPE, s.arn(), s.name(), Attrs.tags(s.tags(), Tag::key, Tag::value),
                        Attrs.map("name", s.name(), "kmsKeyId", s.kmsKeyId(), "rotationEnabled", Boolean.TRUE.equals(s.rotationEnabled()),
                                "primaryRegion", s.primaryRegion()))));
    }

    @Override public List<Resource> link(List<Resource> inventory, ScanState state) {
        Map<String, List<Resource>> replicasOf = new HashMap<>();   // account|primaryRegion|name -> replicas
        for (Resource r : inventory) {
            if (!TYPE.equals(r.getResourceType())) continue;
            String primary = r.str("primaryRegion");
            if (primary != null && !primary.equals(r.getAwsRegion())) {
                replicasOf.computeIfAbsent(r.getAccountId() + "|" + primary + "|" + r.getResourceName(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Resource> out = new ArrayList<>(inventory.size());
        for (Resource r : inventory) {
            String primary = r.str("primaryRegion");
            if (!TYPE.equals(r.getResourceType()) || (primary != null && !primary.equals(r.getAwsRegion()))) { out.add(r); continue; }
            List<Resource> replicas = replicasOf.getOrDefault(r.getAccountId() + "|" + r.getAwsRegion() + "|" + r.getResourceName(), List.of());
            Map<String, Object> cfg = new LinkedHashMap<>(r.getConfiguration());
            cfg.put("replicationStatus", Attrs.list(replicas, x -> Attrs.map("region", x.getAwsRegion(), "kmsKeyId", x.str("kmsKeyId"))));
            cfg.put("replicaLinks", Attrs.list(replicas, x -> Attrs.replicaLink(x.getAwsRegion(), x.getResourceId(), x.getResourceName(), null,
                    "secretsmanager-replica")));
            out.add(new Resource(r.getResourceType(), r.getResourceId(), r.getResourceName(), r.getAccountId(), r.getAwsRegion(), r.getTags(), cfg));
        }
        return out;
    }
}
