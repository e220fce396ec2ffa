package io.failready.rules.data;

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
import static io.failready.rules.api.TestFacts.deniedOn;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one table fits several scenarios, the first in the documented order decides. */
class DynamodbTableReplicaInRecoveryRegionTest {
    static final String TABLE = "AWS::DynamoDB::Table";

    static Resource table(Object... kv) {
        return resource(TABLE, "arn:aws:dynamodb:us-east-1:111111111111:table/orders", "orders", PRIMARY, kv);
    }

    static Map<String, Object> replica(String region, String status) {
        return status == null ? config("regionName", region) : config("regionName", region, "status", status);
    }

    static Resource replicaTable() {
        return resource(TABLE, "arn:aws:dynamodb:eu-west-1:111111111111:table/orders", "orders", RECOVERY);
    }

    private static Verdict decide(Resource t, Resource... others) {
        List<Resource> all = new java.util.ArrayList<>(List.of(others));
        all.add(t);
        return DynamodbTableReplicaInRecoveryRegion.decide(t, PAIR, new DataIndex(all), NO_GAPS);
    }

    @Test
    void unreadableTableIsInsufficientDataEvenWithAnActiveReplica() {
        Resource t = table("replicas", List.of(replica(RECOVERY, "ACTIVE")));
        Verdict v = DynamodbTableReplicaInRecoveryRegion.decide(t, PAIR, new DataIndex(List.of(t)), gaps(denied(PRIMARY, "dynamodb")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
    }

    @Test
    void noReplicaWhileTheLegacyGlobalTableListingFailedIsInsufficientDataNotMissing() {
        Resource t = table();
        Verdict v = DynamodbTableReplicaInRecoveryRegion.decide(t, PAIR, new DataIndex(List.of(t)),
                gaps(deniedOn(PRIMARY, "dynamodb", "AWS::DynamoDB::GlobalTable", "orders-global")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("legacy global table"), v.annotation());
    }

    @Test
    void aCurrentGlobalTableWithReplicasElsewhereIsNonCompliantDespiteTheLegacyListingGap() {
        Resource t = table("globalTableVersion", "2019.11.21", "replicas", List.of(replica(PRIMARY, "ACTIVE"), replica("us-west-2", "ACTIVE")));
        Verdict v = DynamodbTableReplicaInRecoveryRegion.decide(t, PAIR, new DataIndex(List.of(t)),
                gaps(deniedOn(PRIMARY, "dynamodb", "AWS::DynamoDB::GlobalTable", "orders-global")));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().endsWith("has no replica in eu-west-1 (replicas: us-west-2)."), v.annotation());
    }

    @Test
    void replicaWithoutAStatusIsInsufficientDataUnlessItsReplicaLinkReportsOne() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(table("replicas", List.of(replica(RECOVERY, null)))).type());
        Resource linked = table("replicas", List.of(replica(RECOVERY, null)),
                "replicaLinks", List.of(config("region", RECOVERY, "status", "ACTIVE")));
        assertEquals(ComplianceType.COMPLIANT, decide(linked).type());
    }

    @Test
    void activeReplicaIsCompliantAndNamesTheReplicaTable() {
        Resource rep = replicaTable();
        Verdict v = decide(table("replicas", List.of(replica(RECOVERY, "ACTIVE"))), rep);
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertSame(rep, v.counterpart());
    }

    @Test
    void replicaInAnyOtherStatusIsNonCompliant() {
        Verdict v = decide(table("replicas", List.of(replica(RECOVERY, "INACCESSIBLE_ENCRYPTION_CREDENTIALS"))));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("status INACCESSIBLE_ENCRYPTION_CREDENTIALS, not ACTIVE"), v.annotation());
    }
}
