package io.failready.collect.aws.docdb;

import io.failready.collect.aws.rds.EngineClusterCollector;
import software.amazon.awssdk.services.docdb.DocDbClient;

/**
 * Amazon DocumentDB clusters ({@code AWS::DocDB::DBCluster}, {@code engine = docdb}) with their global cluster,
 * judged like Aurora clusters: what is written, and which {@code rds:} calls, is {@link EngineClusterCollector}'s;
 * this class names DocumentDB.
 */
public final class DocDbCollector extends EngineClusterCollector<DocDbClient> {
    public static final String TYPE = "AWS::DocDB::DBCluster";
    public static final String ENGINE = "docdb";

    public DocDbCollector() {
        super("docdb", ENGINE, TYPE, "DocumentDB cluster", DocDbClient.class, DocDbClient::builder, DocDbClient.serviceMetadata());
    }
}
