package io.failready.collect.aws.rds;

import io.failready.collect.aws.docdb.DocDbCollector;
import io.failready.collect.aws.neptune.NeptuneCollector;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.tooling.AwsStub;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.ids;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.op;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The rds, docdb and neptune collectors over HTTP against {@link AwsStub}, in one scan: one paginated
 * DescribeDBClusters per account and region serves all three (each keeps its own engine's clusters, with the tags
 * the reply's TagList carries, so no ListTagsForResource follows), and its failure is a gap on each of them; the
 * same for one paginated DescribeGlobalClusters, whose reply holds every engine's global clusters.
 */
class DbClustersSharedTest {
    static final String ORDERS = "arn:aws:rds:us-east-1:111111111111:cluster:orders-use1";
    static final String DOCS = "arn:aws:rds:us-east-1:111111111111:cluster:catalog-docs";
    static final String GRAPH = "arn:aws:rds:us-east-1:111111111111:cluster:fraud-graph";

    @Test
    void oneListingOfEveryPageServesAllThreeEnginesWithTheirTags() {
        try (AwsStub stub = AwsStub.start("DbClustersSharedTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new RdsCollector(), new DocDbCollector(), new NeptuneCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(List.of(ORDERS), ids(s, RdsCollector.CLUSTER));
            assertEquals(List.of(DOCS), ids(s, DocDbCollector.TYPE));
            assertEquals(List.of(GRAPH), ids(s, NeptuneCollector.TYPE));
            Resource docs = resource(s, DocDbCollector.TYPE, DOCS);
            assertEquals("catalog-docs", docs.getResourceName());
            assertEquals("catalog", docs.tag("app"));
            assertEquals("1", docs.tag("tier"));
            assertEquals("docdb", docs.getConfiguration().get("engine"));
            assertEquals("5.0.0", docs.getConfiguration().get("engineVersion"));
            assertEquals(true, docs.getConfiguration().get("storageEncrypted"));
            assertEquals(7, docs.getConfiguration().get("backupRetentionPeriod"));
            assertEquals("fraud", resource(s, NeptuneCollector.TYPE, GRAPH).tag("app"));
            assertEquals("neptune", resource(s, NeptuneCollector.TYPE, GRAPH).getConfiguration().get("engine"));
            assertEquals("payments", resource(s, RdsCollector.CLUSTER, ORDERS).tag("app"));
            assertEquals(2, count(stub, "rds:DescribeDBClusters"), "two pages, once for the three collectors");
            assertEquals(0, count(stub, "rds:ListTagsForResource"), "the listing carries every cluster's tags");
        }
    }

    @Test
    void aDeniedListingIsAGapOnEachCollectorThatNeededIt() {
        try (AwsStub stub = AwsStub.start("DbClustersSharedTest")) {
            stub.fault(op("rds:DescribeDBClusters", US_EAST_1), ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new RdsCollector(), new DocDbCollector(), new NeptuneCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 docdb DescribeDBClusters AccessDenied",
                            ACCOUNT + " us-east-1 neptune DescribeDBClusters AccessDenied",
                            ACCOUNT + " us-east-1 rds DescribeDBClusters AccessDenied"),
                    gaps(s).stream().sorted().toList());
            assertEquals(List.of(), ids(s, DocDbCollector.TYPE));
            assertEquals(List.of(), ids(s, NeptuneCollector.TYPE));
            assertEquals(List.of(), ids(s, RdsCollector.CLUSTER));
            assertEquals(1, count(stub, "rds:DescribeDBClusters"), "sent once; the other collectors share its failure");
        }
    }

    @Test
    void oneGlobalClusterListingOfEveryPageServesAllThreeEngines() {
        try (AwsStub stub = AwsStub.start("DbClustersSharedTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new RdsCollector(), new DocDbCollector(), new NeptuneCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(2, count(stub, "rds:DescribeGlobalClusters"), "two pages, once for the three collectors");
            Resource orders = resource(s, RdsCollector.CLUSTER, ORDERS);
            assertEquals("orders-global", orders.getConfiguration().get("globalClusterIdentifier"));
            assertEquals(true, orders.getConfiguration().get("isGlobalWriter"));
            assertEquals("connected", secondary(orders).get("synchronizationStatus"));
            Resource docs = resource(s, DocDbCollector.TYPE, DOCS);
            assertEquals("catalog-global", docs.getConfiguration().get("globalClusterIdentifier"));
            assertEquals(true, docs.getConfiguration().get("isGlobalWriter"));
            assertEquals("pending-resync", secondary(docs).get("synchronizationStatus"));
            assertEquals("us-west-2", docs.maps("replicaLinks").get(0).get("region"));
            Resource graph = resource(s, NeptuneCollector.TYPE, GRAPH);
            assertEquals("fraud-global", graph.getConfiguration().get("globalClusterIdentifier"), "from the second page");
            assertEquals(null, secondary(graph).get("synchronizationStatus"), "Neptune reports none");
            assertEquals("us-west-2", graph.maps("replicaLinks").get(0).get("region"));
        }
    }

    @Test
    void aDeniedGlobalClusterListingIsAGapOnEachCollectorThatNeededIt() {
        try (AwsStub stub = AwsStub.start("DbClustersSharedTest")) {
            stub.fault(op("rds:DescribeGlobalClusters", US_EAST_1), ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new RdsCollector(), new DocDbCollector(), new NeptuneCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 docdb DescribeGlobalClusters AccessDenied",
                            ACCOUNT + " us-east-1 neptune DescribeGlobalClusters AccessDenied",
                            ACCOUNT + " us-east-1 rds DescribeGlobalClusters AccessDenied"),
                    gaps(s).stream().sorted().toList());
            assertEquals(List.of(DOCS), ids(s, DocDbCollector.TYPE), "the clusters are still listed, without a global cluster");
            assertEquals(null, resource(s, DocDbCollector.TYPE, DOCS).getConfiguration().get("globalClusterIdentifier"));
            assertEquals(List.of(GRAPH), ids(s, NeptuneCollector.TYPE));
            assertEquals(List.of(ORDERS), ids(s, RdsCollector.CLUSTER));
            assertEquals(1, count(stub, "rds:DescribeGlobalClusters"), "sent once; the other collectors share its failure");
        }
    }

    @Test
    void noGlobalClusterListingWhereNoEngineHasClusters() {
        try (AwsStub stub = AwsStub.start("DbClustersSharedTest")) {
            stub.fault(op("rds:DescribeDBClusters", US_EAST_1), ACCESS_DENIED);
            run(stub, List.of(US_EAST_1), new RdsCollector(), new DocDbCollector(), new NeptuneCollector());
            assertEquals(0, count(stub, "rds:DescribeGlobalClusters"));
        }
    }

    /** The member of the resource's global cluster that is not the resource itself. */
    private static java.util.Map<String, Object> secondary(Resource r) {
        return r.maps("globalClusterMembers").stream().filter(m -> !r.getResourceId().equals(m.get("dbClusterArn"))).findFirst().orElseThrow();
    }

    private static long count(AwsStub stub, String action) {
        return stub.calls().stream().filter(c -> c.action().equals(action)).count();
    }
}
