package io.failready.collect.aws.rds;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.ServiceMetadata;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;
import software.amazon.awssdk.services.rds.model.Tag;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * Clusters of a database engine that shares the RDS control plane but has its own SDK client and resource
 * type (DocumentDB, Neptune), with their global cluster, in the attribute shape of {@code AWS::RDS::DBCluster}
 * ({@code globalClusterIdentifier}, {@code globalClusterMembers}, {@code isGlobalWriter},
 * {@code replicationSourceIdentifier}, {@code status}, {@code replicaLinks}), so
 * RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION judges them like Aurora clusters.
 *
 * <p>The calls are {@code rds:} IAM actions and the gaps name the collector's service ({@code docdb},
 * {@code neptune}); the shared listing is filtered to the engine (the RDS collector leaves those clusters out).
 * A subclass names the engine, type, label and client, and asks for its global clusters with its SDK;
 * the global clusters are read here once, by the member names both SDKs' models share ({@link SdkPojo}), instead
 * of through each SDK's own copy of {@code GlobalCluster}.
 *
 * <p>AWS calls / IAM actions: {@code rds:DescribeDBClusters} (paginated; one per account and region shared with
 * the RDS collector, see {@link DbClusters}: it carries each cluster's {@code TagList}, so no per-cluster
 * ListTagsForResource follows), {@code rds:DescribeGlobalClusters} (paginated, only where the engine has clusters;
 * its failure is a gap on the region, as for RDS).
 */
public abstract class EngineClusterCollector<C extends SdkClient> implements Collector {
    private final String engine;
    private final String type;
    private final Class<C> clientType;
    private final CollectorDescriptor descriptor;
    private final Function<C, Iterable<? extends SdkPojo>> describeGlobalClusters;

    /**
     * @param service                the SDK service id (gap service of the descriptor, client lookup)
     * @param engine                 the {@code engine} value of this engine's clusters
     * @param builder                the client's {@code builder} method
     * @param regions                the client's {@code serviceMetadata()}
     * @param describeGlobalClusters DescribeGlobalClusters, every page: the {@code GlobalCluster}s
     */
    protected EngineClusterCollector(String service, String engine, String type, String label, Class<C> clientType,
                                     Supplier<?> builder, ServiceMetadata regions,
                                     Function<C, Iterable<? extends SdkPojo>> describeGlobalClusters) {
        this.engine = engine;
        this.type = type;
        this.clientType = clientType;
        this.describeGlobalClusters = describeGlobalClusters;
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
        C db = ctx.client(clientType);
        Optional<List<DBCluster>> clusters = DbClusters.all(ctx).map(all -> all.stream().filter(c -> engine.equals(c.engine())).toList());
        if (clusters.isEmpty() || clusters.get().isEmpty()) return;
        Map<String, GlobalClusters.Global> globalByMember = ctx.call("rds:DescribeGlobalClusters",
                () -> list(describeGlobalClusters.apply(db)).stream().map(EngineClusterCollector::global).toList())
                .map(GlobalClusters::byMember).orElse(Map.of());
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

    /** A {@code GlobalCluster}; its members' {@code SynchronizationStatus} is null where the model has none (Neptune). */
    static GlobalClusters.Global global(SdkPojo g) {
        List<?> members = (List<?>) field(g, "GlobalClusterMembers");
        return new GlobalClusters.Global((String) field(g, "GlobalClusterIdentifier"), Attrs.list(members, o -> {
            SdkPojo m = (SdkPojo) o;
            return new GlobalClusters.Member((String) field(m, "DBClusterArn"), (Boolean) field(m, "IsWriter"),
                    has(m, "SynchronizationStatus") ? (String) field(m, "SynchronizationStatus") : null);
        }));
    }

    /** The value of a model member (an enum as its string); a member the model lacks is a programming error. */
    static Object field(SdkPojo pojo, String member) {
        for (SdkField<?> f : pojo.sdkFields()) if (f.memberName().equals(member)) return f.getValueOrDefault(pojo);
        throw new IllegalArgumentException(pojo.getClass().getName() + " has no member " + member);
    }

    static boolean has(SdkPojo pojo, String member) {
        return pojo.sdkFields().stream().anyMatch(f -> f.memberName().equals(member));
    }

    private static List<SdkPojo> list(Iterable<? extends SdkPojo> in) {
        return StreamSupport.stream(in.spliterator(), false).map(SdkPojo.class::cast).toList();
    }
}
