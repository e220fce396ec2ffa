package io.failready.collect.aws.rds;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Clusters of a database engine that shares the RDS control plane but has its own SDK client and resource
 * type (DocumentDB, Neptune), with their global cluster, in the attribute shape of {@code AWS::RDS::DBCluster}
 * ({@code globalClusterIdentifier}, {@code globalClusterMembers}, {@code isGlobalWriter},
 * {@code replicationSourceIdentifier}, {@code status}, {@code replicaLinks}), so
 * RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION judges them like Aurora clusters.
 *
 * <p>The calls are {@code rds:} IAM actions and the gaps name the collector's service ({@code docdb},
 * {@code neptune}); the shared listing is filtered to the engine (the RDS collector leaves those clusters out).
 * A subclass names the engine, type, label and client.
 *
 * <p>AWS calls / IAM actions: {@code rds:DescribeDBClusters} (paginated; one per account and region shared with
 * the RDS collector, see {@link DbClusters}: it carries each cluster's {@code TagList}, so no per-cluster
 * ListTagsForResource follows), {@code rds:DescribeGlobalClusters} (paginated, only where the engine has clusters;
 * one per account and region shared with the other two, see {@link GlobalClusters}; its failure is a gap on the
 * region, as for RDS).
 */
public abstract class EngineClusterCollector<C extends SdkClient> implements Collector {
    private final String engine;
    private final String type;
    private final CollectorDescriptor descriptor;

    /**
     * @param service                the SDK service id (gap service of the descriptor, client lookup)
     * @param engine                 the {@code engine} value of this engine's clusters
     * @param builder                the client's {@code builder} method
     * @param regions                the client's {@code serviceMetadata()}
     */
    protected EngineClusterCollector(String service, String engine, String type, String label, Class<C> clientType,
                                     Supplier<?> builder, ServiceMetadata regions) {
        this.engine = engine;
        this.type = type;
        this.descriptor = CollectorDescriptor.of(service, clientType, builder)
                .iamPrefix("rds")
                .operations("DescribeDBClusters", "DescribeGlobalClusters")
                .alsoUses("rds", "rds", RdsClient.class, RdsClient::builder)
                .writes(type, label)
                .regions(regions)
                .build();
    }

    @Override public final CollectorDescriptor descriptor() { return descriptor; }

    @Override public final void collect(CollectionContext ctx) {
        Optional<List<DBCluster>> clusters = DbClusters.all(ctx).map(all -> all.stream().filter(c -> engine.equals(c.engine())).toList());
        if (clusters.isEmpty() || clusters.get().isEmpty()) return;
        Map<String, GlobalClusters.Global> globalByMember = GlobalClusters.byMember(ctx).orElse(Map.of());
        String linkKind = engine + "-global-cluster-member";
        for (DBCluster c : clusters.get()) {
            String arn = c.dbClusterArn();
            GlobalClusters.Membership g = GlobalClusters.of(arn, globalByMember.get(arn), linkKind);
            ctx.add(type, arn, c.dbClusterIdentifier(), Attrs.tags(c.tagList(), Tag::key, Tag::value), Attrs.map(
                    "engine", c.engine(), "engineVersion", c.engineVersion(), "status", c.status(),
                    "globalClusterIdentifier", g.globalClusterIdentifier(),
                    "globalClusterMembers", g.members(), "isGlobalWriter", g.isGlobalWriter(),
                    "replicationSourceIdentifier", c.replicationSourceIdentifier(),
                    "storageEncrypted", c.storageEncrypted(), "kmsKeyId", c.kmsKeyId(),
                    "backupRetentionPeriod", c.backupRetentionPeriod(), "replicaLinks", g.replicaLinks()));
        }
    }
}
