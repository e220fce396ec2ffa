package io.failready.rules.data;

import io.failready.config.DrStrategy;
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
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one database fits several scenarios, the first in the documented order decides. */
class RdsDatabaseReplicatedToRecoveryRegionTest {
    static final String INSTANCE = "AWS::RDS::DBInstance";
    static final String DR1 = "arn:aws:rds:eu-west-1:111111111111:db:orders-dr1";
    static final String DR2 = "arn:aws:rds:eu-west-1:111111111111:db:orders-dr2";

    static Resource instance(Object... kv) {
        return resource(INSTANCE, "arn:aws:rds:us-east-1:111111111111:db:orders", "orders", PRIMARY, kv);
    }

    static Resource replica(String arn, String status) {
        return resource(INSTANCE, arn, arn.substring(arn.lastIndexOf(':') + 1), RECOVERY, "status", status);
    }

    private static Verdict decide(DrStrategy s, Resource db, Resource... others) {
        List<Resource> all = new java.util.ArrayList<>(List.of(others));
        all.add(db);
        return RdsDatabaseReplicatedToRecoveryRegion.decide(db, PAIR, workload(s, 60, 60), new DataIndex(all), NO_GAPS);
    }

    @Test
    void unreadableDatabaseIsInsufficientDataEvenWithAHealthyReplica() {
        Resource db = instance("readReplicaDBInstanceIdentifiers", List.of(DR1));
        Verdict v = RdsDatabaseReplicatedToRecoveryRegion.decide(db, PAIR, workload(DrStrategy.WARM_STANDBY, 60, 60),
                new DataIndex(List.of(db, replica(DR1, "available"))), gaps(denied(PRIMARY, "rds")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
    }

    @Test
    void oneHealthyReplicaIsEnoughWhateverTheOthers() {
        Resource healthy = replica(DR2, "available");
        Verdict v = decide(DrStrategy.WARM_STANDBY, instance("readReplicaDBInstanceIdentifiers", List.of(DR1, DR2)),
                replica(DR1, "storage-full"), healthy);
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertSame(healthy, v.counterpart());
    }

    @Test
    void aReplicaWhoseStateIsUnknownKeepsTheAnswerOpenOverAnUnhealthyOne() {
        // DR2 is named by the primary but was not collected: it may be the healthy copy
        Verdict v = decide(DrStrategy.WARM_STANDBY, instance("readReplicaDBInstanceIdentifiers", List.of(DR1, DR2)),
                replica(DR1, "storage-full"));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("orders-dr2"), v.annotation());
    }

    @Test
    void globalMemberNotConnectedIsNonCompliant() {
        String secondary = "arn:aws:rds:eu-west-1:111111111111:cluster:orders-eu";
        Resource cluster = resource("AWS::RDS::DBCluster", "arn:aws:rds:us-east-1:111111111111:cluster:orders", "orders", PRIMARY,
                "globalClusterIdentifier", "orders-global",
                "globalClusterMembers", List.of(Map.of("dbClusterArn", secondary, "region", RECOVERY, "synchronizationStatus", "pending-resync")));
        Resource sec = resource("AWS::RDS::DBCluster", secondary, "orders-eu", RECOVERY, "status", "available");
        Verdict v = decide(DrStrategy.WARM_STANDBY, cluster, sec);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("synchronization status is pending-resync"), v.annotation());
    }

    @Test
    void replicatedAutomatedBackupsAreEnoughOnlyForBackupRestore() {
        Resource db = instance("automatedBackupReplications", List.of(config("arn", "arn:aws:rds:eu-west-1:111111111111:auto-backup:ab-1")));
        assertEquals(ComplianceType.COMPLIANT, decide(DrStrategy.BACKUP_RESTORE, db).type());
        Verdict v = decide(DrStrategy.PILOT_LIGHT, db);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("pilot-light needs a cross-region read replica"), v.annotation());
    }
}
