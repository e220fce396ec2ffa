package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.SecurityKeyReference;
import io.failready.rules.api.KmsKeys;
import io.failready.rules.api.Verdict;
import java.util.ArrayList;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.SecurityFacts.*;
import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.*;

/** The order in which KMS_KEY_AVAILABLE_IN_RECOVERY_REGION checks its scenarios where one key fits several, and which twin or copy key it names. */
class KmsKeyAvailableInRecoveryRegionTest {
    @Test
    void awsManagedKeyIsNotApplicableEvenWhereKmsCouldNotBeRead() {
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "AWS", "keyId", "1111aaaa"));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, gaps(denied(RECOVERY, "kms")), index(k, table("t", KEY)));
        assertEquals(ComplianceType.NOT_APPLICABLE, v.type());
        assertEquals("KMS key 1111aaaa is AWS managed; the service provides its own key in eu-west-1.", v.annotation());
    }

    @Test
    void aGapInTheRecoveryRegionHidesAMissingTwin() {
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa"));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, gaps(denied(RECOVERY, "kms")), index(k, table("t", KEY)));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("KMS key 1111aaaa: cannot tell whether it has a counterpart in eu-west-1 (AccessDenied on kms:List in 111111111111/eu-west-1).",
                v.annotation());
        assertEquals(ComplianceType.NON_COMPLIANT, KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(k, table("t", KEY))).type());
    }

    @Test
    void aReplicaBeatsAnAliasMatchEvenWhenTheReplicaIsNotEnabled() {
        String replica = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";
        String aliased = "arn:aws:kms:eu-west-1:111111111111:key/0000cccc";
        Resource k = key(KEY, PRIMARY, Map.of("keyId", "1111aaaa", "aliases", List.of("alias/app"),
                "replicaLinks", List.of(Map.of("region", RECOVERY, "resourceId", replica))));
        Resource r = key(replica, RECOVERY, Map.of("keyState", "PendingDeletion"));
        Resource a = key(aliased, RECOVERY, Map.of("keyState", "Enabled", "aliases", List.of("alias/app")));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(k, a, r, table("t", KEY)));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals(replica, v.counterpart().getResourceId());
        assertEquals("KMS key alias/app (1111aaaa) protecting t has its counterpart in eu-west-1 in state PendingDeletion, not Enabled.",
                v.annotation());
    }

    @Test
    void aTwinFoundThroughSeveralAliasesIsNamedByTheLastOfThem() {
        // the former candidate facts reached bestCounterpart last handle first; the index keeps that
        String twin = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";
        Resource k = key(KEY, PRIMARY, Map.of("keyId", "1111aaaa", "aliases", List.of("alias/b", "alias/a", "alias/c-use1")));
        Resource t = key(twin, RECOVERY, Map.of("keyState", "Enabled", "aliases", List.of("alias/a", "alias/c-euw1", "alias/b")));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(t, k, table("ledger", KEY), table("audit", "alias/a")));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertEquals(twin, v.counterpart().getResourceId());
        assertEquals("KMS key alias/b (1111aaaa) protecting audit and 1 more has an Enabled counterpart in eu-west-1 (alias alias/c-euw1).",
                v.annotation());
    }

    @Test
    void anUnresolvedReferenceIsReportedOnceByTheStoreWithTheLowestId() {
        String ghost = "arn:aws:kms:us-east-1:111111111111:key/9999ffff";
        Resource outOfScope = res("AWS::S3::Bucket", "arn:aws:s3:::a-bucket", "a-bucket", PRIMARY, false,
                Map.of("encryption", Map.of("kmsMasterKeyId", ghost)));
        SecurityIndex ix = index(table("zeta", ghost), table("alpha", ghost), outOfScope, table("managed", "alias/aws/dynamodb"));
        List<SecurityKeyReference> refs = new ArrayList<>(ix.unresolvedKeyRefs(PRIMARY));
        assertEquals(1, refs.size());
        assertEquals("alpha", refs.get(0).getUser().getResourceName());
        assertTrue(ix.unresolvedKeyRefs(RECOVERY).isEmpty());
        assertEquals("KMS key " + ghost + " used by alpha is not in the inventory of us-east-1 (not found in the collected keys);"
                + " its counterpart in eu-west-1 cannot be checked.", KmsKeyAvailableInRecoveryRegion.keyNotInInventory(refs.get(0), PAIR, NO_GAPS).annotation());
    }

    @Test
    void theCopysKeyIsJudgedBeforeThePrimaryKeyIsFoundAwsManaged() {
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "AWS", "keyId", "1111aaaa"));
        Resource used = key(EU_KEY, RECOVERY, Map.of("keyManager", "CUSTOMER", "keyState", "Disabled", "keyId", "2222bbbb"));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(k, used, replicatedTable("t", KEY, EU_KEY)));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("KMS key 1111aaaa protecting t: replica of table t in eu-west-1 uses KMS key 2222bbbb in state Disabled, not Enabled.", v.annotation());
        assertEquals(EU_KEY, v.counterpart().getResourceId());
    }

    @Test
    void aBadCopyKeyOutranksAnUnreadableOneAndTheGapOnlyHidesUnresolvedKeys() {
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa"));
        Resource gone = key(EU_KEY, RECOVERY, Map.of("keyState", "PendingReplicaDeletion", "keyId", "2222bbbb"));
        String unknown = "arn:aws:kms:eu-west-1:111111111111:key/4444dddd";
        GapIndex euDenied = gaps(denied(RECOVERY, "kms"));
        Verdict both = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, euDenied,
                index(k, gone, replicatedTable("a", KEY, unknown), replicatedTable("b", KEY, EU_KEY)));
        assertEquals(ComplianceType.NON_COMPLIANT, both.type());
        assertTrue(both.annotation().contains("replica of table b in eu-west-1 uses KMS key 2222bbbb in state PendingReplicaDeletion"), both.annotation());
        Verdict onlyUnknown = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, euDenied, index(k, replicatedTable("a", KEY, unknown)));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, onlyUnknown.type());
        assertEquals("KMS key 1111aaaa protecting a: replica of table a in eu-west-1 uses KMS key key/4444dddd, which cannot be looked up"
                + " (AccessDenied on kms:List in 111111111111/eu-west-1).", onlyUnknown.annotation());
        assertEquals(ComplianceType.NON_COMPLIANT, KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(k, replicatedTable("a", KEY, unknown))).type());
    }

    @Test
    void aCopyKeyOutsideTheRecoveryRegionOrWithoutAStateIsNotAPass() {
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa"));
        String elsewhere = "arn:aws:kms:eu-central-1:111111111111:key/5555eeee";
        Resource far = key(elsewhere, "eu-central-1", Map.of("keyState", "Enabled", "keyId", "5555eeee"));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(k, far, replicatedTable("t", KEY, elsewhere)));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("uses KMS key 5555eeee in eu-central-1, not in eu-west-1"), v.annotation());
        Resource stateless = key(EU_KEY, RECOVERY, Map.of("keyId", "2222bbbb"));
        assertEquals(ComplianceType.INSUFFICIENT_DATA,
                KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(k, stateless, replicatedTable("t", KEY, EU_KEY))).type());
    }

    @Test
    void aStoreWithoutACopyDoesNotBringBackAliasPairingWhenAnotherStoresCopyNamesItsKey() {
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa", "aliases", List.of("alias/app")));
        Resource used = key(EU_KEY, RECOVERY, Map.of("keyState", "Enabled", "keyId", "2222bbbb", "aliases", List.of("alias/app-dr")));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS, index(k, used, table("plain", KEY), replicatedTable("global", KEY, EU_KEY)));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertEquals("KMS key alias/app (1111aaaa) protecting global and 1 more: its recovery copies in eu-west-1 use KMS key alias/app-dr (2222bbbb), Enabled.",
                v.annotation());
    }

    @Test
    void withSeveralCopyKeysTheTwinAmongThemIsTheCounterpart() {
        String crossAccount = "arn:aws:kms:eu-west-1:222222222222:key/mrk-1111aaaa";
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa",
                "replicaLinks", List.of(Map.of("region", RECOVERY, "resourceId", EU_KEY))));
        Resource twin = key(EU_KEY, RECOVERY, Map.of("keyState", "Enabled", "keyId", "2222bbbb"));
        Resource other = new Resource(KmsKeys.KMS_KEY, crossAccount, "mrk-1111aaaa", "222222222222", RECOVERY, Map.of(),
                Map.of("keyState", "Enabled", "keyId", "mrk-1111aaaa"));
        Verdict v = KmsKeyAvailableInRecoveryRegion.decide(k, PAIR, NO_GAPS,
                index(k, twin, other, replicatedTable("x", KEY, EU_KEY), replicatedTable("y", KEY, crossAccount)));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertEquals("KMS key 1111aaaa protecting x and 1 more: its recovery copies in eu-west-1 use 2 Enabled keys.", v.annotation());
        assertEquals(EU_KEY, v.counterpart().getResourceId());
    }
}
