package io.failready.rules.security;

import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
import io.failready.rules.api.Verdict;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.SecurityFacts.*;
import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.*;

/** The order in which SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION checks its scenarios where one secret fits several. */
class SecretsmanagerSecretAvailableInRecoveryRegionTest {
    private static Resource secret(Map<String, Object> cfg) {
        return res("AWS::SecretsManager::Secret", "arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCd", "db", PRIMARY, true, cfg);
    }

    private static Counterparts twinOf(Resource s) {
        Resource t = res(s.getResourceType(), "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-EfGh", "db", RECOVERY, true, Map.of());
        return new Counterparts(List.of(new Counterpart(s.getResourceType(), s.getResourceId(), RECOVERY, t, "same-name")));
    }

    @Test
    void secretGapsComeBeforeAnInSyncReplica() {
        Resource s = secret(Map.of("replicaLinks", List.of(Map.of("region", RECOVERY, "status", "InSync"))));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, SecretsmanagerSecretAvailableInRecoveryRegion.decide(s, PAIR, gaps(denied(RECOVERY, "secretsmanager")), twinOf(s)).type());
        Verdict v = SecretsmanagerSecretAvailableInRecoveryRegion.decide(s, PAIR, NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertNull(v.counterpart());   // an InSync replica passes even when the matcher found no twin to name
        assertEquals("Secrets Manager secret db has an InSync replica in eu-west-1.", v.annotation());
    }

    @Test
    void aReplicaWithoutStatusIsNeverAPassAndAFailingReplicaNamesIt() {
        // ListSecrets carries no replication status: a linked replica whose status was not read proves nothing
        Resource unreported = secret(Map.of("replicaLinks", List.of(Map.of("region", RECOVERY))));
        Verdict unknown = SecretsmanagerSecretAvailableInRecoveryRegion.decide(unreported, PAIR, NO_GAPS, twinOf(unreported));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, unknown.type());
        assertEquals("Secrets Manager secret db has a replica in eu-west-1 but its replication status was not reported (DescribeSecret was not read).",
                unknown.annotation());
        Verdict missing = SecretsmanagerSecretAvailableInRecoveryRegion.decide(secret(Map.of()), PAIR, NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.NON_COMPLIANT, missing.type());
        assertEquals("Secrets Manager secret db has no replica in eu-west-1 and no secret of the matching name there.", missing.annotation());
        Resource failed = secret(Map.of("replicaLinks", List.of(Map.of("region", RECOVERY, "status", "Failed"))));
        Verdict v = SecretsmanagerSecretAvailableInRecoveryRegion.decide(failed, PAIR, NO_GAPS, twinOf(failed));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-EfGh", v.counterpart().getResourceId());
    }
}
