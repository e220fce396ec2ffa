package io.failready.rules.security;

import io.failready.facts.Resource;
import io.failready.rules.api.Verdict;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.SecurityFacts.*;
import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.*;

/** The order in which KMS_KEY_POLICY_EQUIVALENT checks its scenarios, and which key it compares with. */
class KmsKeyPolicyEquivalentTest {
    @Test
    void policyComparisonNeedsATwinAndNamesItWhenAPolicyIsUnreadable() {
        String twin = "arn:aws:kms:eu-west-1:111111111111:key/2222bbbb";
        Resource k = key(KEY, PRIMARY, Map.of("keyId", "1111aaaa", "aliases", List.of("alias/app"), "policy", "{not json"));
        assertEquals(ComplianceType.NOT_APPLICABLE, KmsKeyPolicyEquivalent.decide(k, PAIR, NO_GAPS, index(k, table("t", KEY))).type());
        Resource t = key(twin, RECOVERY, Map.of("aliases", List.of("alias/app"), "policy", "{}"));
        Verdict v = KmsKeyPolicyEquivalent.decide(k, PAIR, NO_GAPS, index(k, t, table("t", KEY)));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals(twin, v.counterpart().getResourceId());
        assertEquals(ComplianceType.INSUFFICIENT_DATA,
                KmsKeyPolicyEquivalent.decide(k, PAIR, gaps(denied(PRIMARY, "kms")), index(k, t, table("t", KEY))).type());
    }

    @Test
    void policiesAreComparedWithEveryKeyTheCopiesUseAndTheFirstDifferenceByArnDecides() {
        String same = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111111111111:root\"}, \"Action\": \"kms:*\", \"Resource\": \"*\"}]}";
        String other = "{\"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"arn:aws:iam::111111111111:root\"}, \"Action\": \"kms:Decrypt\", \"Resource\": \"*\"}]}";
        String second = "arn:aws:kms:eu-west-1:111111111111:key/3333cccc";
        Resource k = key(KEY, PRIMARY, Map.of("keyManager", "CUSTOMER", "keyId", "1111aaaa", "policy", same));
        Resource a = key(EU_KEY, RECOVERY, Map.of("keyState", "Enabled", "keyId", "2222bbbb", "policy", same));
        Resource b = key(second, RECOVERY, Map.of("keyState", "Enabled", "keyId", "3333cccc", "policy", other));
        Resource b2 = key(second, RECOVERY, Map.of("keyState", "Enabled", "keyId", "3333cccc", "policy", same));
        Verdict differs = KmsKeyPolicyEquivalent.decide(k, PAIR, NO_GAPS,
                index(k, a, b, replicatedTable("x", KEY, second), replicatedTable("y", KEY, EU_KEY)));
        assertEquals(ComplianceType.NON_COMPLIANT, differs.type());
        assertEquals(second, differs.counterpart().getResourceId());
        Verdict equal = KmsKeyPolicyEquivalent.decide(k, PAIR, NO_GAPS,
                index(k, a, b2, replicatedTable("x", KEY, second), replicatedTable("y", KEY, EU_KEY)));
        assertEquals(ComplianceType.COMPLIANT, equal.type());
        assertNull(equal.counterpart());  // neither is the key's replica or alias twin
        assertEquals("KMS key 1111aaaa has a key policy equivalent to those of the 2 keys its recovery copies use in eu-west-1.", equal.annotation());
    }
}
