package io.failready.collect.aws.rds;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkPojo;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * {@link EngineClusterCollector} reads DocumentDB and Neptune replies by model member name; this pins those
 * names to both SDKs, so a renamed member fails here rather than in a scan.
 */
class DocDbNeptuneModelFieldsTest {
    private static final List<String> CLUSTER_MEMBERS = List.of("DBClusterArn", "DBClusterIdentifier", "Engine", "EngineVersion",
            "Status", "ReplicationSourceIdentifier", "StorageEncrypted", "KmsKeyId", "BackupRetentionPeriod");

    @Test
    void docDbModelHasEveryMemberRead() {
        clusterMembers(software.amazon.awssdk.services.docdb.model.DBCluster.builder().dbClusterArn("arn:aws:rds:eu-west-1:1:cluster:a")
                .engine("docdb").storageEncrypted(true).backupRetentionPeriod(7).build());
        GlobalClusters.Global g = EngineClusterCollector.global(software.amazon.awssdk.services.docdb.model.GlobalCluster.builder()
                .globalClusterIdentifier("g").globalClusterMembers(m -> m.dbClusterArn("arn:x").isWriter(true).synchronizationStatus("connected"))
                .build());
        assertEquals(new GlobalClusters.Global("g", List.of(new GlobalClusters.Member("arn:x", true, "connected"))), g);
        SdkPojo tag = software.amazon.awssdk.services.docdb.model.Tag.builder().key("k").value("v").build();
        assertEquals("k", EngineClusterCollector.field(tag, "Key"));
        assertEquals("v", EngineClusterCollector.field(tag, "Value"));
    }

    @Test
    void neptuneModelHasEveryMemberReadButNoSynchronizationStatus() {
        clusterMembers(software.amazon.awssdk.services.neptune.model.DBCluster.builder().dbClusterArn("arn:aws:rds:eu-west-1:1:cluster:a")
                .engine("neptune").storageEncrypted(true).backupRetentionPeriod(7).build());
        GlobalClusters.Global g = EngineClusterCollector.global(software.amazon.awssdk.services.neptune.model.GlobalCluster.builder()
                .globalClusterIdentifier("g").globalClusterMembers(m -> m.dbClusterArn("arn:x").isWriter(false)).build());
        assertEquals(new GlobalClusters.Global("g", List.of(new GlobalClusters.Member("arn:x", false, null))), g);
        SdkPojo tag = software.amazon.awssdk.services.neptune.model.Tag.builder().key("k").value("v").build();
        assertEquals("k", EngineClusterCollector.field(tag, "Key"));
        assertEquals("v", EngineClusterCollector.field(tag, "Value"));
    }

    private static void clusterMembers(SdkPojo cluster) {
        for (String m : CLUSTER_MEMBERS) EngineClusterCollector.field(cluster, m);
        assertEquals("arn:aws:rds:eu-west-1:1:cluster:a", EngineClusterCollector.field(cluster, "DBClusterArn"));
        assertEquals(true, EngineClusterCollector.field(cluster, "StorageEncrypted"));
        assertEquals(7, EngineClusterCollector.field(cluster, "BackupRetentionPeriod"));
        assertNull(EngineClusterCollector.field(cluster, "KmsKeyId"));
        assertThrows(IllegalArgumentException.class, () -> EngineClusterCollector.field(cluster, "NoSuchMember"));
    }
}
