package io.failready.rules.data;

import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ElastiCacheGlobalDatastoreInRecoveryRegionTest {
    private static final String RG = "AWS::ElastiCache::ReplicationGroup";
    private static final Counterparts NONE = new Counterparts(List.of());

    private static Resource member(String status) {
        return resource(RG, "arn:aws:elasticache:us-east-1:111111111111:replicationgroup:sessions", "sessions", PRIMARY,
                "globalReplicationGroupId", "ldgnf-sessions", "globalReplicationGroupMemberRole", "PRIMARY",
                "globalDatastore", Map.of("id", "ldgnf-sessions", "members", List.of(
                        Map.of("replicationGroupId", "sessions", "region", PRIMARY, "role", "PRIMARY", "status", "associated"),
                        Map.of("replicationGroupId", "sessions-dr", "region", RECOVERY, "role", "SECONDARY", "status", status))));
    }

    @Test
    void associatedSecondaryIsCompliantOtherStatesAreNot() {
        assertEquals(ComplianceType.COMPLIANT, ElastiCacheGlobalDatastoreInRecoveryRegion.decide(member("associated"), PAIR, false, NO_GAPS, NONE).type());
        assertEquals(ComplianceType.NON_COMPLIANT, ElastiCacheGlobalDatastoreInRecoveryRegion.decide(member("disassociating"), PAIR, false, NO_GAPS, NONE).type());
    }

    @Test
    void unreadableGroupIsUnknownEvenWhenCachesAreRebuilt() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA,
                ElastiCacheGlobalDatastoreInRecoveryRegion.decide(member("associated"), PAIR, true, gaps(denied(PRIMARY, "elasticache")), NONE).type());
    }

    @Test
    void rebuiltCachesAreNotApplicable() {
        Resource plain = resource(RG, "arn:aws:elasticache:us-east-1:111111111111:replicationgroup:limits", "limits", PRIMARY);
        assertEquals(ComplianceType.NOT_APPLICABLE, ElastiCacheGlobalDatastoreInRecoveryRegion.decide(plain, PAIR, true, NO_GAPS, NONE).type());
        assertEquals(ComplianceType.NON_COMPLIANT, ElastiCacheGlobalDatastoreInRecoveryRegion.decide(plain, PAIR, false, NO_GAPS, NONE).type());
    }
}
