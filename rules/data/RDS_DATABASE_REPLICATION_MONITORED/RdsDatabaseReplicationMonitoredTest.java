package io.failready.rules.data;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one database fits several scenarios, the first in the documented order decides. */
class RdsDatabaseReplicationMonitoredTest {
    static final Workload RPO_10S = workload(DrStrategy.WARM_STANDBY, 60, 10);
    static final String SECONDARY = "arn:aws:rds:eu-west-1:111111111111:cluster:orders-eu";
    static final String REPLICA = "arn:aws:rds:eu-west-1:111111111111:db:orders-dr";

    static Resource auroraPrimary() {
        return resource("AWS::RDS::DBCluster", "arn:aws:rds:us-east-1:111111111111:cluster:orders", "orders", PRIMARY,
                "globalClusterIdentifier", "orders-global",
                "globalClusterMembers", List.of(Map.of("dbClusterArn", SECONDARY, "region", RECOVERY)));
    }

    static Resource instance() {
        return resource("AWS::RDS::DBInstance", "arn:aws:rds:us-east-1:111111111111:db:orders", "orders", PRIMARY,
                "readReplicaDBInstanceIdentifiers", List.of(REPLICA));
    }

    static Resource alarm(String metric, String dim, String value, String region, double threshold) {
        return resource("AWS::CloudWatch::Alarm", "arn:aws:cloudwatch:" + region + ":111111111111:alarm:lag", "lag", region,
                "metricName", metric, "comparisonOperator", "GreaterThanOrEqualToThreshold", "threshold", threshold,
                "dimensions", Map.of(dim, value));
    }

    private static Verdict decide(Workload w, GapIndex g, Resource... rs) {
        return RdsDatabaseReplicationMonitored.decide(rs[0], PAIR, w, new DataIndex(List.of(rs)), g);
    }

    @Test
    void onlyReplicatedBackupsIsNotApplicableEvenWithoutAnRpo() {
        Resource db = resource("AWS::RDS::DBInstance", "arn:aws:rds:us-east-1:111111111111:db:solo", "solo", PRIMARY,
                "automatedBackupReplications", List.of(config("region", RECOVERY)));
        assertEquals(ComplianceType.NOT_APPLICABLE, decide(workload(DrStrategy.BACKUP_RESTORE, 240, 0), NO_GAPS, db).type());
    }

    @Test
    void auroraLagIsInMillisecondsAndMayBeWatchedOnTheSecondaryFromThePrimaryRegion() {
        Verdict v = decide(RPO_10S, NO_GAPS, auroraPrimary(), alarm("AuroraGlobalDBReplicationLag", "DBClusterIdentifier", "orders-eu", PRIMARY, 5_000));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertTrue(v.annotation().contains("exceeds 5000 ms, within the RPO of 10 s"), v.annotation());
    }

    @Test
    void replicaLagIsInSecondsSoTheSameNumberIsFarAboveTheRpo() {
        Verdict v = decide(RPO_10S, NO_GAPS, instance(), alarm("ReplicaLag", "DBInstanceIdentifier", "orders-dr", RECOVERY, 5_000));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("fires only above 5000 s, more than the RPO of 10 s"), v.annotation());
    }

    @Test
    void aReplicaLagAlarmInThePrimaryRegionWatchesNothing() {
        Verdict v = decide(RPO_10S, NO_GAPS, instance(), alarm("ReplicaLag", "DBInstanceIdentifier", "orders-dr", PRIMARY, 5));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("has no CloudWatch alarm on ReplicaLag"), v.annotation());
    }

    @Test
    void noAlarmWhileAlarmsInTheRecoveryRegionCouldNotBeListedIsInsufficientData() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(RPO_10S, gaps(denied(RECOVERY, "cloudwatch")), instance()).type());
    }
}
