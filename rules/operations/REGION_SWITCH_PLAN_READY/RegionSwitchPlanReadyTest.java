package io.failready.rules.operations;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.config;
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The scenarios' order and the naming of warnings; the fixtures cover each scenario. */
class RegionSwitchPlanReadyTest {
    private static final AsOf NOW = new AsOf(Instant.parse("2026-11-01T00:00:00Z"));

    private static Resource plan(Map<String, Object> evaluation) {
        Map<String, Object> cfg = config("regions", List.of("us-east-1", "eu-west-1"), "version", "3");
        cfg.put("evaluation", evaluation);
        return new Resource("AWS::ARCRegionSwitch::Plan", "arn:aws:arc-region-switch::111111111111:plan/p:abc123", "p",
                "111111111111", Resource.GLOBAL, Map.of(), cfg);
    }

    private static Map<String, Object> warning(String step) {
        return Map.of("step", step, "status", "active", "message", "m-" + step);
    }

    @Test
    void everyKnownProblemOfAnEvaluationIsReportedTogether() {
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (String s : List.of("a", "b", "c", "d", "e")) warnings.add(warning(s));
        Verdict v = RegionSwitchPlanReady.decide(plan(config("state", "actionRequired", "lastEvaluationTime", "2026-10-30T00:00:00Z",
                "lastEvaluatedVersion", "2", "warnings", warnings)), workload(DrStrategy.WARM_STANDBY, 60), PAIR, NOW, 2, NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("5 active warnings: step 'a': m-a; step 'b': m-b; step 'c': m-c; and 2 more"), v.annotation());
    }

    @Test
    void theLimitIsInclusiveAndAnEvaluationAfterAsOfIsFresh() {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        assertEquals(ComplianceType.COMPLIANT, RegionSwitchPlanReady.decide(plan(config("state", "passed",
                "lastEvaluationTime", "2026-10-31T22:00:00Z", "lastEvaluatedVersion", "3", "warnings", List.of())), w, PAIR, NOW, 2, NO_GAPS).type());
        assertEquals(ComplianceType.NON_COMPLIANT, RegionSwitchPlanReady.decide(plan(config("state", "passed",
                "lastEvaluationTime", "2026-10-31T20:59:00Z", "lastEvaluatedVersion", "3", "warnings", List.of())), w, PAIR, NOW, 2, NO_GAPS).type());
        assertEquals(ComplianceType.COMPLIANT, RegionSwitchPlanReady.decide(plan(config("state", "passed",
                "lastEvaluationTime", "2026-11-01T05:00:00Z", "lastEvaluatedVersion", "3", "warnings", List.of())), w, PAIR, NOW, 2, NO_GAPS).type());
    }
}
