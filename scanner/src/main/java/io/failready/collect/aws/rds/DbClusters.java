package io.failready.collect.aws.rds;

import io.failready.collect.CollectionContext;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.rds.model.DBCluster;

import java.util.List;
import java.util.Optional;

/**
 * One {@code rds:DescribeDBClusters} per account and region for the rds, docdb and neptune collectors. The RDS
 * API returns every engine's clusters from it (Aurora and Multi-AZ, DocumentDB, Neptune: the DocumentDB and
 * Neptune API references say so of their own DescribeDBClusters, which is the same control-plane action), each
 * with its {@code TagList}, so none of them lists again or asks for a cluster's tags one by one.
 */
public final class DbClusters {
    static final String CALL = "rds:DescribeDBClusters";

    private DbClusters() { }

    /** Every cluster of this account and region, all pages, whatever its engine; empty after a failure (a gap). */
    public static Optional<List<DBCluster>> all(CollectionContext ctx) {
        return ctx.callShared(CALL, () -> ctx.client(RdsClient.class).describeDBClustersPaginator(b -> { }).dbClusters().stream().toList());
    }
}
