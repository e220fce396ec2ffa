package io.failready.rules.data;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.config;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one data store fits several scenarios, the first in the documented order decides. */
class ReplicationLagWithinRpoTest {
    static final Workload RPO_60S = workload(DrStrategy.WARM_STANDBY, 60, 60);
    static final String TABLE_ARN = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    static final String BUCKET_ARN = "arn:aws:s3:::orders-use1";

    static Resource table() {
        return resource("AWS::DynamoDB::Table", TABLE_ARN, "orders", PRIMARY, "replicas", List.of(config("regionName", RECOVERY, "status", "ACTIVE")));
    }

    static Resource bucket() {
        return resource("AWS::S3::Bucket", BUCKET_ARN, "orders-use1", PRIMARY, "replication",
                config("rules", List.of(config("id", "all", "status", "Enabled", "destinationBucketArn", "arn:aws:s3:::orders-euw1",
                        "destinationRegion", RECOVERY))));
    }

    static Resource lag(String source, String region, double window, Double max) {
        return resource("Failready::CloudWatch::ReplicationLag", source + "#" + RECOVERY, "lag", region,
                "metricName", "ReplicationLatency", "lookbackMinutes", window, "maxSeconds", max, "datapoints", 10);
    }

    private static Verdict decide(Workload w, GapIndex g, Resource... rs) {
        return ReplicationLagWithinRpo.decide(rs[0], PAIR, w, 60, new DataIndex(List.of(rs)), g);
    }

    @Test
    void notReplicatedIsNotApplicableEvenWithoutAnRpo() {
        Resource solo = resource("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/solo", "solo", PRIMARY);
        assertEquals(ComplianceType.NOT_APPLICABLE, decide(workload(DrStrategy.WARM_STANDBY, 60, 0), NO_GAPS, solo).type());
    }

    @Test
    void aWindowShorterThanTheLookbackIsInsufficientDataEvenWhenTheLagIsAboveTheRpo() {
        Verdict v = decide(RPO_60S, NO_GAPS, table(), lag(TABLE_ARN, PRIMARY, 30, 600.0));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("covers 30 min, less than the 60-min lookback"), v.annotation());
    }

    @Test
    void lagEqualToTheRpoIsWithinItAndOneSecondMoreIsNot() {
        assertEquals(ComplianceType.COMPLIANT, decide(RPO_60S, NO_GAPS, table(), lag(TABLE_ARN, PRIMARY, 60, 60.0)).type());
        Verdict v = decide(RPO_60S, NO_GAPS, table(), lag(TABLE_ARN, PRIMARY, 60, 61.0));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("was 61 s, above the RPO of 60 s"), v.annotation());
    }

    @Test
    void dynamodbLagIsReadInTheSourceRegionAndS3LagInTheRecoveryRegion() {
        GapIndex noCloudWatchInPrimary = gaps(denied(PRIMARY, "cloudwatch"));
        Verdict ddb = decide(RPO_60S, noCloudWatchInPrimary, table());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, ddb.type());
        assertTrue(ddb.annotation().contains("cannot read its replication lag"), ddb.annotation());
        Verdict s3 = decide(RPO_60S, noCloudWatchInPrimary, bucket());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, s3.type());
        assertTrue(s3.annotation().contains("no replication lag metric to eu-west-1 was collected"), s3.annotation());
    }

    @Test
    void theCollectedReplicaIsTheCounterpartOfEveryOutcomeAfterApplicability() {
        Resource replica = resource("AWS::DynamoDB::Table", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders", "orders", RECOVERY);
        Verdict v = decide(workload(DrStrategy.WARM_STANDBY, 60, 0), NO_GAPS, table(), replica);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertSame(replica, v.counterpart());
    }

    static final String FS_ARN = "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-1";

    @Test
    void anEfsFileSystemWhoseReplicationWasNotReadIsInsufficientDataNotUnreplicated() {
        Resource fs = resource("AWS::EFS::FileSystem", FS_ARN, "media", PRIMARY, "fileSystemId", "fs-1");
        Verdict v = decide(RPO_60S, NO_GAPS, fs);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("cannot read its replication settings"), v.annotation());
    }

    @Test
    void efsTimeSinceLastSyncIsReadInTheSourceRegionAndAnEfsDestinationIsNoPrimary() {
        Resource fs = resource("AWS::EFS::FileSystem", FS_ARN, "media", PRIMARY, "fileSystemId", "fs-1",
                "replicationDestinations", List.of(config("fileSystemId", "fs-2", "region", RECOVERY, "status", "ENABLED")),
                "replicaLinks", List.of(config("region", RECOVERY, "resourceId", "arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-2",
                        "status", "ENABLED", "kind", "efs-replication")));
        Verdict v = decide(RPO_60S, gaps(denied(PRIMARY, "cloudwatch")), fs);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("cannot read its replication lag"), v.annotation());
        assertEquals(ComplianceType.NON_COMPLIANT, decide(RPO_60S, gaps(denied(RECOVERY, "cloudwatch")), fs, lag(FS_ARN, PRIMARY, 60, 61.0)).type());
        Resource dest = resource("AWS::EFS::FileSystem", "arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-2", "media-dr", RECOVERY,
                "fileSystemId", "fs-2", "replicationDestinations", List.of(), "replicationSource", config("fileSystemId", "fs-1", "region", PRIMARY));
        assertTrue(ReplicaLinks.isPrimaryDataStore(fs));
        assertFalse(ReplicaLinks.isPrimaryDataStore(dest));
    }
}
