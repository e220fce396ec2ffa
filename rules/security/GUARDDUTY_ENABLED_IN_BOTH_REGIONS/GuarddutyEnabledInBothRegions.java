package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.rules.api.AccountServices;
import io.failready.rules.api.Verdict;

import java.util.Collection;

/**
 * GUARDDUTY_ENABLED_IN_BOTH_REGIONS: the decision for one workload account in one workload region,
 * from the GuardDuty detectors collected there.
 */
public final class GuarddutyEnabledInBothRegions {
    private GuarddutyEnabledInBothRegions() {}

    /** Not readable -> INSUFFICIENT_DATA; an ENABLED detector -> COMPLIANT; detectors, none ENABLED, or none -> NON_COMPLIANT. */
    public static Verdict decide(String account, String region, Collection<?> detectors, GapIndex g) {
        return AccountServices.enabled("GuardDuty", "guardduty", account, region, g, detectors,
                d -> "ENABLED".equals(d.str("status")), "an ENABLED detector", "a detector that is not ENABLED", "no detector");
    }
}
