package io.failready.rules.data;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.config;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one table fits several scenarios, the first in the documented order decides. */
class DynamodbTablePitrBothRegionsTest {
    static final String TABLE = "AWS::DynamoDB::Table";

    static Resource table(Object... kv) {
        List<Object> all = new ArrayList<>(List.of("replicas", List.of(config("regionName", RECOVERY, "status", "ACTIVE"))));
        all.addAll(List.of(kv));
        return resource(TABLE, "arn:aws:dynamodb:us-east-1:111111111111:table/orders", "orders", PRIMARY, all.toArray());
    }

    static Resource replica(Object... kv) {
        return resource(TABLE, "arn:aws:dynamodb:eu-west-1:111111111111:table/orders", "orders", RECOVERY, kv);
    }

    @Test
    void tableWithoutAReplicaIsNotApplicableEvenWithPitrUnknown() {
        Resource t = resource(TABLE, "arn:aws:dynamodb:us-east-1:111111111111:table/solo", "solo", PRIMARY);
        assertEquals(ComplianceType.NOT_APPLICABLE, DynamodbTablePitrBothRegions.decide(t, PAIR, new DataIndex(List.of(t)), NO_GAPS).type());
    }

    @Test
    void replicaNotCollectedIsInsufficientDataNamingTheGapInTheRecoveryRegion() {
        Resource t = table("pitr", false);
        Verdict v = DynamodbTablePitrBothRegions.decide(t, PAIR, new DataIndex(List.of(t)), gaps(denied(RECOVERY, "dynamodb")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("AccessDenied"), v.annotation());
    }

    @Test
    void pitrNotCollectedOnTheReplicaOutranksPitrOffInThePrimary() {
        Resource t = table("pitr", false);
        Resource rep = replica();
        Verdict v = DynamodbTablePitrBothRegions.decide(t, PAIR, new DataIndex(List.of(t, rep)), NO_GAPS);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertSame(rep, v.counterpart());
        assertTrue(v.annotation().contains("not collected in eu-west-1"), v.annotation());
    }

    @Test
    void pitrOffOnlyInTheReplicaIsNonCompliantNamingTheReplica() {
        Resource t = table("pitr", true);
        Verdict v = DynamodbTablePitrBothRegions.decide(t, PAIR, new DataIndex(List.of(t, replica("pitr", false))), NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().endsWith("point-in-time recovery off in its eu-west-1 replica."), v.annotation());
    }

    @Test
    void pitrOnInBothIsCompliant() {
        Resource t = table("pitr", true);
        Resource rep = replica("pitr", true);
        Verdict v = DynamodbTablePitrBothRegions.decide(t, PAIR, new DataIndex(List.of(t, rep)), NO_GAPS);
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertSame(rep, v.counterpart());
    }
}
