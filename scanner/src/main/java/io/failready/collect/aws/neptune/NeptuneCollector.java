package io.failready.collect.aws.neptune;

import io.failready.collect.aws.rds.EngineClusterCollector;
import software.amazon.awssdk.services.neptune.NeptuneClient;
import software.amazon.awssdk.services.neptune.model.GlobalCluster;

import java.util.ArrayList;
import java.util.List;

/**
 * Amazon Neptune clusters ({@code AWS::Neptune::DBCluster}, {@code engine = neptune}) with their global cluster,
 * judged like Aurora clusters: what is written, and which {@code rds:} calls, is {@link EngineClusterCollector}'s;
 * this class names Neptune and asks for its global clusters with its client. Neptune reports no synchronization status
 * for global members.
 */
public final class NeptuneCollector extends EngineClusterCollector<NeptuneClient> {
    public static final String TYPE = "AWS::Neptune::DBCluster";
    public static final String ENGINE = "neptune";

    public NeptuneCollector() {
        super("neptune", ENGINE, TYPE, "Neptune cluster", NeptuneClient.class, NeptuneClient::builder, NeptuneClient.serviceMetadata(),
                NeptuneCollector::describeGlobalClusters);
    }

    /** The Neptune SDK has no paginator for DescribeGlobalClusters: follow Marker by hand. */
    private static List<GlobalCluster> describeGlobalClusters(NeptuneClient db) {
        List<GlobalCluster> all = new ArrayList<>();
        String marker = null;
        do {
            String m = marker;
            var page = db.describeGlobalClusters(b -> b.marker(m));
            all.addAll(page.globalClusters());
            marker = page.marker();
        } while (marker != null && !marker.isEmpty());
        return all;
    }
}
