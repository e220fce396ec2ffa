package io.failready.collect.aws.rds;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.DBClusterMember;
import software.amazon.awssdk.services.rds.model.DBInstance;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * RDS instances ({@code AWS::RDS::DBInstance}) and Aurora clusters ({@code AWS::RDS::DBCluster})
 * with their cross-region copies: read replicas, global cluster members, and automated backup
 * replications (DescribeDBInstances already names those, so no per-instance describe follows),
 * and what says whether a copy is healthy: cluster and instance {@code status}, a read replica's
 * {@code statusInfos} (read replication: replicating / error / stopped / terminated, normal), each
 * global member's {@code synchronizationStatus} (connected / pending-resync), and Aurora Serverless v2
 * capacity ({@code serverlessV2MinCapacity} / {@code serverlessV2MaxCapacity}, ACUs).
 *
 * <p>AWS calls / IAM actions: {@code rds:DescribeDBInstances}, {@code rds:DescribeDBClusters},
 * {@code rds:DescribeGlobalClusters} (all paginated, once per region; DescribeDBClusters and DescribeGlobalClusters
 * are sent once for this collector and the docdb and neptune ones, see {@link DbClusters} and {@link GlobalClusters}).
 */
public final class RdsCollector implements Collector {
    public static final String INSTANCE = "AWS::RDS::DBInstance";
    public static final String CLUSTER = "AWS::RDS::DBCluster";
    /** Engines of the RDS control plane that are not RDS: collected by the docdb and neptune collectors. */
    static final java.util.Set<String> OTHER_ENGINES = java.util.Set.of("docdb", "neptune");

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("rds", RdsClient.class, RdsClient::builder)
            .operations("DescribeDBClusters", "DescribeDBInstances", "DescribeGlobalClusters")
            .writes(CLUSTER, "Aurora cluster")
            .writes(INSTANCE, "RDS instance")
            .regions(RdsClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        RdsClient rds = ctx.client(RdsClient.class);
        Optional<List<DBInstance>> instances = ctx.call("rds:DescribeDBInstances", () -> rds.describeDBInstancesPaginator(b -> { }).dbInstances().stream().toList());
        // DocumentDB and Neptune clusters come back from the same API; their own collectors write them as their own types
        Optional<List<DBCluster>> clusters = DbClusters.all(ctx).map(all -> all.stream().filter(c -> !OTHER_ENGINES.contains(c.engine())).toList());
        Map<String, GlobalClusters.Global> globalByMember = clusters.isPresent() && !clusters.get().isEmpty()
                ? GlobalClusters.byMember(ctx).orElse(Map.of()) : Map.of();
        Map<String, DBInstance> byId = new HashMap<>();
        instances.ifPresent(list -> list.forEach(i -> byId.put(i.dbInstanceIdentifier(), i)));
        instances.ifPresent(list -> list.forEach(i -> instance(ctx, i)));
        clusters.ifPresent(list -> list.forEach(c -> cluster(ctx, c, globalByMember.get(c.dbClusterArn()), byId)));
    }

    private static void instance(CollectionContext ctx, DBInstance i) {
        List<Map<String, Object>> links = new ArrayList<>();
        for (String r : i.readReplicaDBInstanceIdentifiers()) {
            String region = Attrs.arnRegion(r);
            String arn = region == null ? ctx.arn("rds", "db:" + r) : r;
            links.add(Attrs.replicaLink(region == null ? ctx.region() : region, arn, name(r), null, "rds-read-replica"));
        }
        List<Map<String, Object>> backups = new ArrayList<>();
        i.dbInstanceAutomatedBackupsReplications().forEach(b -> {
            String region = Attrs.arnRegion(b.dbInstanceAutomatedBackupsArn());
            backups.add(Attrs.map("region", region, "arn", b.dbInstanceAutomatedBackupsArn()));
            links.add(Attrs.replicaLink(region, b.dbInstanceAutomatedBackupsArn(), null, null, "rds-automated-backup-replication"));
        });
        Map<String, Object> cfg = Attrs.map(
                "engine", i.engine(), "dbInstanceClass", i.dbInstanceClass(), "dbClusterIdentifier", i.dbClusterIdentifier(),
                "readReplicaDBInstanceIdentifiers", i.readReplicaDBInstanceIdentifiers(),
                "readReplicaSourceDBInstanceIdentifier", i.readReplicaSourceDBInstanceIdentifier(),
                "automatedBackupReplications", backups, "storageEncrypted", i.storageEncrypted(), "kmsKeyId", i.kmsKeyId(),
                "backupRetentionPeriod", i.backupRetentionPeriod(), "replicaLinks", links,
                "status", i.dbInstanceStatus(),
                "statusInfos", i.hasStatusInfos() && !i.statusInfos().isEmpty() ? Attrs.list(i.statusInfos(), x -> Attrs.map(
                        "statusType", x.statusType(), "status", x.status(), "normal", x.normal(), "message", x.message())) : null);
        ctx.add(INSTANCE, i.dbInstanceArn(), i.dbInstanceIdentifier(), Attrs.tags(i.tagList(), Tag::key, Tag::value), cfg);
    }

    private static void cluster(CollectionContext ctx, DBCluster c, GlobalClusters.Global global, Map<String, DBInstance> instances) {
        GlobalClusters.Membership membership = GlobalClusters.of(c.dbClusterArn(), global, "rds-global-cluster-member");
        List<Map<String, Object>> links = membership.replicaLinks();
        for (String r : c.readReplicaIdentifiers()) {
            String region = Attrs.arnRegion(r);
            links.add(Attrs.replicaLink(region == null ? ctx.region() : region, region == null ? ctx.arn("rds", "cluster:" + r) : r, name(r), null, "rds-cluster-replica"));
        }
        String writerClass = null;
        List<String> classes = new ArrayList<>();
        for (DBClusterMember m : c.dbClusterMembers()) {
            DBInstance i = instances.get(m.dbInstanceIdentifier());
            if (i == null) continue;
            classes.add(i.dbInstanceClass());
            if (Boolean.TRUE.equals(m.isClusterWriter())) writerClass = i.dbInstanceClass();
        }
        Map<String, Object> cfg = Attrs.map(
                "engine", c.engine(), "globalClusterIdentifier", membership.globalClusterIdentifier(),
                "globalClusterMembers", membership.members(), "isGlobalWriter", membership.isGlobalWriter(),
                "replicationSourceIdentifier", c.replicationSourceIdentifier(), "storageEncrypted", c.storageEncrypted(),
                "kmsKeyId", c.kmsKeyId(), "writerInstanceClass", writerClass, "instanceClasses", classes,
                "backupRetentionPeriod", c.backupRetentionPeriod(), "replicaLinks", links, "status", c.status(),
                "serverlessV2MinCapacity", c.serverlessV2ScalingConfiguration() == null ? null : c.serverlessV2ScalingConfiguration().minCapacity(),
                "serverlessV2MaxCapacity", c.serverlessV2ScalingConfiguration() == null ? null : c.serverlessV2ScalingConfiguration().maxCapacity());
        ctx.add(CLUSTER, c.dbClusterArn(), c.dbClusterIdentifier(), Attrs.tags(c.tagList(), Tag::key, Tag::value), cfg);
    }

    /** Last ARN segment ("db:orders" -> "orders"), or the id itself. */
    static String name(String idOrArn) {
        return idOrArn.startsWith("arn:") ? idOrArn.substring(idOrArn.lastIndexOf(':') + 1) : idOrArn;
    }
}
