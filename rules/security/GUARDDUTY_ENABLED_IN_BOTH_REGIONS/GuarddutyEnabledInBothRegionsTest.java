package io.failready.rules.security;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** GUARDDUTY_ENABLED_IN_BOTH_REGIONS: a gap comes before any detector, since a partial read proves nothing. */
class GuarddutyEnabledInBothRegionsTest {
    private static Resource detector(String id, String status) {
        return resource("AWS::GuardDuty::Detector", id, id, RECOVERY, "status", status);
    }

    @Test
    void aGapComesBeforeAnEnabledDetector() {
        Verdict v = GuarddutyEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(detector("d1", "ENABLED")), gaps(denied(RECOVERY, "guardduty")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("GuardDuty: cannot tell whether it is enabled in account 111111111111 in eu-west-1"
                + " (AccessDenied on guardduty:List in 111111111111/eu-west-1).", v.annotation());
    }

    @Test
    void oneEnabledDetectorAmongDisabledOnesIsEnough() {
        assertEquals("GuardDuty has an ENABLED detector in account 111111111111 in eu-west-1.",
                GuarddutyEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(detector("d1", "DISABLED"), detector("d2", "ENABLED")), NO_GAPS).annotation());
        assertEquals("GuardDuty has a detector that is not ENABLED in account 111111111111 in eu-west-1.",
                GuarddutyEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(detector("d1", "DISABLED")), NO_GAPS).annotation());
        assertEquals("GuardDuty has no detector in account 111111111111 in eu-west-1.",
                GuarddutyEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(), NO_GAPS).annotation());
    }
}
