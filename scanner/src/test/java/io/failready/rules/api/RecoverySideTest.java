package io.failready.rules.api;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

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

class RecoverySideTest {
    private static Resource alarm(String region) { return resource("AWS::CloudWatch::Alarm", "alarm-" + region, "api-5xx", region); }

    @Test
    void anUnreadableRecoveryRegionIsInsufficientDataNotAMissingCounterpart() {
        Verdict v = RecoverySide.counterpartPresent(alarm(PRIMARY), PAIR, gaps(denied(RECOVERY, "cloudwatch")), NO_TWINS, "cloudwatch");
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals(ComplianceType.NON_COMPLIANT, RecoverySide.counterpartPresent(alarm(PRIMARY), PAIR, NO_GAPS, NO_TWINS, "cloudwatch").type());
    }

    @Test
    void aPresentCounterpartIsNamedWithHowItWasMatched() {
        Resource a = alarm(PRIMARY), c = alarm(RECOVERY);
        Verdict v = RecoverySide.counterpartPresent(a, PAIR, NO_GAPS, twins(a, c), "cloudwatch");
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertSame(c, v.counterpart());
        assertEquals("CloudWatch alarm api-5xx has a counterpart in eu-west-1: api-5xx (matched by same-name).", v.annotation());
    }
}
