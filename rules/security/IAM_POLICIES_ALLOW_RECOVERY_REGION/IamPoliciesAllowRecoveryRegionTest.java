package io.failready.rules.security;

import io.failready.facts.Resource;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.SecurityRoleInUse;
import io.failready.rules.api.Verdict;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.SecurityFacts.*;
import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.*;

/** The order in which IAM_POLICIES_ALLOW_RECOVERY_REGION checks its scenarios where one role fits several, and who it names as the role's users. */
class IamPoliciesAllowRecoveryRegionTest {
    private static Resource role(String path, Map<String, Object> cfg) {
        return res("AWS::IAM::Role", "arn:aws:iam::111111111111:role/" + path, path.substring(path.lastIndexOf('/') + 1), Resource.GLOBAL, true, cfg);
    }

    @Test
    void aServiceLinkedRoleIsNotApplicableBeforeGapsOrMissingDocuments() {
        Resource r = role("aws-service-role/AWSServiceRoleForX", Map.of("policies", List.of(Map.of("name", "p"))));
        assertEquals(ComplianceType.NOT_APPLICABLE,
                IamPoliciesAllowRecoveryRegion.decide(r, PAIR, gaps(denied(Resource.GLOBAL, "iam")), index(r)).type());
    }

    @Test
    void aMissingPolicyDocumentIsInsufficientDataEvenIfAnotherPolicyPins() {
        Map<String, Object> pin = Map.of("name", "pin", "document", Map.of("Statement", Map.of("Effect", "Allow", "Action", "s3:*",
                "Resource", "*", "Condition", Map.of("StringEquals", Map.of("aws:RequestedRegion", PRIMARY)))));
        Resource r = role("app", Map.of("policies", List.of(pin, Map.of("name", "gone"))));
        Verdict v = IamPoliciesAllowRecoveryRegion.decide(r, PAIR, NO_GAPS, index(r));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("IAM role app: cannot tell whether its policies allow eu-west-1 (the document of policy gone was not collected).", v.annotation());
    }

    @Test
    void rolesInUseNameTheirUsersAndMissingRolesTheFirstUser() {
        Resource r = role("app", Map.of("policies", List.of()));
        String ghost = "arn:aws:iam::111111111111:role/ghost";
        Resource f1 = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:b", "b-fn", PRIMARY, true,
                Map.of("role", r.getResourceId()));
        Resource f2 = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:z", "z-fn", PRIMARY, true, Map.of("role", ghost));
        Resource f3 = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:c", "c-fn", PRIMARY, true, Map.of("role", ghost));
        Resource idle = res("AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:a", "a-fn", PRIMARY, false, Map.of("role", ghost));
        SecurityIndex ix = index(f1, f2, r, f3, idle);
        assertEquals("IAM role app (used by b-fn and 1 more) has no policy that pins it to us-east-1; it can act in eu-west-1.",
                IamPoliciesAllowRecoveryRegion.decide(r, PAIR, NO_GAPS, ix).annotation());
        List<SecurityRoleInUse> missing = ix.rolesNotInInventory();
        assertEquals(1, missing.size());
        assertEquals(ghost, missing.get(0).getRoleArn());
        assertEquals("c-fn", missing.get(0).getUsedBy());
        Resource unused = res("AWS::IAM::Role", "arn:aws:iam::111111111111:role/idle", "idle", Resource.GLOBAL, false, Map.of());
        assertFalse(index(unused, idle).roleInUse(unused.getResourceId()));
    }
}
