package io.failready.collect.aws.rds;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.GlobalCluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A cluster's place in its global cluster, in the one attribute shape RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION
 * reads for Aurora, DocumentDB and Neptune alike: {@code globalClusterIdentifier}, {@code globalClusterMembers}
 * (ARN, writer flag, region, synchronization status), {@code isGlobalWriter} and a replica link per other member.
 *
 * <p>One {@code rds:DescribeGlobalClusters} per account and region serves the rds, docdb and neptune collectors
 * ({@link #byMember(CollectionContext)}), sent by the first of them that has clusters: the three SDKs send the same unfiltered action to the
 * same {@code rds} endpoint, so each engine-specific call got the same reply, with every engine's global clusters
 * (moto answers it the same way); each cluster finds its own global cluster by its ARN among the members.
 */
public final class GlobalClusters {
    static final String CALL = "rds:DescribeGlobalClusters";

    private GlobalClusters() { }

    /**
     * Every global cluster of this account and region, all pages, whatever its engine, each under the ARN of every
     * member; empty after a failure, which is a gap on each collector that asked.
     */
    public static Optional<Map<String, Global>> byMember(CollectionContext ctx) {
        return ctx.callShared(CALL, () -> byMember(ctx.client(RdsClient.class).describeGlobalClustersPaginator(b -> { })
                .globalClusters().stream().map(GlobalClusters::global).toList()));
    }

    private static Global global(GlobalCluster g) {
        return new Global(g.globalClusterIdentifier(), Attrs.list(g.globalClusterMembers(),
                m -> new Member(m.dbClusterArn(), m.isWriter(), m.synchronizationStatusAsString())));
    }

    /** One member cluster; {@code synchronizationStatus} is null where AWS reports none (Neptune's members have none). */
    public record Member(String dbClusterArn, Boolean isWriter, String synchronizationStatus) { }

    /** A global cluster as DescribeGlobalClusters names it. */
    public record Global(String globalClusterIdentifier, List<Member> members) { }

    /**
     * What the global cluster says about one of its clusters. With no global cluster, identifier, members and
     * writer flag are null and the links empty; {@code replicaLinks} is mutable so a caller can add other copies.
     */
    public record Membership(String globalClusterIdentifier, List<Map<String, Object>> members, Boolean isGlobalWriter,
                             List<Map<String, Object>> replicaLinks) { }

    /** Each global cluster under the ARN of every one of its members. */
    static Map<String, Global> byMember(List<Global> globals) {
        Map<String, Global> out = new HashMap<>();
        globals.forEach(g -> g.members().forEach(m -> out.put(m.dbClusterArn(), g)));
        return out;
    }

    /** The membership of {@code clusterArn} in {@code global} (null: none); links to the other members are of {@code linkKind}. */
    public static Membership of(String clusterArn, Global global, String linkKind) {
        List<Map<String, Object>> links = new ArrayList<>();
        if (global == null) return new Membership(null, null, null, links);
        List<Map<String, Object>> members = new ArrayList<>();
        Boolean writer = null;
        for (Member m : global.members()) {
            String region = Attrs.arnRegion(m.dbClusterArn());
            members.add(Attrs.map("dbClusterArn", m.dbClusterArn(), "isWriter", Boolean.TRUE.equals(m.isWriter()), "region", region,
                    "synchronizationStatus", m.synchronizationStatus()));
            if (m.dbClusterArn().equals(clusterArn)) writer = Boolean.TRUE.equals(m.isWriter());
            else links.add(Attrs.replicaLink(region, m.dbClusterArn(), RdsCollector.name(m.dbClusterArn()), null, linkKind));
        }
        return new Membership(global.globalClusterIdentifier(), members, writer, links);
    }
}
