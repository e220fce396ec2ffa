package io.failready.rules.operations;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.ACCOUNT;
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
import static org.junit.jupiter.api.Assertions.assertSame;

/** Where one function or service fits several scenarios, the first in the documented order decides. */
class DeploymentVersionParityTest {
    private static Resource function(String region, Object... kv) {
        return resource("AWS::Lambda::Function", "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:api", "api", region, kv);
    }

    @Test
    void anUnreadableRecoveryRegionIsNotReportedAsAMissingCounterpart() {
        Resource fn = function(PRIMARY, "codeSha256", "abc");
        Verdict v = DeploymentVersionParity.decide(fn, PAIR, gaps(denied(RECOVERY, "lambda")), NO_TWINS);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("Lambda function api: cannot tell what runs in eu-west-1 (AccessDenied on lambda:List in " + ACCOUNT + "/eu-west-1).", v.annotation());
        assertEquals(ComplianceType.NON_COMPLIANT, DeploymentVersionParity.decide(fn, PAIR, NO_GAPS, NO_TWINS).type());
    }

    @Test
    void anUncomparableBuildNamesTheCounterpartItCouldNotCompare() {
        Resource fn = function(PRIMARY, "codeSha256", "abc");
        Resource twin = function(RECOVERY);
        Verdict v = DeploymentVersionParity.decide(fn, PAIR, NO_GAPS, twins(fn, twin));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertSame(twin, v.counterpart());
    }

    @Test
    void aSameVersionTagPassesCodeBuiltPerRegion() {
        Resource fn = function(PRIMARY, "codeSha256", "abc", "versionTag", "1.8.0");
        Resource twin = function(RECOVERY, "codeSha256", "def", "versionTag", "1.8.0");
        assertEquals(ComplianceType.COMPLIANT, DeploymentVersionParity.decide(fn, PAIR, NO_GAPS, twins(fn, twin)).type());
    }

    @Test
    void imageReferencesIgnoreTheRegistryHost() {
        assertEquals("payments-api:1.8.0", DeploymentVersionParity.repoAndTag("111122223333.dkr.ecr.us-east-1.amazonaws.com/payments-api:1.8.0"));
        assertEquals("library/nginx:1.27", DeploymentVersionParity.repoAndTag("library/nginx:1.27"));
        assertEquals("nginx:1.27", DeploymentVersionParity.repoAndTag("nginx:1.27"));
        Resource svc = resource("AWS::ECS::Service", "svc-use1", "api", PRIMARY,
                "images", List.of(Map.of("container", "app", "image", "1.dkr.ecr.us-east-1.amazonaws.com/api:2.0")));
        Resource twin = resource("AWS::ECS::Service", "svc-euw1", "api", RECOVERY,
                "images", List.of(Map.of("container", "app", "image", "1.dkr.ecr.eu-west-1.amazonaws.com/api:2.0")));
        assertEquals(ComplianceType.COMPLIANT, DeploymentVersionParity.decide(svc, PAIR, NO_GAPS, twins(svc, twin)).type());
    }
}
