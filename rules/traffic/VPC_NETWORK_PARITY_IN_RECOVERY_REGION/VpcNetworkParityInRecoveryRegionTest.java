package io.failready.rules.traffic;

import io.failready.config.Workload;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VpcNetworkParityInRecoveryRegionTest {
    private static Resource vpc(String region, String name, List<String> zones, Object... more) {
        java.util.Map<String, Object> kv = new java.util.LinkedHashMap<>();
        kv.put("zones", zones);
        kv.put("vpcId", "vpc-" + name);
        kv.put("egressZones", List.of());
        kv.put("interfaceEndpointServices", List.of());
        for (int i = 0; i + 1 < more.length; i += 2) kv.put((String) more[i], more[i + 1]);
        Object[] flat = kv.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue())).toArray();
        return resource("AWS::EC2::VPC", "arn:aws:ec2:" + region + ":111111111111:vpc/vpc-" + name, name, region, flat);
    }

    @Test
    void aSingleZonePrimaryStillNeedsTwoZonesInTheRecoveryRegion() {
        Resource p = vpc(PRIMARY, "batch-use1", List.of("us-east-1a"));
        Resource r = vpc(RECOVERY, "batch-euw1", List.of("eu-west-1a"));
        Verdict v = VpcNetworkParityInRecoveryRegion.decide(p, PAIR, new Workload(), new EdgeIndex(List.of(p, r)), NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("needs at least 2"), v.annotation());
    }

    @Test
    void endpointServicesOfOtherAccountsAreNotCompared() {
        Resource p = vpc(PRIMARY, "app-use1", List.of("us-east-1a", "us-east-1b"),
                "interfaceEndpointServices", List.of("com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0", "sqs"));
        Resource r = vpc(RECOVERY, "app-euw1", List.of("eu-west-1a", "eu-west-1b"), "interfaceEndpointServices", List.of("sqs"));
        Verdict v = VpcNetworkParityInRecoveryRegion.decide(p, PAIR, new Workload(), new EdgeIndex(List.of(p, r)), NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.COMPLIANT, v.type(), v.annotation());
    }

    @Test
    void attributesThatWereNotCollectedAreNotTakenForNone() {
        Resource p = resource("AWS::EC2::VPC", "arn:aws:ec2:us-east-1:111111111111:vpc/vpc-a", "app-use1", PRIMARY,
                "zones", List.of("us-east-1a", "us-east-1b"), "interfaceEndpointServices", List.of());
        Resource r = vpc(RECOVERY, "app-euw1", List.of("eu-west-1a", "eu-west-1b"));
        Verdict v = VpcNetworkParityInRecoveryRegion.decide(p, PAIR, new Workload(), new EdgeIndex(List.of(p, r)), NO_GAPS, new Counterparts(List.of()));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type(), v.annotation());
        assertTrue(v.annotation().contains("egressZones"), v.annotation());
    }

    @Test
    void theDefaultVpcIsJudgedOnlyWhenItHoldsAnInScopeLoadBalancer() {
        Resource def = vpc(PRIMARY, "default", List.of("us-east-1a"), "isDefault", true);
        assertFalse(VpcNetworkParityInRecoveryRegion.applies(def, new EdgeIndex(List.of(def))));
        Resource lb = resource("AWS::ElasticLoadBalancingV2::LoadBalancer", "arn:lb", "web", PRIMARY, "vpcId", "vpc-default");
        assertTrue(VpcNetworkParityInRecoveryRegion.applies(def, new EdgeIndex(List.of(def, lb))));
    }
}
