package io.failready.rules.capacity;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one account fits several scenarios, the first in the documented order decides. */
class ServiceQuotasRecoveryRegionSufficientTest {
    private static final String VCPU = "L-1216C47A";
    private static final String OTHER = "L-0263D0A3";

    private static Resource quota(String region, String code, double value) {
        return resource("AWS::ServiceQuotas::Quota", code + "-" + region, code, region, "quotaCode", code, "value", value);
    }

    @Test
    void aKnownShortfallIsReportedEvenWhenAnotherQuotaIsUnknown() {
        List<Resource> quotas = List.of(quota(PRIMARY, VCPU, 512), quota(RECOVERY, VCPU, 64), quota(PRIMARY, OTHER, 5));
        Verdict v = ServiceQuotasRecoveryRegionSufficient.decide(ACCOUNT, PAIR, List.of(OTHER, VCPU), quotas, NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("Account " + ACCOUNT + " has lower quotas in eu-west-1 than in us-east-1: L-1216C47A 64 < 512.", v.annotation());
    }

    @Test
    void anUnknownQuotaWithoutShortfallIsInsufficientData() {
        List<Resource> quotas = List.of(quota(PRIMARY, VCPU, 512), quota(RECOVERY, VCPU, 512), quota(PRIMARY, OTHER, 5));
        Verdict v = ServiceQuotasRecoveryRegionSufficient.decide(ACCOUNT, PAIR, List.of(VCPU, OTHER), quotas, NO_GAPS);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains(OTHER + " in " + RECOVERY + ": quota " + OTHER + " was not collected"), v.annotation());
    }

    @Test
    void noQuotaCodesIsNotApplicable() {
        assertEquals(ComplianceType.NOT_APPLICABLE, ServiceQuotasRecoveryRegionSufficient.decide(ACCOUNT, PAIR, List.of(), List.of(), NO_GAPS).type());
    }
}
