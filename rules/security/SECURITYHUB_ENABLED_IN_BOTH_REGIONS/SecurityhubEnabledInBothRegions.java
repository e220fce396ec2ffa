package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.rules.api.AccountServices;
import io.failready.rules.api.Verdict;

import java.util.Collection;

/**
 * SECURITYHUB_ENABLED_IN_BOTH_REGIONS: the decision for one workload account in one workload
 * region, from the hubs of either product collected there: Security Hub CSPM
 * (AWS::SecurityHub::Hub) or the current Security Hub (AWS::SecurityHub::HubV2).
 */
public final class SecurityhubEnabledInBothRegions {
    private SecurityhubEnabledInBothRegions() {}

    /**
     * A hub of either product -> COMPLIANT, even if the other product's call failed (positive
     * evidence); else a failed call -> INSUFFICIENT_DATA, since it could have been the enabled one;
     * else NON_COMPLIANT.
     */
    public static Verdict decide(String account, String region, Collection<?> hubs, GapIndex g) {
        boolean v2 = false;
        boolean cspm = false;
        for (Object o : hubs) {
            if (!(o instanceof Resource r)) continue;
            if ("AWS::SecurityHub::HubV2".equals(r.getResourceType())) v2 = true;
            else cspm = true;
        }
        if (v2 || cspm) {
            String products = v2 && cspm ? "Security Hub and Security Hub CSPM are" : v2 ? "Security Hub is" : "Security Hub CSPM is";
            return Verdict.compliant(products + " enabled " + AccountServices.in(account, region) + ".", null);
        }
        if (g.missing(account, region, "securityhub")) return AccountServices.unknown("Security Hub", "securityhub", account, region, g);
        return Verdict.nonCompliant("Security Hub is not enabled " + AccountServices.in(account, region)
                + " (neither Security Hub nor Security Hub CSPM).", null);
    }
}
