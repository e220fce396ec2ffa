package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.rules.api.AccountServices;
import io.failready.rules.api.Verdict;

import java.util.Collection;

/**
 * CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS: the decision for one workload account in one workload
 * region, from the AWS Config configuration recorders collected there.
 */
public final class ConfigRecorderEnabledInBothRegions {
    private ConfigRecorderEnabledInBothRegions() {}

    /** Not readable -> INSUFFICIENT_DATA; a recording recorder -> COMPLIANT; recorders, none recording, or none -> NON_COMPLIANT. */
    public static Verdict decide(String account, String region, Collection<?> recorders, GapIndex g) {
        return AccountServices.enabled("AWS Config", "config", account, region, g, recorders,
                r -> r.bool("recording"), "a recorder that is recording", "a configuration recorder that is stopped", "no configuration recorder");
    }
}
