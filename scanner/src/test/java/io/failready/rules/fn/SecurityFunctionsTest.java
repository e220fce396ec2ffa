package io.failready.rules.fn;

import io.failready.facts.CollectionGap;
import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.SecurityCopyKey;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.SecurityKeyReference;
import io.failready.rules.api.SecurityRoleInUse;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order in which the security decision functions check their scenarios, where one subject
 * fits several (an AWS managed key in a region KMS could not be read, a service-linked role whose
 * policies were not collected), and the choices the rules' former outcome siblings made implicitly.
 */
class SecurityFunctionsTest {
    private static final String A = "111111111111";
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final RegionPair PAIR = new RegionPair("w", US, EU);
    private static final String KEY = "arn:aws:kms:us-east-1:111111111111:key/1111aaaa";
    private static final GapIndex NO_GAPS = gaps();

    private static Resource res(String type, String id, String name, String region, boolean inScope, Map<String, Object> cfg) {
        Resource r = new Resource(type, id, name, A, region, Map.of(), cfg);
        r.setInScope(inScope);
        return r;
    }

    private static Resource key(String id, String region, Map<String, Object> cfg) {
        return res(SecurityFunctions.KMS_KEY, id, id.substring(id.lastIndexOf('/') + 1), region, false, cfg);
    }

    private static Resource table(String name, String keyRef) {
        return res("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/" + name, name, US, true,
                Map.of("kmsMasterKeyArn", keyRef));
    }

    private static GapIndex gaps(CollectionGap... g) { return new GapIndex(List.of(g), Set.of(), Set.of()); }

    private static CollectionGap denied(String region, String service) {
        return CollectionGap.serviceWide(A, region, service, "List", "AccessDenied", "denied");
    }

    private static SecurityIndex index(Resource... rs) { return new SecurityIndex(List.of(rs)); }

    // ---------------------------------------------------------------- KMS_KEY_AVAILABLE_IN_RECOVERY_REGION

    @Test
    void awsManagedKeyIsNotApplicableEvenWhereKmsCouldNotBeRead() {
        Resource k = key(KEY, US, Map.of("keyManager", "AWS", "keyId", "1111aaaa"));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, gaps(denied(EU, "kms")), index(k, table("t", KEY)));
        assertEquals(io.failready.model.ComplianceType.NOT_APPLICABLE, v.type());
        assertEquals("KMS key 1111aaaa is AWS managed; the service provides its own key in eu-west-1.", v.annotation());
    }

    @Test
    void aGapInTheRecoveryRegionHidesAMissingTwin() {
        Resource k = key(KEY, US, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa"));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, gaps(denied(EU, "kms")), index(k, table("t", KEY)));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("KMS key 1111aaaa: cannot tell whether it has a counterpart in eu-west-1 (AccessDenied on kms:List in 111111111111/eu-west-1).",
                v.annotation());
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(k, table("t", KEY))).type());
    }

    @Test
    void aReplicaBeatsAnAliasMatchEvenWhenTheReplicaIsNotEnabled() {
        String replica = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";
        String aliased = "arn:aws:kms:eu-west-1:111111111111:key/0000cccc";
        Resource k = key(KEY, US, Map.of("keyId", "1111aaaa", "aliases", List.of("alias/app"),
                "replicaLinks", List.of(Map.of("region", EU, "resourceId", replica))));
        Resource r = key(replica, EU, Map.of("keyState", "PendingDeletion"));
        Resource a = key(aliased, EU, Map.of("keyState", "Enabled", "aliases", List.of("alias/app")));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(k, a, r, table("t", KEY)));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, v.type());
        assertEquals(replica, v.counterpart().getResourceId());
        assertEquals("KMS key alias/app (1111aaaa) protecting t has its counterpart in eu-west-1 in state PendingDeletion, not Enabled.",
                v.annotation());
    }

    @Test
    void aTwinFoundThroughSeveralAliasesIsNamedByTheLastOfThem() {
        // the former candidate facts reached bestCounterpart last handle first; the index keeps that
        String twin = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";
        Resource k = key(KEY, US, Map.of("keyId", "1111aaaa", "aliases", List.of("alias/b", "alias/a", "alias/c-use1")));
        Resource t = key(twin, EU, Map.of("keyState", "Enabled", "aliases", List.of("alias/a", "alias/c-euw1", "alias/b")));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(t, k, table("ledger", KEY), table("audit", "alias/a")));
        assertEquals(io.failready.model.ComplianceType.COMPLIANT, v.type());
        assertEquals(twin, v.counterpart().getResourceId());
        assertEquals("KMS key alias/b (1111aaaa) protecting audit and 1 more has an Enabled counterpart in eu-west-1 (alias alias/c-euw1).",
                v.annotation());
    }

    @Test
    void anUnresolvedReferenceIsReportedOnceByTheStoreWithTheLowestId() {
        String ghost = "arn:aws:kms:us-east-1:111111111111:key/9999ffff";
        Resource outOfScope = res("AWS::S3::Bucket", "arn:aws:s3:::a-bucket", "a-bucket", US, false,
                Map.of("encryption", Map.of("kmsMasterKeyId", ghost)));
        SecurityIndex ix = index(table("zeta", ghost), table("alpha", ghost), outOfScope, table("managed", "alias/aws/dynamodb"));
        List<SecurityKeyReference> refs = new ArrayList<>(ix.unresolvedKeyRefs(US));
        assertEquals(1, refs.size());
        assertEquals("alpha", refs.get(0).getUser().getResourceName());
        assertTrue(ix.unresolvedKeyRefs(EU).isEmpty());
        assertEquals("KMS key " + ghost + " used by alpha is not in the inventory of us-east-1 (not found in the collected keys);"
                + " its counterpart in eu-west-1 cannot be checked.", SecurityFunctions.keyNotInInventory(refs.get(0), PAIR, NO_GAPS));
    }

    @Test
    void aKeyNamedOnlyByOutOfScopeStoresProtectsNothing() {
        Resource k = key(KEY, US, Map.of());
        Resource bucket = res("AWS::S3::Bucket", "arn:aws:s3:::b", "b", US, false, Map.of("encryption", Map.of("kmsMasterKeyId", KEY)));
        assertFalse(index(k, bucket).protectsData(KEY));
        assertTrue(index(k, table("t", "1111aaaa")).protectsData(KEY));   // a bare key id resolves in the store's account and region
    }

    // ---------------------------------------------------------------- KMS_KEY_POLICY_EQUIVALENT

    @Test
    void policyComparisonNeedsATwinAndNamesItWhenAPolicyIsUnreadable() {
        String twin = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";
        Resource k = key(KEY, US, Map.of("keyId", "1111aaaa", "aliases", List.of("alias/app"), "policy", "{not json"));
        assertEquals(io.failready.model.ComplianceType.NOT_APPLICABLE, SecurityFunctions.kmsKeyPolicyEquivalent(k, PAIR, NO_GAPS, index(k, table("t", KEY))).type());
        Resource t = key(twin, EU, Map.of("aliases", List.of("alias/app"), "policy", "{}"));
        Verdict v = SecurityFunctions.kmsKeyPolicyEquivalent(k, PAIR, NO_GAPS, index(k, t, table("t", KEY)));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals(twin, v.counterpart().getResourceId());
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA,
                SecurityFunctions.kmsKeyPolicyEquivalent(k, PAIR, gaps(denied(US, "kms")), index(k, t, table("t", KEY))).type());
    }

    // ---------------------------------------------------------------- SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION

    private static Resource secret(Map<String, Object> cfg) {
        return res("AWS::SecretsManager::Secret", "arn:aws:secretsmanager:us-east-1:111111111111:secret:db-AbCd", "db", US, true, cfg);
    }

    private static Counterparts twinOf(Resource s) {
        Resource t = res(s.getResourceType(), "arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-EfGh", "db", EU, true, Map.of());
        return new Counterparts(List.of(new Counterpart(s.getResourceType(), s.getResourceId(), EU, t, "same-name")));
    }

    @Test
    void secretGapsComeBeforeAnInSyncReplica() {
        Resource s = secret(Map.of("replicaLinks", List.of(Map.of("region", EU, "status", "InSync"))));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, SecurityFunctions.secretAvailable(s, PAIR, gaps(denied(EU, "secretsmanager")), twinOf(s)).type());
        Verdict v = SecurityFunctions.secretAvailable(s, PAIR, NO_GAPS, new Counterparts(List.of()));
        assertEquals(io.failready.model.ComplianceType.COMPLIANT, v.type());
        assertNull(v.counterpart());   // an InSync replica passes even when the matcher found no twin to name
        assertEquals("Secret db has an InSync replica in eu-west-1.", v.annotation());
    }

    @Test
    void aReplicaWithoutStatusIsNeverAPassAndAFailingReplicaNamesIt() {
        // ListSecrets carries no replication status: a linked replica whose status was not read proves nothing
        Resource unreported = secret(Map.of("replicaLinks", List.of(Map.of("region", EU))));
        Verdict unknown = SecurityFunctions.secretAvailable(unreported, PAIR, NO_GAPS, twinOf(unreported));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, unknown.type());
        assertEquals("Secret db has a replica in eu-west-1 but its replication status was not reported (DescribeSecret was not read).",
                unknown.annotation());
        Verdict missing = SecurityFunctions.secretAvailable(secret(Map.of()), PAIR, NO_GAPS, new Counterparts(List.of()));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, missing.type());
        assertEquals("Secret db has no replica in eu-west-1 and no secret of the matching name there.", missing.annotation());
        Resource failed = secret(Map.of("replicaLinks", List.of(Map.of("region", EU, "status", "Failed"))));
        Verdict v = SecurityFunctions.secretAvailable(failed, PAIR, NO_GAPS, twinOf(failed));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("arn:aws:secretsmanager:eu-west-1:111111111111:secret:db-EfGh", v.counterpart().getResourceId());
    }

    // ---------------------------------------------------------------- IAM_POLICIES_ALLOW_RECOVERY_REGION

    private static Resource role(String path, Map<String, Object> cfg) {
        return res("AWS::IAM::Role", "arn:aws:iam::111111111111:role/" + path, path.substring(path.lastIndexOf('/') + 1), Resource.GLOBAL, true, cfg);
    }

    @Test
    void aServiceLinkedRoleIsNotApplicableBeforeGapsOrMissingDocuments() {
        Resource r = role("aws-service-role/AWSServiceRoleForX", Map.of("policies", List.of(Map.of("name", "p"))));
        assertEquals(io.failready.model.ComplianceType.NOT_APPLICABLE,
                SecurityFunctions.iamPoliciesAllowRecovery(r, PAIR, gaps(denied(Resource.GLOBAL, "iam")), index(r)).type());
    }

    @Test
    void aMissingPolicyDocumentIsInsufficientDataEvenIfAnotherPolicyPins() {
        Map<String, Object> pin = Map.of("name", "pin", "document", Map.of("Statement", Map.of("Effect", "Allow", "Action", "s3:*",
                "Resource", "*", "Condition", Map.of("StringEquals", Map.of("aws:RequestedRegion", US)))));
        Resource r = role("app", Map.of("policies", List.of(pin, Map.of("name", "gone"))));
        Verdict v = SecurityFunctions.iamPoliciesAllowRecovery(r, PAIR, NO_GAPS, index(r));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("IAM role app: cannot tell whether its policies allow eu-west-1 (the document of policy gone was not collected).", v.annotation());
    }

    @Test
    void rolesInUseNameTheirUsersAndMissingRolesTheFirstUser() {
        Resource r = role("app", Map.of("policies", List.of()));
        String ghost = "arn:aws:iam::111111111111:role/ghost";
        Resource f1 = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:b", "b-fn", US, true,
                Map.of("role", r.getResourceId()));
        Resource f2 = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:z", "z-fn", US, true, Map.of("role", ghost));
        Resource f3 = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:c", "c-fn", US, true, Map.of("role", ghost));
        Resource idle = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:a", "a-fn", US, false, Map.of("role", ghost));
        SecurityIndex ix = index(f1, f2, r, f3, idle);
        assertEquals("IAM role app (used by b-fn and 1 more) has no policy that pins it to us-east-1; it can act in eu-west-1.",
                SecurityFunctions.iamPoliciesAllowRecovery(r, PAIR, NO_GAPS, ix).annotation());
        List<SecurityRoleInUse> missing = ix.rolesNotInInventory();
        assertEquals(1, missing.size());
        assertEquals(ghost, missing.get(0).getRoleArn());
        assertEquals("c-fn", missing.get(0).getUsedBy());
        Resource unused = res("AWS::IAM::Role", "arn:aws:iam::111111111111:role/idle", "idle", Resource.GLOBAL, false, Map.of());
        assertFalse(index(unused, idle).roleInUse(unused.getResourceId()));
    }

    // ---------------------------------------------------------------- keys the recovery copies use

    private static final String EU_KEY = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";

    private static Resource replicatedTable(String name, String keyRef, String replicaKeyRef) {
        return res("AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/" + name, name, US, true,
                Map.of("kmsMasterKeyArn", keyRef, "replicas", List.of(Map.of("regionName", EU, "status", "ACTIVE", "kmsMasterKeyId", replicaKeyRef))));
    }

    @Test
    void copyKeyRefsAreNormalisedInTheCopysRegionAndAccount() {
        Resource secret = res("AWS::SecretsManager::Secret", "arn:aws:secretsmanager:us-east-1:111111111111:secret:s-Ab", "s", US, true,
                Map.of("kmsKeyId", KEY, "replicationStatus", List.of(Map.of("region", EU, "kmsKeyId", "alias/s-dr"),
                        Map.of("region", "eu-central-1", "kmsKeyId", "alias/aws/secretsmanager"), Map.of("region", "ap-south-1"))));
        assertEquals(List.of(new SecurityCopyKey(secret, "replica of secret s in eu-west-1", EU, "arn:aws:kms:eu-west-1:111111111111:alias/s-dr"),
                new SecurityCopyKey(secret, "replica of secret s in eu-central-1", "eu-central-1", "alias/aws/secretsmanager")),
                SecurityFunctions.copyKeyRefs(secret, id -> null));
        Resource bucket = res("AWS::S3::Bucket", "arn:aws:s3:::b", "b", US, true, Map.of("encryption", Map.of("kmsMasterKeyId", KEY),
                "replication", Map.of("rules", List.of(
                        Map.of("status", "Disabled", "destinationBucketArn", "arn:aws:s3:::off", "destinationRegion", EU, "replicaKmsKeyId", "k0"),
                        Map.of("status", "Enabled", "destinationBucketArn", "arn:aws:s3:::b-dr", "replicaKmsKeyId", EU_KEY),
                        Map.of("status", "Enabled", "destinationBucketArn", "arn:aws:s3:::b-x", "destinationRegion", EU,
                                "destinationAccount", "222222222222", "replicaKmsKeyId", "3333cccc")))));
        assertEquals(List.of(new SecurityCopyKey(bucket, "replica bucket b-dr of b", EU, EU_KEY),
                new SecurityCopyKey(bucket, "replica bucket b-x of b", EU, "arn:aws:kms:eu-west-1:222222222222:key/3333cccc")),
                SecurityFunctions.copyKeyRefs(bucket, id -> null));
    }

    @Test
    void rdsCopiesAreFollowedThroughReplicaLinksButNotBackupReplications() {
        String replicaArn = "arn:aws:rds:eu-west-1:111111111111:db:db-dr";
        Resource replica = res("AWS::RDS::DBInstance", replicaArn, "db-dr", EU, false, Map.of("kmsKeyId", "2222bbbb"));
        Resource db = res("AWS::RDS::DBInstance", "arn:aws:rds:us-east-1:111111111111:db:db", "db", US, true, Map.of("kmsKeyId", KEY,
                "replicaLinks", List.of(Map.of("region", EU, "resourceId", "arn:aws:rds:eu-west-1:111111111111:auto-backup:ab-1",
                                "kind", "rds-automated-backup-replication"),
                        Map.of("region", EU, "resourceId", replicaArn, "kind", "rds-read-replica"),
                        Map.of("region", EU, "resourceId", "arn:aws:rds:eu-west-1:111111111111:db:not-collected", "kind", "rds-read-replica"))));
        Map<String, Resource> rds = Map.of(replicaArn, replica, "arn:aws:rds:eu-west-1:111111111111:auto-backup:ab-1", replica);
        assertEquals(List.of(new SecurityCopyKey(db, "read replica db-dr of db", EU, EU_KEY)), SecurityFunctions.copyKeyRefs(db, rds::get));
    }

    @Test
    void theCopysKeyIsJudgedBeforeThePrimaryKeyIsFoundAwsManaged() {
        Resource k = key(KEY, US, Map.of("keyManager", "AWS", "keyId", "1111aaaa"));
        Resource used = key(EU_KEY, EU, Map.of("keyManager", "CUSTOMER", "keyState", "Disabled", "keyId", "2222bbbb"));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(k, used, replicatedTable("t", KEY, EU_KEY)));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("KMS key 1111aaaa protecting t: replica of table t in eu-west-1 uses KMS key 2222bbbb in state Disabled, not Enabled.", v.annotation());
        assertEquals(EU_KEY, v.counterpart().getResourceId());
    }

    @Test
    void aBadCopyKeyOutranksAnUnreadableOneAndTheGapOnlyHidesUnresolvedKeys() {
        Resource k = key(KEY, US, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa"));
        Resource gone = key(EU_KEY, EU, Map.of("keyState", "PendingReplicaDeletion", "keyId", "2222bbbb"));
        String unknown = "arn:aws:kms:eu-west-1:111111111111:key/4444dddd";
        GapIndex euDenied = gaps(denied(EU, "kms"));
        Verdict both = SecurityFunctions.kmsKeyAvailable(k, PAIR, euDenied,
                index(k, gone, replicatedTable("a", KEY, unknown), replicatedTable("b", KEY, EU_KEY)));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, both.type());
        assertTrue(both.annotation().contains("replica of table b in eu-west-1 uses KMS key 2222bbbb in state PendingReplicaDeletion"), both.annotation());
        Verdict onlyUnknown = SecurityFunctions.kmsKeyAvailable(k, PAIR, euDenied, index(k, replicatedTable("a", KEY, unknown)));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, onlyUnknown.type());
        assertEquals("KMS key 1111aaaa protecting a: replica of table a in eu-west-1 uses KMS key key/4444dddd, which cannot be looked up"
                + " (AccessDenied on kms:List in 111111111111/eu-west-1).", onlyUnknown.annotation());
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(k, replicatedTable("a", KEY, unknown))).type());
    }

    @Test
    void aCopyKeyOutsideTheRecoveryRegionOrWithoutAStateIsNotAPass() {
        Resource k = key(KEY, US, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa"));
        String elsewhere = "arn:aws:kms:eu-central-1:111111111111:key/5555eeee";
        Resource far = key(elsewhere, "eu-central-1", Map.of("keyState", "Enabled", "keyId", "5555eeee"));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(k, far, replicatedTable("t", KEY, elsewhere)));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("uses KMS key 5555eeee in eu-central-1, not in eu-west-1"), v.annotation());
        Resource stateless = key(EU_KEY, EU, Map.of("keyId", "2222bbbb"));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA,
                SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(k, stateless, replicatedTable("t", KEY, EU_KEY))).type());
    }

    @Test
    void aStoreWithoutACopyDoesNotBringBackAliasPairingWhenAnotherStoresCopyNamesItsKey() {
        Resource k = key(KEY, US, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa", "aliases", List.of("alias/app")));
        Resource used = key(EU_KEY, EU, Map.of("keyState", "Enabled", "keyId", "2222bbbb", "aliases", List.of("alias/app-dr")));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS, index(k, used, table("plain", KEY), replicatedTable("global", KEY, EU_KEY)));
        assertEquals(io.failready.model.ComplianceType.COMPLIANT, v.type());
        assertEquals("KMS key alias/app (1111aaaa) protecting global and 1 more: its recovery copies in eu-west-1 use KMS key alias/app-dr (2222bbbb), Enabled.",
                v.annotation());
    }

    @Test
    void policiesAreComparedWithEveryKeyTheCopiesUseAndTheFirstDifferenceByArnDecides() {
        String same = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111111111111:root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"}]}";
        String other = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111111111111:root\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}]}";
        String second = "arn:aws:kms:eu-west-1:111111111111:key/3333cccc";
        Resource k = key(KEY, US, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa", "policy", same));
        Resource a = key(EU_KEY, EU, Map.of("keyState", "Enabled", "keyId", "2222bbbb", "policy", same));
        Resource b = key(second, EU, Map.of("keyState", "Enabled", "keyId", "3333cccc", "policy", other));
        Resource b2 = key(second, EU, Map.of("keyState", "Enabled", "keyId", "3333cccc", "policy", same));
        Verdict differs = SecurityFunctions.kmsKeyPolicyEquivalent(k, PAIR, NO_GAPS,
                index(k, a, b, replicatedTable("x", KEY, second), replicatedTable("y", KEY, EU_KEY)));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, differs.type());
        assertEquals(second, differs.counterpart().getResourceId());
        Verdict equal = SecurityFunctions.kmsKeyPolicyEquivalent(k, PAIR, NO_GAPS,
                index(k, a, b2, replicatedTable("x", KEY, second), replicatedTable("y", KEY, EU_KEY)));
        assertEquals(io.failready.model.ComplianceType.COMPLIANT, equal.type());
        assertNull(equal.counterpart());  // neither is the key's replica or alias twin
        assertEquals("KMS key 1111aaaa has a key policy equivalent to those of the 2 keys its recovery copies use in eu-west-1.", equal.annotation());
    }

    @Test
    void withSeveralCopyKeysTheTwinAmongThemIsTheCounterpart() {
        String crossAccount = "arn:aws:kms:eu-west-1:222222222222:key/mrk-1111aaaa";
        Resource k = key(KEY, US, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa",
                "replicaLinks", List.of(Map.of("region", EU, "resourceId", EU_KEY))));
        Resource twin = key(EU_KEY, EU, Map.of("keyState", "Enabled", "keyId", "2222bbbb"));
        Resource other = new Resource(SecurityFunctions.KMS_KEY, crossAccount, "mrk-1111aaaa", "222222222222", EU, Map.of(),
                Map.of("keyState", "Enabled", "keyId", "mrk-1111aaaa"));
        Verdict v = SecurityFunctions.kmsKeyAvailable(k, PAIR, NO_GAPS,
                index(k, twin, other, replicatedTable("x", KEY, EU_KEY), replicatedTable("y", KEY, crossAccount)));
        assertEquals(io.failready.model.ComplianceType.COMPLIANT, v.type());
        assertEquals("KMS key 1111aaaa protecting x and 1 more: its recovery copies in eu-west-1 use 2 Enabled keys.", v.annotation());
        assertEquals(EU_KEY, v.counterpart().getResourceId());
    }
}
