package io.failready.collect.aws.elasticloadbalancingv2;

import io.failready.tooling.AwsStub;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.FaultKind.SERVER_ERROR;
import static io.failready.tooling.AwsStub.FaultKind.THROTTLE;
import static io.failready.tooling.AwsStub.op;
import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.ids;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Load balancers, listeners and target health over the Query protocol against {@link AwsStub}: Marker paging and faults. */
class ElbV2CollectorTest {
    static final String WEB = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web-use1/50dc6c495c0c9188";
    static final String EVENTS = "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/net/events-use1/73e2d6bc24d8a067";
    static final String TG = "arn:aws:elasticloadbalancing:us-east-1:111111111111:targetgroup/web-use1/943f017f100becff";

    @Test
    void loadBalancersAndListenersFollowMarkerPagingAndTargetsAreCountedByHealth() {
        try (AwsStub stub = AwsStub.start("ElbV2CollectorTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new ElbV2Collector());
            assertEquals(List.of(), gaps(s));
            assertEquals(List.of(WEB, EVENTS), ids(s, ElbV2Collector.LOAD_BALANCER), "both pages");
            Resource web = resource(s, ElbV2Collector.LOAD_BALANCER, WEB);
            assertEquals("active", web.str("state"));
            assertEquals(Map.of("app", "payments"), web.getTags());
            assertEquals(List.of("us-east-1a", "us-east-1b"), web.list("availabilityZones"));
            assertEquals(List.of(
                    Map.of("port", 443, "protocol", "HTTPS", "certificateArns", List.of("arn:aws:acm:us-east-1:111111111111:certificate/c1")),
                    Map.of("port", 80, "protocol", "HTTP", "certificateArns", List.of())), web.maps("listeners"), "both listener pages");
            assertEquals("provisioning", resource(s, ElbV2Collector.LOAD_BALANCER, EVENTS).str("state"));
            Resource tg = resource(s, ElbV2Collector.TARGET_GROUP, TG);
            assertEquals(3.0, tg.num("registeredTargets"));
            assertEquals(2.0, tg.num("healthyTargets"));
            assertEquals(List.of(WEB), tg.list("loadBalancerArns"));
        }
    }

    @Test
    void loadBalancerAndTargetGroupTagsComeFromOneDescribeTagsCall() {
        try (AwsStub stub = AwsStub.start("ElbV2CollectorTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new ElbV2Collector());
            assertEquals(Map.of("app", "payments"), resource(s, ElbV2Collector.LOAD_BALANCER, WEB).getTags());
            assertEquals(Map.of("app", "payments-tg"), resource(s, ElbV2Collector.TARGET_GROUP, TG).getTags());
            var tagCalls = stub.calls().stream().filter(c -> c.action().equals("elasticloadbalancing:DescribeTags")).toList();
            assertEquals(1, tagCalls.size(), "one call for both kinds (3 ARNs), not one per kind");
            assertTrue(tagCalls.get(0).body().contains("targetgroup") && tagCalls.get(0).body().contains("loadbalancer"), tagCalls.get(0).body());
        }
    }

    @Test
    void accessDeniedOnTagsIsAGapOnEachResourceOfTheBatchWithItsOwnType() {
        try (AwsStub stub = AwsStub.start("ElbV2CollectorTest")) {
            stub.fault(op("elasticloadbalancing:DescribeTags"), ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new ElbV2Collector());
            assertEquals(List.of(
                    ACCOUNT + " us-east-1 elasticloadbalancingv2 DescribeTags " + WEB + " AccessDenied",
                    ACCOUNT + " us-east-1 elasticloadbalancingv2 DescribeTags " + EVENTS + " AccessDenied",
                    ACCOUNT + " us-east-1 elasticloadbalancingv2 DescribeTags " + TG + " AccessDenied").stream().sorted().toList(),
                    gaps(s).stream().sorted().toList());
            assertEquals(List.of(ElbV2Collector.TARGET_GROUP), s.getCollectionGaps().stream()
                    .filter(g -> TG.equals(g.getResourceId())).map(g -> g.getResourceType()).toList());
        }
    }

    @Test
    void accessDeniedOnTargetHealthLeavesTheCountsUnknownNotZero() {
        try (AwsStub stub = AwsStub.start("ElbV2CollectorTest")) {
            stub.fault(op("elasticloadbalancing:DescribeTargetHealth"), ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new ElbV2Collector());
            assertEquals(List.of(ACCOUNT + " us-east-1 elasticloadbalancingv2 DescribeTargetHealth " + TG + " AccessDenied"), gaps(s));
            Resource tg = resource(s, ElbV2Collector.TARGET_GROUP, TG);
            assertFalse(tg.has("healthyTargets"));
            assertFalse(tg.has("registeredTargets"));
        }
    }

    @Test
    void throttlingPastRetriesIsAServiceGapAndA500OnListenersAGapOnThatLoadBalancer() {
        try (AwsStub stub = AwsStub.start("ElbV2CollectorTest")) {
            stub.fault(op("elasticloadbalancing:DescribeTargetGroups"), THROTTLE);
            stub.fault(c -> c.action().equals("elasticloadbalancing:DescribeListeners") && c.body().contains("web-use1"), SERVER_ERROR);
            Snapshot s = run(stub, List.of(US_EAST_1), new ElbV2Collector());
            List<String> g = gaps(s);
            assertTrue(g.contains(ACCOUNT + " us-east-1 elasticloadbalancingv2 DescribeTargetGroups Throttling"), g.toString());
            assertTrue(g.contains(ACCOUNT + " us-east-1 elasticloadbalancingv2 DescribeListeners " + WEB + " InternalFailure")
                    || g.stream().anyMatch(x -> x.startsWith(ACCOUNT + " us-east-1 elasticloadbalancingv2 DescribeListeners " + WEB)), g.toString());
            assertFalse(resource(s, ElbV2Collector.LOAD_BALANCER, WEB).has("listeners"), "unknown, not empty");
            assertEquals(List.of(), ids(s, ElbV2Collector.TARGET_GROUP));
            assertTrue(stub.calls().stream().filter(c -> c.action().equals("elasticloadbalancing:DescribeTargetGroups")).count() > 1, "retried");
        }
    }
}
