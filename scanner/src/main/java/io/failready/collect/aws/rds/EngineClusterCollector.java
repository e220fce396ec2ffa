package io.failready.collect.aws.rds;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.regions.ServiceMetadata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
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
 * <p>The calls are {@code rds:} IAM actions and the gaps name the service {@code rds} (so a denied call makes
 * the RDS rules say INSUFFICIENT_DATA); the listing is filtered to the engine (the RDS collector leaves those
 * clusters out). A subclass names the engine, type, label and client, and makes the three calls with its SDK;
 * the replies are read here once, by the member names both SDKs' models share ({@link SdkPojo}), instead of
 * through each SDK's own copy of {@code DBCluster}, {@code GlobalCluster} and {@code Tag}.
 *
 * <p>AWS calls / IAM actions: {@code rds:DescribeDBClusters} (paginated, engine filter),
 * {@code rds:DescribeGlobalClusters} (paginated; its failure is a gap on the region, as for RDS),
 * {@code rds:ListTagsForResource} (per cluster).
 */
public abstract class EngineClusterCollector<C extends SdkClient> implements Collector {
    private final String engine;
    private final String type;
    private final Class<C> clientType;
    private final CollectorDescriptor descriptor;
    private final Function<C, Iterable<? extends SdkPojo>> describeGlobalClusters;
    private final BiFunction<C, String, Iterable<? extends SdkPojo>> describeClusters;
    private final BiFunction<C, String, Iterable<? extends SdkPojo>> listTags;

    /**
     * @param service                the SDK service id (gap service of the descriptor, client lookup)
     * @param engine                 the {@code engine} value of this engine's clusters
     * @param builder                the client's {@code builder} method
     * @param regions                the client's {@code serviceMetadata()}
     * @param describeGlobalClusters DescribeGlobalClusters, every page: the {@code GlobalCluster}s
     * @param describeClusters       DescribeDBClusters of an engine, every page: the {@code DBCluster}s
     * @param listTags               ListTagsForResource of a cluster ARN: the {@code Tag}s
     */
    protected EngineClusterCollector(String service, String engine, String type, String label, Class<C> clientType,
                                     Supplier<?> builder, ServiceMetadata regions,
                                     Function<C, Iterable<? extends SdkPojo>> describeGlobalClusters,
                                     BiFunction<C, String, Iterable<? extends SdkPojo>> describeClusters,
                                     BiFunction<C, String, Iterable<? extends SdkPojo>> listTags) {
        this.engine = engine;
        this.type = type;
        this.clientType = clientType;
        this.describeGlobalClusters = describeGlobalClusters;
        this.describeClusters = describeClusters;
        this.listTags = listTags;
        this.descriptor = CollectorDescriptor.of(service, clientType, builder)
                .iamPrefix("rds")
                .operations("DescribeDBClusters", "DescribeGlobalClusters", "ListTagsForResource")
                .writes(type, label)
                .regions(regions)
                .build();
    }

    @Override public final CollectorDescriptor descriptor() { return descriptor; }

    @Override public final void collect(CollectionContext ctx) {
        C db = ctx.client(clientType);
        Optional<List<SdkPojo>> clusters = ctx.call("rds:DescribeDBClusters",
                () -> list(describeClusters.apply(db, engine)).stream().filter(c -> engine.equals(field(c, "Engine"))).toList());
        if (clusters.isEmpty() || clusters.get().isEmpty()) return;
        Map<String, GlobalClusters.Global> globalByMember = ctx.call("rds:DescribeGlobalClusters",
                () -> list(describeGlobalClusters.apply(db)).stream().map(EngineClusterCollector::global).toList())
                .map(GlobalClusters::byMember).orElse(Map.of());
        String linkKind = engine + "-global-cluster-member";
        for (SdkPojo c : clusters.get()) {
            String arn = (String) field(c, "DBClusterArn");
            GlobalClusters.Membership g = GlobalClusters.of(arn, globalByMember.get(arn), linkKind);
            Map<String, String> tags = ctx.callFor("rds:ListTagsForResource", type, arn, () -> Attrs.tags(list(listTags.apply(db, arn)),
                    t -> (String) field(t, "Key"), t -> (String) field(t, "Value"))).orElse(new TreeMap<>());
            ctx.add(type, arn, (String) field(c, "DBClusterIdentifier"), tags, Attrs.map(
                    "engine", field(c, "Engine"), "engineVersion", field(c, "EngineVersion"), "status", field(c, "Status"),
                    "globalClusterIdentifier", g.globalClusterIdentifier(),
                    "globalClusterMembers", g.members(), "isGlobalWriter", g.isGlobalWriter(),
                    "replicationSourceIdentifier", field(c, "ReplicationSourceIdentifier"),
                    "storageEncrypted", field(c, "StorageEncrypted"), "kmsKeyId", field(c, "KmsKeyId"),
                    "backupRetentionPeriod", field(c, "BackupRetentionPeriod"), "replicaLinks", g.replicaLinks()));
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
