package io.failready.rules.capacity;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.NO_TWINS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static io.failready.rules.api.TestFacts.twins;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one database fits several scenarios, the first in the documented order decides. */
class RdsRecoveryInstanceClassSufficientTest {
    private static Resource cluster(String region, Object... kv) {
        return resource("AWS::RDS::DBCluster", "arn:aws:rds:" + region + ":111111111111:cluster:orders", "orders", region, kv);
    }

    private static Resource instance(String region, Object... kv) {
        return resource("AWS::RDS::DBInstance", "arn:aws:rds:" + region + ":111111111111:db:orders", "orders", region, kv);
    }

    @Test
    void aHeadlessSecondaryIsAFindingNotMissingData() {
        Resource db = cluster(PRIMARY, "writerInstanceClass", "db.r6g.large");
        Resource c = cluster(RECOVERY, "instanceClasses", List.of());
        Verdict v = RdsRecoveryInstanceClassSufficient.decide(db, PAIR, NO_GAPS, twins(db, c));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("has no DB instances to promote"), v.annotation());
    }

    @Test
    void withoutACounterpartItFailsOnlyWhenItListsAReplicaThere() {
        Resource linked = instance(PRIMARY, "replicaLinks", List.of(Map.of("region", RECOVERY)));
        Resource alone = instance(PRIMARY);
        assertEquals(ComplianceType.NON_COMPLIANT, RdsRecoveryInstanceClassSufficient.decide(linked, PAIR, NO_GAPS, NO_TWINS).type());
        assertEquals(ComplianceType.NOT_APPLICABLE, RdsRecoveryInstanceClassSufficient.decide(alone, PAIR, NO_GAPS, NO_TWINS).type());
        // a gap in the recovery region outranks both: the copy may be there, unseen
        assertEquals(ComplianceType.INSUFFICIENT_DATA,
                RdsRecoveryInstanceClassSufficient.decide(alone, PAIR, gaps(denied(RECOVERY, "rds")), NO_TWINS).type());
    }

    @Test
    void instanceClassesCompareBySizeThenFamily() {
        assertTrue(RdsRecoveryInstanceClassSufficient.classSmaller("db.r6g.2xlarge", "db.r6g.large"));
        assertTrue(RdsRecoveryInstanceClassSufficient.classSmaller("db.r6g.xlarge", "db.m6g.xlarge"));
        assertTrue(RdsRecoveryInstanceClassSufficient.classSmaller("db.m6g.large", "db.t4g.large"));
        assertFalse(RdsRecoveryInstanceClassSufficient.classSmaller("db.r5.2xlarge", "db.r6g.2xlarge"));
        assertFalse(RdsRecoveryInstanceClassSufficient.classSmaller("db.m6g.large", "db.m6g.xlarge"));
        assertFalse(RdsRecoveryInstanceClassSufficient.classSmaller("db.r6g.2xlarge", "db.serverless"));   // not comparable
        assertEquals(-1, RdsRecoveryInstanceClassSufficient.classSize("db.serverless"));
    }

    @Test
    void uncomparableClassesAreInsufficientDataNotAPass() {
        Resource db = instance(PRIMARY, "dbInstanceClass", "db.r6g.2xlarge");
        Resource c = instance(RECOVERY, "dbInstanceClass", "db.serverless");
        Verdict v = RdsRecoveryInstanceClassSufficient.decide(db, PAIR, NO_GAPS, twins(db, c));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().startsWith("RDS instance orders: cannot compare"), v.annotation());
    }
}
