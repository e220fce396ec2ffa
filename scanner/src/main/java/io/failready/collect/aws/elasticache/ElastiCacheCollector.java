package io.failready.collect.aws.elasticache;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.collect.Gaps;
import software.amazon.awssdk.services.elasticache.ElastiCacheClient;
import software.amazon.awssdk.services.elasticache.model.GlobalReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.GlobalReplicationGroupMember;
import software.amazon.awssdk.services.elasticache.model.ReplicationGroup;
import software.amazon.awssdk.services.elasticache.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * ElastiCache (Redis OSS, Valkey) replication groups ({@code AWS::ElastiCache::ReplicationGroup})
 * with their global datastore: its id, the group's role in it, and every member's region, role and
 * status, as {@code globalDatastore} and as {@code replicaLinks} to the members in other regions.
 * Memcached has no replication groups and no global datastores, so it is not read.
 *
 * <p>DescribeGlobalReplicationGroups is sent only when a group names a global datastore; when it
 * fails, the gap is recorded on each such group (the others are judged on what
 * DescribeReplicationGroups said).
 *
 * <p>AWS calls / IAM actions: {@code elasticache:DescribeReplicationGroups} (paginated),
 * {@code elasticache:DescribeGlobalReplicationGroups} (paginated, with member info),
 * {@code elasticache:ListTagsForResource} (one per group).
 */
public final class ElastiCacheCollector implements Collector {
    public static final String TYPE = "AWS::ElastiCache::ReplicationGroup";
    private static final String GLOBALS = "elasticache:DescribeGlobalReplicationGroups";
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("elasticache", ElastiCacheClient.class, ElastiCacheClient::builder)
            .operations("DescribeGlobalReplicationGroups", "DescribeReplicationGroups", "ListTagsForResource")
            .writes(TYPE, "ElastiCache replication group")
            .regions(ElastiCacheClient.serviceMetadata())
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        ElastiCacheClient ec = ctx.client(ElastiCacheClient.class);
        Optional<List<ReplicationGroup>> groups = ctx.call("elasticache:DescribeReplicationGroups",
                () -> ec.describeReplicationGroupsPaginator(b -> { }).replicationGroups().stream().toList());
        if (groups.isEmpty() || groups.get().isEmpty()) return;
        Map<String, GlobalReplicationGroup> globals = new HashMap<>();
        RuntimeException globalsFailed = null;
        if (groups.get().stream().anyMatch(g -> g.globalReplicationGroupInfo() != null && g.globalReplicationGroupInfo().globalReplicationGroupId() != null)) {
            ctx.checkDeadline();
            try {
                ec.describeGlobalReplicationGroupsPaginator(b -> b.showMemberInfo(true)).globalReplicationGroups()
                        .forEach(g -> globals.put(g.globalReplicationGroupId(), g));
            } catch (Gaps.ScanTimeout e) {
                throw e;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) throw new Gaps.ScanTimeout();
                globalsFailed = e;
            }
        }
        for (ReplicationGroup g : groups.get()) {
            String arn = g.arn() != null ? g.arn() : ctx.arn("elasticache", "replicationgroup:" + g.replicationGroupId());
            String globalId = g.globalReplicationGroupInfo() == null ? null : g.globalReplicationGroupInfo().globalReplicationGroupId();
            Map<String, Object> cfg = Attrs.map("replicationGroupId", g.replicationGroupId(), "status", g.status(), "engine", g.engine(),
                    "clusterEnabled", g.clusterEnabled(), "automaticFailover", g.automaticFailoverAsString(), "multiAZ", g.multiAZAsString(),
                    "cacheNodeType", g.cacheNodeType(), "atRestEncryptionEnabled", g.atRestEncryptionEnabled(), "kmsKeyId", g.kmsKeyId(),
                    "globalReplicationGroupId", globalId,
                    "globalReplicationGroupMemberRole", globalId == null ? null : g.globalReplicationGroupInfo().globalReplicationGroupMemberRole());
            if (globalId != null && globalsFailed != null) {
                ctx.gap(GLOBALS, TYPE, arn, globalsFailed);
            } else if (globalId != null) {
                GlobalReplicationGroup gd = globals.get(globalId);
                List<Map<String, Object>> members = new ArrayList<>();
                List<Map<String, Object>> links = new ArrayList<>();
                if (gd != null) {
                    for (GlobalReplicationGroupMember m : gd.members()) {
                        String memberArn = "arn:aws:elasticache:" + m.replicationGroupRegion() + ":" + ctx.accountId() + ":replicationgroup:" + m.replicationGroupId();
                        members.add(Attrs.map("replicationGroupId", m.replicationGroupId(), "region", m.replicationGroupRegion(),
                                "role", m.role(), "status", m.status()));
                        if (!ctx.region().equals(m.replicationGroupRegion())) {
                            links.add(Attrs.replicaLink(m.replicationGroupRegion(), memberArn, m.replicationGroupId(), m.status(), "elasticache-global-datastore"));
                        }
                    }
                }
                // absent members (the datastore was not in the listing) stay unknown rather than "none"
                cfg.put("globalDatastore", Attrs.map("id", globalId, "status", gd == null ? null : gd.status(), "members", gd == null ? null : members));
                if (!links.isEmpty()) cfg.put("replicaLinks", links);
            }
            Map<String, String> tags = ctx.callFor("elasticache:ListTagsForResource", TYPE, arn,
                    () -> Attrs.tags(ec.listTagsForResource(b -> b.resourceName(arn)).tagList(), Tag::key, Tag::value)).orElse(new TreeMap<>());
            ctx.add(TYPE, arn, g.replicationGroupId(), tags, cfg);
        }
    }
}
