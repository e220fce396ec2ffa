package io.failready.collect.aws.neptune;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.neptune.NeptuneClient;
import software.amazon.awssdk.services.neptune.model.DBCluster;
import software.amazon.awssdk.services.neptune.model.GlobalCluster;
import software.amazon.awssdk.services.neptune.model.GlobalClusterMember;
import software.amazon.awssdk.services.neptune.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Amazon Neptune clusters ({@code AWS::Neptune::DBCluster}) with their global cluster, in the
 * attribute shape of {@code AWS::RDS::DBCluster} ({@code globalClusterIdentifier},
 * {@code globalClusterMembers} with region, writer flag and synchronization status,
 * {@code isGlobalWriter}, {@code replicationSourceIdentifier}, {@code status}, {@code replicaLinks}),
 * so RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION judges them like Aurora clusters.
 *
 * <p>Neptune shares the RDS control plane: its calls are {@code rds:} IAM actions, its gaps name
 * the service {@code rds} (so a denied call makes the RDS rules say INSUFFICIENT_DATA), and the
 * listing is filtered to {@code engine = neptune} (the RDS collector leaves those clusters out).
 *
 * <p>AWS calls / IAM actions: {@code rds:DescribeDBClusters} (paginated, engine filter),
 * {@code rds:DescribeGlobalClusters} (paginated; its failure is a gap on the region, as for RDS),
 * {@code rds:ListTagsForResource} (per cluster).
 */
public final class NeptuneCollector implements Collector {
    public static final String TYPE = "AWS::Neptune::DBCluster";
    public static final String ENGINE = "neptune";
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("neptune", NeptuneClient.class, NeptuneClient::builder)
            .iamPrefix("rds")
            .operations("DescribeDBClusters", "DescribeGlobalClusters", "ListTagsForResource")
            .writes(TYPE, "Neptune cluster")
            .regions(NeptuneClient.serviceMetadata())
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        NeptuneClient db = ctx.client(NeptuneClient.class);
        Optional<List<DBCluster>> clusters = ctx.call("rds:DescribeDBClusters", () -> db.describeDBClustersPaginator(b -> b.filters(
                f -> f.name("engine").values(ENGINE))).dbClusters().stream().filter(c -> ENGINE.equals(c.engine())).toList());
        if (clusters.isEmpty() || clusters.get().isEmpty()) return;
        Map<String, GlobalCluster> globalByMember = new HashMap<>();
        Optional<List<GlobalCluster>> globals = ctx.call("rds:DescribeGlobalClusters",
                () -> {
                    // the Neptune SDK has no paginator for DescribeGlobalClusters: follow Marker by hand
                    List<GlobalCluster> all = new ArrayList<>();
                    String marker = null;
                    do {
                        String m = marker;
                        var page = db.describeGlobalClusters(b -> b.marker(m));
                        all.addAll(page.globalClusters());
                        marker = page.marker();
                    } while (marker != null && !marker.isEmpty());
                    return all;
                });
        globals.ifPresent(gs -> gs.forEach(g -> g.globalClusterMembers().forEach(m -> globalByMember.put(m.dbClusterArn(), g))));
        for (DBCluster c : clusters.get()) {
            GlobalCluster g = globalByMember.get(c.dbClusterArn());
            List<Map<String, Object>> members = new ArrayList<>();
            List<Map<String, Object>> links = new ArrayList<>();
            Boolean writer = null;
            if (g != null) {
                for (GlobalClusterMember m : g.globalClusterMembers()) {
                    String region = Attrs.arnRegion(m.dbClusterArn());
                    // Neptune reports no synchronization status for global members
                    members.add(Attrs.map("dbClusterArn", m.dbClusterArn(), "isWriter", Boolean.TRUE.equals(m.isWriter()), "region", region));
                    if (m.dbClusterArn().equals(c.dbClusterArn())) writer = Boolean.TRUE.equals(m.isWriter());
                    else links.add(Attrs.replicaLink(region, m.dbClusterArn(), shortName(m.dbClusterArn()), null, "neptune-global-cluster-member"));
                }
            }
            Map<String, String> tags = ctx.callFor("rds:ListTagsForResource", TYPE, c.dbClusterArn(),
                    () -> Attrs.tags(db.listTagsForResource(b -> b.resourceName(c.dbClusterArn())).tagList(), Tag::key, Tag::value))
                    .orElse(new TreeMap<>());
            ctx.add(TYPE, c.dbClusterArn(), c.dbClusterIdentifier(), tags, Attrs.map(
                    "engine", c.engine(), "engineVersion", c.engineVersion(), "status", c.status(),
                    "globalClusterIdentifier", g == null ? null : g.globalClusterIdentifier(),
                    "globalClusterMembers", g == null ? null : members, "isGlobalWriter", writer,
                    "replicationSourceIdentifier", c.replicationSourceIdentifier(),
                    "storageEncrypted", c.storageEncrypted(), "kmsKeyId", c.kmsKeyId(),
                    "backupRetentionPeriod", c.backupRetentionPeriod(), "replicaLinks", links));
        }
    }

    static String shortName(String arn) { return arn.substring(arn.lastIndexOf(':') + 1); }
}
