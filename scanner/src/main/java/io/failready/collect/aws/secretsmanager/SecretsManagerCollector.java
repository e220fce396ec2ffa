package io.failready.collect.aws.secretsmanager;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
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
 * replication. Never the value: there is no GetSecretValue anywhere in failready.
 *
 * <p>ListSecrets carries {@code PrimaryRegion} but no replication status, so each secret listed in
 * the region it originated in (one call per such secret; replicas are not described) gets a
 * {@code DescribeSecret}, metadata only, whose {@code ReplicationStatus} gives each replica region's
 * Status (InSync, Failed, InProgress) and StatusMessage. A refused DescribeSecret is a gap for that
 * secret. Replicas are also listed in their own region with {@code PrimaryRegion} set; {@link #link}
 * names them as the primary's {@code replicaLinks}, with the status DescribeSecret reported.
 *
 * <p>AWS calls / IAM actions: {@code secretsmanager:ListSecrets} (paginated), {@code secretsmanager:DescribeSecret}.
 */
public final class SecretsManagerCollector implements Collector {
    public static final String TYPE = "AWS::SecretsManager::Secret";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("secretsmanager", SecretsManagerClient.class, SecretsManagerClient::builder)
            .operations("DescribeSecret", "ListSecrets")
            .writes(TYPE, "Secrets Manager secret")
            .regions(SecretsManagerClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        SecretsManagerClient sm = ctx.client(SecretsManagerClient.class);
        ctx.call("secretsmanager:ListSecrets", () -> sm.listSecretsPaginator(b -> { }).stream().flatMap(p -> p.secretList().stream()).toList())
                .ifPresent(list -> list.forEach(s -> {
                    Map<String, Object> cfg = Attrs.map("name", s.name(), "kmsKeyId", s.kmsKeyId(),
                            "rotationEnabled", Boolean.TRUE.equals(s.rotationEnabled()), "primaryRegion", s.primaryRegion());
                    if (s.primaryRegion() == null || s.primaryRegion().equals(ctx.region())) {
                        ctx.callFor("secretsmanager:DescribeSecret", TYPE, s.arn(), () -> sm.describeSecret(b -> b.secretId(s.arn())))
                                .ifPresent(d -> cfg.put("replicationStatus", Attrs.list(d.replicationStatus(), x -> Attrs.map(
                                        "region", x.region(), "kmsKeyId", x.kmsKeyId(), "status", x.statusAsString(),
                                        "statusMessage", x.statusMessage()))));
                    }
                    ctx.add(TYPE, s.arn(), s.name(), Attrs.tags(s.tags(), Tag::key, Tag::value), cfg);
                }));
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
            List<Map<String, Object>> links = new ArrayList<>();
            if (r.has("replicationStatus")) {
                // DescribeSecret was read: its regions and statuses are authoritative, the seen replica is named
                for (Map<String, Object> st : r.maps("replicationStatus")) {
                    String region = (String) st.get("region");
                    Resource seen = replicas.stream().filter(x -> x.getAwsRegion().equals(region)).findFirst().orElse(null);
                    links.add(Attrs.replicaLink(region, seen == null ? null : seen.getResourceId(), r.getResourceName(),
                            (String) st.get("status"), "secretsmanager-replica"));
                }
            } else {
                // not described (a gap says why): the replicas seen, with no status to judge by
                cfg.put("replicationStatus", Attrs.list(replicas, x -> Attrs.map("region", x.getAwsRegion(), "kmsKeyId", x.str("kmsKeyId"))));
                replicas.forEach(x -> links.add(Attrs.replicaLink(x.getAwsRegion(), x.getResourceId(), x.getResourceName(), null,
                        "secretsmanager-replica")));
            }
            cfg.put("replicaLinks", links);
            out.add(new Resource(r.getResourceType(), r.getResourceId(), r.getResourceName(), r.getAccountId(), r.getAwsRegion(), r.getTags(), cfg));
        }
        return out;
    }
}
