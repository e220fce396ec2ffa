package io.failready.collect.aws.arcregionswitch;

import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.tooling.AwsStub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.EU_WEST_1;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.ids;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.FaultKind.SERVER_ERROR;
import static io.failready.tooling.AwsStub.FaultKind.THROTTLE;
import static io.failready.tooling.AwsStub.FaultKind.UNKNOWN_OPERATION;
import static io.failready.tooling.AwsStub.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ARC Region switch (Smithy RPC v2 CBOR in SDK 2.40.2) against {@link AwsStub}: plans,
 * evaluation warnings and executions from every page;
 * a failed detail call a gap on that plan that leaves the field absent.
 */
class ArcRegionSwitchCollectorTest {
    static final List<String> REGIONS = List.of(US_EAST_1, EU_WEST_1);
    static final String PAYMENTS = "arn:aws:arc-region-switch::111111111111:plan/payments-failover:a1b2c3";
    static final String ORDERS = "arn:aws:arc-region-switch::111111111111:plan/orders-failover:d4e5f6";

    @Test
    void plansEvaluationWarningsAndExecutionsFromEveryPage() {
        try (AwsStub stub = AwsStub.start("ArcRegionSwitchCollectorTest")) {
            Snapshot s = run(stub, REGIONS, new ArcRegionSwitchCollector());
            assertEquals(List.of(), s.getCollectionGaps().stream().map(g -> g.getMessage()).toList());
            assertEquals(List.of(ORDERS, PAYMENTS), ids(s, ArcRegionSwitchCollector.TYPE));
            Resource p = resource(s, ArcRegionSwitchCollector.TYPE, PAYMENTS);
            assertEquals("payments-failover", p.getResourceName());
            assertEquals(Resource.GLOBAL, p.getAwsRegion());
            assertEquals("payments", p.tag("app"));
            assertEquals(List.of("us-east-1", "eu-west-1"), p.list("regions"));
            assertEquals(List.of("AuroraGlobalDatabase", "Route53HealthCheck"), p.maps("workflows").get(0).get("executionBlocks"));
            assertEquals("actionRequired", p.str("evaluation.state"));
            assertEquals("3", p.str("evaluation.lastEvaluatedVersion"));
            List<Map<String, Object>> warnings = p.maps("evaluation.warnings");
            assertEquals(2, warnings.size(), "warnings of both pages");
            assertEquals("active", warnings.get(0).get("status"));
            assertEquals("aurora-failover", warnings.get(0).get("step"));
            assertEquals("activate-eu", warnings.get(0).get("workflow"));
            assertEquals("The execution role cannot call rds:FailoverGlobalCluster", warnings.get(0).get("message"));
            assertEquals("resolved", warnings.get(1).get("status"));
            List<Map<String, Object>> ex = p.maps("executions");
            assertEquals(List.of("ex-0001", "ex-0000"), ex.stream().map(x -> x.get("executionId")).toList());
            assertEquals("completed", ex.get(0).get("state"));
            assertEquals("ungraceful", ex.get(0).get("mode"));
            assertEquals("activate", ex.get(0).get("action"));
            assertEquals("PT14M30S", ex.get(0).get("actualRecoveryTime"));
            assertEquals(870L, ((Number) ex.get(0).get("actualRecoverySeconds")).longValue());
            assertNull(ex.get(1).get("endTime"));
            assertTrue(stub.calls().stream().noneMatch(c -> c.action().matches("arc-region-switch:(Start|Cancel|Approve|Update|Create|Delete).*")));
        }
    }

    @Test
    void deniedEvaluationIsAGapOnThatPlanAndLeavesItsEvaluationUnknown() {
        try (AwsStub stub = AwsStub.start("ArcRegionSwitchCollectorTest")) {
            stub.fault(c -> c.action().equals("arc-region-switch:GetPlanEvaluationStatus") && c.body().contains("payments-failover"), ACCESS_DENIED);
            Snapshot s = run(stub, REGIONS, new ArcRegionSwitchCollector());
            assertEquals(List.of(ACCOUNT + " global arcregionswitch GetPlanEvaluationStatus " + PAYMENTS + " AccessDeniedException"), gaps(s));
            assertFalse(resource(s, ArcRegionSwitchCollector.TYPE, PAYMENTS).has("evaluation"), "unknown, not empty");
            assertTrue(resource(s, ArcRegionSwitchCollector.TYPE, PAYMENTS).has("executions"));
            assertTrue(resource(s, ArcRegionSwitchCollector.TYPE, ORDERS).has("evaluation"), "the other plan is still read");
        }
    }

    @Test
    void throttlingIsRetriedAndListFailuresAreAccountGaps() {
        try (AwsStub stub = AwsStub.start("ArcRegionSwitchCollectorTest")) {
            stub.fault(op("arc-region-switch:ListPlans"), THROTTLE, 2, 0);
            Snapshot s = run(stub, REGIONS, new ArcRegionSwitchCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(2, ids(s, ArcRegionSwitchCollector.TYPE).size());
            assertEquals(2, stub.faulted().size(), "the throttled calls were the SDK's, retried");
        }
        for (AwsStub.FaultKind kind : List.of(SERVER_ERROR, UNKNOWN_OPERATION)) {
            try (AwsStub stub = AwsStub.start("ArcRegionSwitchCollectorTest")) {
                stub.fault(c -> c.action().equals("arc-region-switch:ListPlans"), kind);
                Snapshot s = run(stub, REGIONS, new ArcRegionSwitchCollector());
                assertEquals(1, gaps(s).size(), kind + ": " + gaps(s));
                assertTrue(gaps(s).get(0).startsWith(ACCOUNT + " global arcregionswitch ListPlans "), gaps(s).toString());
                assertEquals(List.of(), ids(s, ArcRegionSwitchCollector.TYPE));
            }
        }
    }

    @Test
    void actualRecoveryTimeIsReadOnlyAsAnIsoDuration() {
        assertEquals(870L, ArcRegionSwitchCollector.seconds("PT14M30S"));
        assertEquals(4500L, ArcRegionSwitchCollector.seconds("PT1H15M"));
        assertNull(ArcRegionSwitchCollector.seconds("14:30"), "minutes or hours: not guessed");
        assertNull(ArcRegionSwitchCollector.seconds("about 14 minutes"));
        assertNull(ArcRegionSwitchCollector.seconds(null));
    }
}
