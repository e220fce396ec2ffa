package io.failready.rules.traffic;

import io.failready.facts.RegionTokens;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CloudFrontOriginFailoverConfiguredTest {
    private static Resource dist(List<String> members) {
        return resource("AWS::CloudFront::Distribution", "arn:aws:cloudfront::111111111111:distribution/E1", "E1", Resource.GLOBAL,
                "origins", List.of(Map.of("id", "use1", "region", "us-east-1"), Map.of("id", "euw1", "region", "eu-west-1")),
                "originGroups", List.of(Map.of("id", "g", "members", members, "failoverStatusCodes", List.of(500, 502, 503, 504))),
                "cacheBehaviors", List.of(Map.of("pathPattern", "*", "targetOriginId", "g")));
    }

    @Test
    void eachDirectionOfAnActiveActivePairIsJudgedOnItsOwn() {
        Resource d = dist(List.of("use1", "euw1"));
        EdgeIndex ix = new EdgeIndex(List.of(d));
        assertEquals(ComplianceType.COMPLIANT, CloudFrontOriginFailoverConfigured.decide(d, PAIR, ix, NO_GAPS).type());
        // eu-west-1 -> us-east-1: the group's first choice is in us-east-1's twin, so no behaviour depends on eu-west-1 first
        Verdict back = CloudFrontOriginFailoverConfigured.decide(d, new RegionPair("w", "eu-west-1", "us-east-1"), ix, NO_GAPS);
        assertEquals(ComplianceType.COMPLIANT, back.type(), back.annotation());
    }

    @Test
    void noCacheBehaviourReadIsNotAVacuousPass() {
        Resource d = resource("AWS::CloudFront::Distribution", "arn:aws:cloudfront::111111111111:distribution/E2", "E2", Resource.GLOBAL,
                "origins", List.of(Map.of("id", "use1", "region", "us-east-1")), "cacheBehaviors", List.of());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, CloudFrontOriginFailoverConfigured.decide(d, PAIR, new EdgeIndex(List.of(d)), NO_GAPS).type());
    }

    @Test
    void originRegionsAreReadFromAwsHostNamesOnly() {
        assertEquals("eu-west-1", RegionTokens.ofAwsHost("assets.s3.eu-west-1.amazonaws.com"));
        assertEquals("us-east-1", RegionTokens.ofAwsHost("web-123.us-east-1.elb.amazonaws.com"));
        assertEquals("eu-central-1", RegionTokens.ofAwsHost("site.s3-website.eu-central-1.amazonaws.com"));
        assertEquals("us-west-2", RegionTokens.ofAwsHost("site.s3-website-us-west-2.amazonaws.com"));
        assertEquals("ap-southeast-2", RegionTokens.ofAwsHost("abc.lambda-url.ap-southeast-2.on.aws"));
        assertNull(RegionTokens.ofAwsHost("assets.s3.amazonaws.com"));
        assertNull(RegionTokens.ofAwsHost("us-east-1.example.com"));
    }
}
