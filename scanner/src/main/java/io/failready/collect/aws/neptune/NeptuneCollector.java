package io.failready.collect.aws.neptune;

import io.failready.collect.aws.rds.EngineClusterCollector;
import software.amazon.awssdk.services.neptune.NeptuneClient;

/**
 * Amazon Neptune clusters ({@code AWS::Neptune::DBCluster}, {@code engine = neptune}) with their global cluster,
 * judged like Aurora clusters: what is written, and which {@code rds:} calls, is {@link EngineClusterCollector}'s;
 * this class names Neptune. Neptune reports no synchronization status for global members.
 */
public final class NeptuneCollector extends EngineClusterCollector<NeptuneClient> {
    public static final String TYPE = "AWS::Neptune::DBCluster";
    public static final String ENGINE = "neptune";

    public NeptuneCollector() {
        super("neptune", ENGINE, TYPE, "Neptune cluster", NeptuneClient.class, NeptuneClient::builder, NeptuneClient.serviceMetadata());
    }
}
