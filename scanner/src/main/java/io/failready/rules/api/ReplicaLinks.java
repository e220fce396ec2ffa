package io.failready.rules.api;

import io.failready.facts.Links;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A data store's copies in another region, as the service itself reports them: S3 replication
 * rules, DynamoDB global table replicas, Aurora global cluster members, RDS cross-region read
 * replicas, and the standard {@code replicaLinks} collectors fill for the rest (e.g. Aurora
 * cross-region replica clusters). Also which stores count as a primary copy to judge.
 */
public final class ReplicaLinks {
    private ReplicaLinks() {}

    public static final String S3 = "AWS::S3::Bucket";
    public static final String DDB = "AWS::DynamoDB::Table";
    public static final String CLUSTER = "AWS::RDS::DBCluster";
    public static final String INSTANCE = "AWS::RDS::DBInstance";
    /** DocumentDB and Neptune clusters: RDS-style clusters with global clusters, judged like Aurora's. */
    public static final String DOCDB_CLUSTER = "AWS::DocDB::DBCluster";
    public static final String NEPTUNE_CLUSTER = "AWS::Neptune::DBCluster";
    /** EFS file systems: their copies are the replication destinations the collector lists as replicaLinks. */
    public static final String EFS = "AWS::EFS::FileSystem";

    /** An Aurora, DocumentDB or Neptune cluster. */
    public static boolean isCluster(Resource r) {
        String t = r.getResourceType();
        return CLUSTER.equals(t) || DOCDB_CLUSTER.equals(t) || NEPTUNE_CLUSTER.equals(t);
    }

    /**
     * A copy of a data store in another region: its ARN or name, the service's status for it ("" when
     * none is reported) and the copy itself when it is in the snapshot (else null).
     */
    public record Copy(String id, String status, Resource resource) {
        /** The copy's name when it was collected, else the last segment of its id. */
        public String name() { return resource != null ? resource.getResourceName() : Arns.shortName(id); }
    }

    /**
     * A data store judged as a primary copy: buckets and tables; Aurora clusters that are not
     * cross-region replica clusters; DB instances that are neither Aurora members (judged through
     * their cluster) nor read replicas; EFS file systems that are not a replication destination
     * (a destination is a read-only copy).
     */
    public static boolean isPrimaryDataStore(Resource r) {
        return switch (r.getResourceType()) {
            case S3, DDB -> true;
            case CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER -> !r.has("replicationSourceIdentifier");
            case INSTANCE -> !r.has("dbClusterIdentifier") && !r.has("readReplicaSourceDBInstanceIdentifier");
            case EFS -> !r.has("replicationSource");
            default -> false;
        };
    }

    /** A primary copy that is a database (the RDS rules' subjects). */
    public static boolean isPrimaryDatabase(Resource r) {
        return (isCluster(r) || INSTANCE.equals(r.getResourceType())) && isPrimaryDataStore(r);
    }

    /** The bucket's replication rules with status Enabled, in configuration order. */
    public static List<Map<String, Object>> enabledS3Rules(Resource bucket) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> rule : bucket.maps("replication.rules")) {
            if ("Enabled".equalsIgnoreCase(str(rule.get("status")))) out.add(rule);
        }
        return out;
    }

    /** Region of an S3 rule's destination: as the collector resolved it, else the collected destination's; null when unknown. */
    public static String s3DestinationRegion(Map<String, Object> rule, DataIndex ix) {
        String region = str(rule.get("destinationRegion"));
        if (region != null) return region;
        Resource dest = ix.byId(str(rule.get("destinationBucketArn")));
        return dest == null ? null : dest.getAwsRegion();
    }

    /** The service's own copies of {@code r} in {@code region}; empty when it has none there (or none is known). */
    public static List<Copy> copiesIn(Resource r, String region, DataIndex ix) {
        List<Copy> out = new ArrayList<>();
        switch (r.getResourceType()) {
            case S3 -> {
                for (Map<String, Object> rule : enabledS3Rules(r)) {
                    if (region.equals(s3DestinationRegion(rule, ix))) {
                        String arn = str(rule.get("destinationBucketArn"));
                        out.add(new Copy(arn, "Enabled", ix.byId(arn)));
                    }
                }
            }
            case DDB -> {
                for (Map<String, Object> rep : r.maps("replicas")) {
                    if (region.equals(rep.get("regionName"))) {
                        String st = str(rep.get("status"));
                        if (st == null) st = Links.statusIn(r, region);
                        out.add(new Copy(r.getResourceName(), st == null ? "" : st,
                                ix.byName(DDB, r.getAccountId(), region, r.getResourceName())));
                    }
                }
            }
            case CLUSTER, DOCDB_CLUSTER, NEPTUNE_CLUSTER -> {
                for (Map<String, Object> m : r.maps("globalClusterMembers")) {
                    String arn = str(m.get("dbClusterArn"));
                    String reg = str(m.get("region"));
                    if (reg == null) reg = Arns.region(arn);
                    if (region.equals(reg) && !r.getResourceId().equals(arn)) out.add(new Copy(arn, "", ix.byId(arn)));
                }
            }
            case INSTANCE -> {
                for (Object o : r.list("readReplicaDBInstanceIdentifiers")) {
                    String id = str(o);
                    Resource rep = ix.byId(id);
                    String reg = rep != null ? rep.getAwsRegion() : Arns.region(id);
                    if (region.equals(reg)) out.add(new Copy(id, "", rep));
                }
            }
            default -> { }
        }
        if (out.isEmpty() && !S3.equals(r.getResourceType())) {
            // collectors also fill the standard replicaLinks (e.g. Aurora cross-region replica clusters)
            for (Map<String, Object> link : r.maps("replicaLinks")) {
                if (!region.equals(link.get("region"))) continue;
                String id = str(link.get("resourceId")) != null ? str(link.get("resourceId")) : str(link.get("resourceName"));
                Resource res = ix.byId(str(link.get("resourceId")));
                if (res == null && link.get("resourceName") != null) {
                    res = ix.byName(r.getResourceType(), r.getAccountId(), region, str(link.get("resourceName")));
                }
                out.add(new Copy(id, str(link.get("status")) == null ? "" : str(link.get("status")), res));
            }
        }
        return out;
    }

    /** The first copy that was collected, or null: the counterpart an evaluation names. */
    public static Resource firstSeen(List<Copy> copies) {
        for (Copy c : copies) if (c.resource() != null) return c.resource();
        return null;
    }

    private static String str(Object o) { return o == null ? null : String.valueOf(o); }
}
