package io.failready.rules.requirements;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.facts.WorkloadAccount;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one account and pair fit several scenarios, the first in the documented order decides. */
class AccountRecoveryRegionEnabledTest {
    static final WorkloadAccount PROD = new WorkloadAccount(ACCOUNT, "prod");

    static Resource account(String status) {
        return resource("AWS::::Account", ACCOUNT, ACCOUNT, Resource.GLOBAL,
                "regionOptStatus", status == null ? Map.of() : Map.of(RECOVERY, status));
    }

    private static Verdict decide(RegionPair p, GapIndex g, Resource... rs) {
        return AccountRecoveryRegionEnabled.decide(PROD, p, new DataIndex(List.of(rs)), g);
    }

    @Test
    void recoveryEqualToPrimaryIsNonCompliantEvenWhenNothingCouldBeRead() {
        Verdict v = decide(new RegionPair("w", PRIMARY, PRIMARY), gaps(denied(Resource.GLOBAL, "account")));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("is the primary region itself"), v.annotation());
    }

    @Test
    void aGapOnAccountSettingsIsInsufficientDataEvenWithoutTheAccountResource() {
        Verdict v = decide(PAIR, gaps(denied(Resource.GLOBAL, "account")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().startsWith("Account 111111111111 (prod): cannot tell whether eu-west-1 is enabled"), v.annotation());
    }

    @Test
    void anAccountNotCollectedOrWithoutAStatusForTheRegionIsInsufficientData() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(PAIR, NO_GAPS).type());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(PAIR, NO_GAPS, account(null)).type());
    }

    @Test
    void enabledByDefaultIsCompliantAndEnablingIsNot() {
        assertEquals(ComplianceType.COMPLIANT, decide(PAIR, NO_GAPS, account("ENABLED_BY_DEFAULT")).type());
        Verdict v = decide(PAIR, NO_GAPS, account("ENABLING"));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("opt-in status ENABLING"), v.annotation());
    }
}
