package io.failready.collect.aws.fis;

import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.tooling.AwsStub;
import org.junit.jupiter.api.Test;

import java.util.List;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AWS FIS (REST-JSON) against {@link AwsStub}: experiments from every page, details only for
 * experiments that ended, the regions an experiment touched, templates, and faults as gaps.
 */
class FisCollectorTest {
    static final List<String> REGIONS = List.of(US_EAST_1, EU_WEST_1);
    static final String DONE = "arn:aws:fis:eu-west-1:111111111111:experiment/EXP1111111111";
    static final String RUNNING = "arn:aws:fis:eu-west-1:111111111111:experiment/EXP2222222222";
    static final String TEMPLATE = "arn:aws:fis:eu-west-1:111111111111:experiment-template/EXTa1b2c3d4";

    @Test
    void experimentsFromEveryPageWithTheRegionsTheyTouched() {
        try (AwsStub stub = AwsStub.start("FisCollectorTest")) {
            Snapshot s = run(stub, REGIONS, new FisCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(List.of(DONE, RUNNING), ids(s, FisCollector.EXPERIMENT));
            assertEquals(List.of(TEMPLATE), ids(s, FisCollector.TEMPLATE));
            Resource done = resource(s, FisCollector.EXPERIMENT, DONE);
            assertEquals("az-power", done.getResourceName(), "the Name tag");
            assertEquals("completed", done.str("status"));
            assertEquals("run-all", done.str("actionsMode"));
            assertEquals("EXTa1b2c3d4", done.str("experimentTemplateId"));
            assertEquals(List.of("eu-west-1", "us-east-1"), done.list("regions"), "its region, its targets' and the action's region parameter");
            assertEquals(List.of("aws:network:route-table-disrupt-cross-region-connectivity"), done.list("actions"));
            assertTrue(done.str("startTime").startsWith("2025-10-25T") || done.str("startTime").startsWith("2025-"), done.str("startTime"));
            assertFalse(done.has("roleArn"));
            Resource running = resource(s, FisCollector.EXPERIMENT, RUNNING);
            assertFalse(running.has("regions"), "not ended: no detail call");
            assertEquals(1, stub.calls().stream().filter(c -> c.action().equals("fis:GetExperiment")).count());
            assertEquals(2, stub.calls().stream().filter(c -> c.action().equals("fis:ListExperiments") && c.region().equals(EU_WEST_1)).count());
        }
    }

    @Test
    void deniedDetailIsAGapOnThatExperimentAndLeavesItsRegionsUnknown() {
        try (AwsStub stub = AwsStub.start("FisCollectorTest")) {
            stub.fault(op("fis:GetExperiment"), ACCESS_DENIED);
            Snapshot s = run(stub, REGIONS, new FisCollector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 fis GetExperiment " + DONE + " AccessDeniedException"), gaps(s));
            assertFalse(resource(s, FisCollector.EXPERIMENT, DONE).has("regions"));
            assertEquals("completed", resource(s, FisCollector.EXPERIMENT, DONE).str("status"));
        }
    }

    @Test
    void throttlingIsRetriedAndListFailuresAreRegionGaps() {
        try (AwsStub stub = AwsStub.start("FisCollectorTest")) {
            stub.fault(op("fis:ListExperiments", EU_WEST_1), THROTTLE, 2, 0);
            Snapshot s = run(stub, REGIONS, new FisCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(2, ids(s, FisCollector.EXPERIMENT).size());
        }
        for (AwsStub.FaultKind kind : List.of(SERVER_ERROR, UNKNOWN_OPERATION, ACCESS_DENIED)) {
            try (AwsStub stub = AwsStub.start("FisCollectorTest")) {
                stub.fault(op("fis:ListExperiments", EU_WEST_1), kind);
                Snapshot s = run(stub, REGIONS, new FisCollector());
                assertEquals(1, gaps(s).size(), kind + ": " + gaps(s));
                assertTrue(gaps(s).get(0).startsWith(ACCOUNT + " eu-west-1 fis ListExperiments "), gaps(s).toString());
                assertEquals(List.of(), ids(s, FisCollector.EXPERIMENT));
                assertEquals(List.of(TEMPLATE), ids(s, FisCollector.TEMPLATE), "templates are a listing of their own");
            }
        }
    }
}
