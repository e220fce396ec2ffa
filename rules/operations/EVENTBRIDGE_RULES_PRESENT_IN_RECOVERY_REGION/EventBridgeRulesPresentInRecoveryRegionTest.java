package io.failready.rules.operations;

import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
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

class EventBridgeRulesPresentInRecoveryRegionTest {
    private static final String RULE = "AWS::Events::Rule";

    private static Resource rule(String region, String state, String pattern, String targetRegion) {
        return resource(RULE, "arn:aws:events:" + region + ":111111111111:rule/orders/placed", "placed", region,
                "eventBusName", "orders", "state", state, "eventPatternCanonical", pattern,
                "targets", List.of(Map.of("region", targetRegion, "service", "sqs")));
    }

    private static Verdict judge(Resource r, Resource c) {
        return EventBridgeRulesPresentInRecoveryRegion.decide(r, PAIR, NO_GAPS,
                new Counterparts(List.of(new Counterpart(RULE, r.getResourceId(), RECOVERY, c, "same-name"))));
    }

    @Test
    void allCloudTrailEventsStateCountsAsEnabled() {
        Resource r = rule(PRIMARY, "ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS", "{}", PRIMARY);
        assertEquals(ComplianceType.COMPLIANT, judge(r, rule(RECOVERY, "ENABLED", "{}", RECOVERY)).type());
    }

    @Test
    void disabledPrimaryIsNotApplicableEvenWithoutACounterpart() {
        Resource r = rule(PRIMARY, "DISABLED", "{}", PRIMARY);
        assertEquals(ComplianceType.NOT_APPLICABLE,
                EventBridgeRulesPresentInRecoveryRegion.decide(r, PAIR, NO_GAPS, new Counterparts(List.of())).type());
    }

    @Test
    void differentPatternIsNamed() {
        Verdict v = judge(rule(PRIMARY, "ENABLED", "{\"a\":1}", PRIMARY), rule(RECOVERY, "ENABLED", "{\"a\":2}", RECOVERY));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("{\"a\":2}"), v.annotation());
    }
}
