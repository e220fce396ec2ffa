package io.failready.rules.traffic;

import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ElbLoadBalancerReadyInRecoveryRegionTest {
    private static final String LB = "AWS::ElasticLoadBalancingV2::LoadBalancer";

    private static Resource nlb(String region, String name, Map<String, Object> listener) {
        return resource(LB, "arn:aws:elasticloadbalancing:" + region + ":111111111111:loadbalancer/net/" + name + "/1", name, region,
                "type", "network", "state", "active", "listeners", List.of(listener));
    }

    @Test
    void networkLoadBalancerTlsListenerWithoutCertificateIsNonCompliant() {
        Resource p = nlb(PRIMARY, "mqtt-use1", Map.of("port", 8883, "protocol", "TLS", "certificateArns", List.of("arn:aws:acm:us-east-1:111111111111:certificate/a")));
        Resource r = nlb(RECOVERY, "mqtt-euw1", Map.of("port", 8883, "protocol", "TLS", "certificateArns", List.of()));
        Counterparts cps = new Counterparts(List.of(new Counterpart(LB, p.getResourceId(), RECOVERY, r, "region-token-name")));
        Verdict v = ElbLoadBalancerReadyInRecoveryRegion.decide(p, PAIR, new EdgeIndex(List.of(p, r)), NO_GAPS, cps, 1, false);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("TLS:8883 have no certificate"), v.annotation());
    }

    @Test
    void listenersThatWereNotCollectedAreNotTakenForNone() {
        Resource p = resource(LB, "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web-use1/1", "web-use1", PRIMARY,
                "type", "application", "state", "active");
        Verdict v = ElbLoadBalancerReadyInRecoveryRegion.decide(p, PAIR, new EdgeIndex(List.of(p)), NO_GAPS, new Counterparts(List.of()), 1, false);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type(), v.annotation());
    }

    @Test
    void portsCompareAsNumbersWhateverTheirJsonType() {
        Resource p = nlb(PRIMARY, "dns-use1", Map.of("port", 53, "protocol", "UDP"));
        Resource r = nlb(RECOVERY, "dns-euw1", Map.of("port", 53.0, "protocol", "UDP"));
        Resource tg = resource("AWS::ElasticLoadBalancingV2::TargetGroup", "arn:tg", "dns-euw1", RECOVERY,
                "loadBalancerArns", List.of(r.getResourceId()), "registeredTargets", 2, "healthyTargets", 2);
        Counterparts cps = new Counterparts(List.of(new Counterpart(LB, p.getResourceId(), RECOVERY, r, "region-token-name")));
        Verdict v = ElbLoadBalancerReadyInRecoveryRegion.decide(p, PAIR, new EdgeIndex(List.of(p, r, tg)), NO_GAPS, cps, 1, true);
        assertEquals(ComplianceType.COMPLIANT, v.type(), v.annotation());
    }
}
