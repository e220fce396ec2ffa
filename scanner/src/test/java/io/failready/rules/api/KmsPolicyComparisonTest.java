package io.failready.rules.api;

import io.failready.facts.Resource;
import io.failready.rules.api.KmsPolicyComparison.Comparison;
import io.failready.rules.api.KmsPolicyComparison.Outcome;
import io.failready.rules.api.KmsPolicyComparison.Side;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KmsPolicyComparisonTest {
    static final String KEY_A = "1234abcd-12ab-34cd-56ef-1234567890ab";
    static final String KEY_B = "0987dcba-09fe-87dc-65ba-ab0987654321";
    static final Side USE1 = new Side("us-east-1", "111111111111", "us-east-1", KEY_A);
    static final Side EUW1 = new Side("eu-west-1", "111111111111", "eu-west-1", KEY_B);
    static final Side EUW1_OTHER_ACCOUNT = new Side("eu-west-1", "222222222222", "eu-west-1", KEY_B);

    static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Id\":\"key-policy\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    static final String ROOT_A = """
        {"Sid":"EnableRoot","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"*"}""";
    static final String USE_A = """
        {"Sid":"AllowUse","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:role/payments-app"]},
         "Action":["kms:Encrypt","kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*",
         "Condition":{"StringEquals":{"kms:ViaService":"secretsmanager.us-east-1.amazonaws.com"}}}""";

    static Comparison cmp(String a, String b) { return KmsPolicyComparison.compare(a, b, USE1, EUW1); }

    @Test
    void equivalentWhenIdentical() {
        Comparison c = cmp(policy(ROOT_A, USE_A), policy(ROOT_A, USE_A));
        assertEquals(Outcome.EQUIVALENT, c.outcome());
        assertNull(c.detail());
    }

    @Test
    void equivalentIgnoringStatementOrderAndSid() {
        String useNoSid = USE_A.replace("\"Sid\":\"AllowUse\",", "");
        String rootOtherSid = ROOT_A.replace("EnableRoot", "Enable IAM User Permissions");
        assertEquals(Outcome.EQUIVALENT, cmp(policy(ROOT_A, USE_A), policy(useNoSid, rootOtherSid)).outcome());
    }

    @Test
    void equivalentWhenSingleStatementObjectInsteadOfList() {
        String single = "{\"Version\":\"2012-10-17\",\"Statement\":" + ROOT_A + "}";
        assertEquals(Outcome.EQUIVALENT, cmp(single, policy(ROOT_A)).outcome());
    }

    @Test
    void equivalentWhenActionsDifferInCaseOrderAndListForm() {
        String a = policy("""
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":["kms:Decrypt","kms:Encrypt"],"Resource":"*"}""");
        String b = policy("""
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":["KMS:encrypt","kms:decrypt","kms:Decrypt"],"Resource":["*"]}""");
        assertEquals(Outcome.EQUIVALENT, cmp(a, b).outcome());
    }

    @Test
    void equivalentWhenPrincipalIsBareAccountIdOrRootArn() {
        String a = policy("""
            {"Effect":"Allow","Principal":{"AWS":"111111111111"},"Action":"kms:*","Resource":"*"}""");
        assertEquals(Outcome.EQUIVALENT, cmp(a, policy(ROOT_A)).outcome());
    }

    @Test
    void equivalentWhenPrincipalStarStringOrAwsStar() {
        String a = policy("""
            {"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":"111111111111"}}}""");
        String b = policy("""
            {"Effect":"Allow","Principal":{"AWS":["*"]},"Action":"kms:Decrypt","Resource":"*","Condition":{"StringEquals":{"kms:CallerAccount":["111111111111"]}}}""");
        assertEquals(Outcome.EQUIVALENT, cmp(a, b).outcome());
    }

    @Test
    void equivalentWhenRegionsAccountsAndKeyIdsAreTheirOwn() {
        String a = policy("""
            {"Sid":"S","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/app"},"Action":"kms:Decrypt",
             "Resource":"arn:aws:kms:us-east-1:111111111111:key/%s",
             "Condition":{"StringEquals":{"kms:ViaService":["dynamodb.us-east-1.amazonaws.com","s3.us-east-1.amazonaws.com"]}}}""".formatted(KEY_A));
        String b = policy("""
            {"Sid":"S","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::222222222222:role/app"},"Action":"kms:Decrypt",
             "Resource":"arn:aws:kms:eu-west-1:222222222222:key/%s",
             "Condition":{"StringEquals":{"kms:viaservice":["s3.eu-west-1.amazonaws.com","dynamodb.eu-west-1.amazonaws.com"]}}}""".formatted(KEY_B));
        assertEquals(Outcome.EQUIVALENT, KmsPolicyComparison.compare(a, b, USE1, EUW1_OTHER_ACCOUNT).outcome());
    }

    @Test
    void equivalentForMultiRegionKeysSharingTheKeyId() {
        String mrk = "mrk-1234abcd12ab34cd56ef1234567890ab";
        Side a = new Side("us-east-1", "111111111111", "us-east-1", mrk);
        Side b = new Side("eu-west-1", "111111111111", "eu-west-1", mrk);
        String p = policy("""
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:root"},"Action":"kms:*","Resource":"arn:aws:kms:%s:111111111111:key/%s"}""");
        assertEquals(Outcome.EQUIVALENT, KmsPolicyComparison.compare(p.formatted("us-east-1", mrk), p.formatted("eu-west-1", mrk), a, b).outcome());
    }

    @Test
    void differentWhenAnActionIsMissingNamesStatementBySidAndTheAction() {
        String fewer = USE_A.replace("\"kms:Encrypt\",", "");
        Comparison c = cmp(policy(ROOT_A, USE_A), policy(ROOT_A, fewer));
        assertEquals(Outcome.DIFFERENT, c.outcome());
        assertEquals("statement \"AllowUse\" differs in Action: only in us-east-1 kms:encrypt", c.detail());
    }

    @Test
    void differentWhenPrincipalDiffers() {
        String other = USE_A.replace("role/payments-app", "role/payments-admin");
        Comparison c = cmp(policy(ROOT_A, USE_A), policy(ROOT_A, other));
        assertEquals(Outcome.DIFFERENT, c.outcome());
        assertTrue(c.detail().startsWith("statement \"AllowUse\" differs in Principal: "), c.detail());
        assertTrue(c.detail().contains("only in us-east-1 AWS=arn:aws:iam::<ACCOUNT>:role/payments-app"), c.detail());
        assertTrue(c.detail().contains("only in eu-west-1 AWS=arn:aws:iam::<ACCOUNT>:role/payments-admin"), c.detail());
    }

    @Test
    void differentWhenEffectDiffers() {
        Comparison c = cmp(policy(ROOT_A, USE_A), policy(ROOT_A, USE_A.replace("\"Allow\"", "\"Deny\"")));
        assertEquals(Outcome.DIFFERENT, c.outcome());
        assertTrue(c.detail().startsWith("statement \"AllowUse\" differs in Effect"), c.detail());
    }

    @Test
    void differentWhenConditionValueDiffersInAnotherRegion() {
        // a third region is not one of the pair's own names, so it is not normalised away
        String other = USE_A.replace("secretsmanager.us-east-1", "secretsmanager.us-west-2");
        Comparison c = cmp(policy(ROOT_A, USE_A), policy(ROOT_A, other));
        assertEquals(Outcome.DIFFERENT, c.outcome());
        assertTrue(c.detail().contains("differs in Condition"), c.detail());
        assertTrue(c.detail().contains("StringEquals kms:viaservice=secretsmanager.us-west-2.amazonaws.com"), c.detail());
    }

    @Test
    void differentWhenConditionAbsentOnOneSide() {
        String noCond = """
            {"Sid":"AllowUse","Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:role/payments-app"]},
             "Action":["kms:Encrypt","kms:Decrypt","kms:GenerateDataKey*"],"Resource":"*"}""";
        Comparison c = cmp(policy(ROOT_A, USE_A), policy(ROOT_A, noCond));
        assertEquals("statement \"AllowUse\" differs in Condition: present in us-east-1, absent in eu-west-1", c.detail());
    }

    @Test
    void differentWhenStatementMissingOnRecoverySide() {
        Comparison c = cmp(policy(ROOT_A, USE_A), policy(ROOT_A));
        assertEquals(Outcome.DIFFERENT, c.outcome());
        assertEquals("statement \"AllowUse\" has no equivalent in the eu-west-1 key policy", c.detail());
    }

    @Test
    void differentWhenRecoveryHasExtraStatement() {
        String extra = """
            {"Sid":"AllowBreakGlass","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/break-glass"},"Action":"kms:*","Resource":"*"}""";
        Comparison c = cmp(policy(ROOT_A), policy(ROOT_A, extra));
        assertEquals("statement \"AllowBreakGlass\" exists only in the eu-west-1 key policy", c.detail());
    }

    @Test
    void unnamedStatementIsNamedByPosition() {
        String a = policy(ROOT_A, """
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/x"},"Action":"kms:Decrypt","Resource":"*"}""");
        String b = policy(ROOT_A, """
            {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111111111111:role/x"},"Action":"kms:Encrypt","Resource":"*"}""");
        Comparison c = cmp(a, b);
        assertTrue(c.detail().startsWith("statement #2 differs in Action"), c.detail());
    }

    @Test
    void duplicateStatementsCountAsAMultiset() {
        Comparison c = cmp(policy(ROOT_A, ROOT_A), policy(ROOT_A));
        assertEquals(Outcome.DIFFERENT, c.outcome());
    }

    @Test
    void firstDifferenceFollowsPrimaryStatementOrder() {
        String use2 = USE_A.replace("AllowUse", "AllowUse2").replace("payments-app", "payments-batch");
        String useChanged = USE_A.replace("kms:Decrypt", "kms:ReEncrypt*");
        String use2Changed = use2.replace("kms:Decrypt", "kms:ReEncrypt*");
        Comparison c = cmp(policy(ROOT_A, USE_A, use2), policy(use2Changed, ROOT_A, useChanged));
        assertTrue(c.detail().startsWith("statement \"AllowUse\" differs"), c.detail());
    }

    @Test
    void unparseableWhenNotJson() {
        Comparison c = cmp("{not json", policy(ROOT_A));
        assertEquals(Outcome.UNPARSEABLE, c.outcome());
        assertEquals("the us-east-1 key policy is not valid JSON", c.detail());
    }

    @Test
    void unparseableWhenRecoveryPolicyMissing() {
        Comparison c = cmp(policy(ROOT_A), null);
        assertEquals(Outcome.UNPARSEABLE, c.outcome());
        assertEquals("the eu-west-1 key policy was not collected", c.detail());
    }

    @Test
    void unparseableWhenNoStatementOrNoEffectOrBadPrincipal() {
        assertEquals(Outcome.UNPARSEABLE, cmp("{\"Version\":\"2012-10-17\"}", policy(ROOT_A)).outcome());
        assertEquals(Outcome.UNPARSEABLE, cmp("[]", policy(ROOT_A)).outcome());
        assertEquals(Outcome.UNPARSEABLE, cmp(policy("{\"Action\":\"kms:*\",\"Resource\":\"*\"}"), policy(ROOT_A)).outcome());
        assertEquals(Outcome.UNPARSEABLE, cmp(policy("{\"Effect\":\"Allow\",\"Principal\":\"someone\",\"Action\":\"kms:*\"}"), policy(ROOT_A)).outcome());
        assertEquals(Outcome.UNPARSEABLE, cmp(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":{\"x\":1}}"), policy(ROOT_A)).outcome());
    }

    @Test
    void sideOfReadsKeyIdFromConfigurationOrArn() {
        Resource withId = new Resource("AWS::KMS::Key", "arn:aws:kms:us-east-1:111111111111:key/" + KEY_A, KEY_A,
                "111111111111", "us-east-1", null, Map.of("keyId", KEY_A));
        Resource withoutId = new Resource("AWS::KMS::Key", "arn:aws:kms:eu-west-1:111111111111:key/" + KEY_B, null,
                "111111111111", "eu-west-1", null, Map.of());
        assertEquals(KEY_A, Side.of("p", withId).keyId());
        assertEquals(KEY_B, Side.of("r", withoutId).keyId());
    }

    @Test
    void compareResourcesUsesTheirPolicyAttributesAndRegionsAsLabels() {
        String pa = policy(ROOT_A, USE_A);
        String pb = policy(ROOT_A, USE_A.replace("us-east-1.amazonaws", "eu-west-1.amazonaws"));
        Resource a = new Resource("AWS::KMS::Key", "arn:aws:kms:us-east-1:111111111111:key/" + KEY_A, KEY_A,
                "111111111111", "us-east-1", null, Map.of("keyId", KEY_A, "policy", pa));
        Resource b = new Resource("AWS::KMS::Key", "arn:aws:kms:eu-west-1:111111111111:key/" + KEY_B, KEY_B,
                "111111111111", "eu-west-1", null, Map.of("keyId", KEY_B, "policy", pb));
        assertEquals(Outcome.EQUIVALENT, KmsPolicyComparison.compare(a, b).outcome());
        Resource c = new Resource("AWS::KMS::Key", "arn:aws:kms:eu-west-1:111111111111:key/" + KEY_B, KEY_B,
                "111111111111", "eu-west-1", null, Map.of("keyId", KEY_B, "policy", policy(ROOT_A)));
        Comparison cc = KmsPolicyComparison.compare(a, c);
        assertEquals("statement \"AllowUse\" has no equivalent in the eu-west-1 key policy", cc.detail());
    }

    @Test
    void longValueListsAreShortened() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 30; i++) many.append(i == 0 ? "" : ",").append("\"kms:Action").append(i).append("\"");
        String a = policy("{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[" + many + "],\"Resource\":\"*\"}");
        String b = policy("{\"Sid\":\"S\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\"}");
        Comparison c = cmp(a, b);
        assertTrue(c.detail().length() < 220, c.detail());
        assertTrue(c.detail().contains("..."), c.detail());
    }
}
