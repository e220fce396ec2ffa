package io.failready.collect.aws.kms;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.AliasListEntry;
import software.amazon.awssdk.services.kms.model.KeyListEntry;
import software.amazon.awssdk.services.kms.model.KeyMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * KMS keys ({@code AWS::KMS::Key}): manager, state, multi-Region primary/replicas, aliases and,
 * for customer-managed keys, the {@code default} key policy. Never Decrypt or any data-plane call.
 *
 * <p>AWS calls / IAM actions: {@code kms:ListKeys}, {@code kms:ListAliases} (paginated, once per
 * region), {@code kms:DescribeKey} per key (ListKeys returns only ids), {@code kms:GetKeyPolicy} per
 * customer-managed key (AWS-managed key policies are skipped).
 */
public final class KmsCollector implements Collector {
    public static final String TYPE = "AWS::KMS::Key";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("kms", KmsClient.class, KmsClient::builder)
            .operations("DescribeKey", "GetKeyPolicy", "ListAliases", "ListKeys")
            .writes(TYPE, "KMS key")
            .regions(KmsClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        KmsClient kms = ctx.client(KmsClient.class);
        Optional<List<KeyListEntry>> keys = ctx.call("kms:ListKeys", () -> kms.listKeysPaginator(b -> { }).keys().stream().toList());
        if (keys.isEmpty() || keys.get().isEmpty()) return;
        Map<String, List<String>> aliases = new TreeMap<>();
        ctx.call("kms:ListAliases", () -> kms.listAliasesPaginator(b -> { }).aliases().stream().toList()).ifPresent(list -> {
            for (AliasListEntry a : list) if (a.targetKeyId() != null) aliases.computeIfAbsent(a.targetKeyId(), k -> new ArrayList<>()).add(a.aliasName());
        });
        for (KeyListEntry k : keys.get()) {
            Optional<KeyMetadata> md = ctx.callFor("kms:DescribeKey", TYPE, k.keyArn(), () -> kms.describeKey(b -> b.keyId(k.keyId())).keyMetadata());
            if (md.isEmpty()) continue;
            KeyMetadata m = md.get();
            List<Map<String, Object>> links = new ArrayList<>();
            String type = null, primary = null;
            List<String> replicas = new ArrayList<>();
            if (m.multiRegionConfiguration() != null) {
                var mr = m.multiRegionConfiguration();
                type = mr.multiRegionKeyTypeAsString();
                primary = mr.primaryKey() == null ? null : mr.primaryKey().arn();
                mr.replicaKeys().forEach(r -> replicas.add(r.arn()));
                if ("PRIMARY".equals(type)) mr.replicaKeys().forEach(r -> links.add(Attrs.replicaLink(r.region(), r.arn(), m.keyId(), null, "kms-multi-region-replica")));
                else if (mr.primaryKey() != null) links.add(Attrs.replicaLink(mr.primaryKey().region(), primary, m.keyId(), null, "kms-multi-region-primary"));
            }
            String policy = null;
            if ("CUSTOMER".equals(m.keyManagerAsString())) {
                policy = ctx.callFor("kms:GetKeyPolicy", TYPE, m.arn(), () -> kms.getKeyPolicy(b -> b.keyId(m.keyId()).policyName("default")).policy()).orElse(null);
            }
            List<String> names = aliases.getOrDefault(m.keyId(), List.of()).stream().sorted().toList();
            ctx.add(TYPE, m.arn(), names.isEmpty() ? m.keyId() : names.get(0), Map.of(), Attrs.map(
                    "keyId", m.keyId(), "keyManager", m.keyManagerAsString(), "keyState", m.keyStateAsString(),
                    "multiRegion", Boolean.TRUE.equals(m.multiRegion()), "multiRegionKeyType", type, "primaryKeyArn", primary,
                    "replicaKeyArns", replicas, "aliases", names, "policy", policy, "replicaLinks", links));
        }
    }
}
