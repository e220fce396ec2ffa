package io.failready.rules.security;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** SECURITYHUB_ENABLED_IN_BOTH_REGIONS: a hub of either product is positive evidence; a failed call only matters when no hub was seen. */
class SecurityhubEnabledInBothRegionsTest {
    private static final Resource CSPM = resource("AWS::SecurityHub::Hub", "arn:aws:securityhub:eu-west-1:111111111111:hub/default", "default", RECOVERY);
    private static final Resource V2 = resource("AWS::SecurityHub::HubV2", "arn:aws:securityhub:eu-west-1:111111111111:hubv2/x", "x", RECOVERY);

    @Test
    void aHubOfEitherProductPassesEvenWhenTheOtherCallFailed() {
        Verdict v = SecurityhubEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(CSPM), gaps(denied(RECOVERY, "securityhub")));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertEquals("Security Hub CSPM is enabled in account 111111111111 in eu-west-1.", v.annotation());
        assertEquals("Security Hub and Security Hub CSPM are enabled in account 111111111111 in eu-west-1.",
                SecurityhubEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(V2, CSPM), NO_GAPS).annotation());
    }

    @Test
    void withoutAHubAFailedCallIsInsufficientDataAndOtherwiseNotEnabled() {
        Verdict unknown = SecurityhubEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(), gaps(denied(RECOVERY, "securityhub")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, unknown.type());
        assertEquals("Security Hub: cannot tell whether it is enabled in account 111111111111 in eu-west-1"
                + " (AccessDenied on securityhub:List in 111111111111/eu-west-1).", unknown.annotation());
        assertEquals(ComplianceType.NON_COMPLIANT, SecurityhubEnabledInBothRegions.decide(ACCOUNT, RECOVERY, List.of(), NO_GAPS).type());
    }
}
