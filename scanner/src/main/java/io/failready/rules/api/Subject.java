package io.failready.rules.api;

import io.failready.config.Workload;
import io.failready.facts.RegionPair;

/**
 * What a rule judges when it is not an inventoried resource: the workload, an account in a region
 * pair, a DNS endpoint name. Built by the factories here so every rule files such subjects alike.
 */
public record Subject(String resourceType, String resourceId, String accountId, String region, String recoveryRegion) {
    public static final String WORKLOAD = "Failready::Workload";
    public static final String ACCOUNT = "AWS::::Account";

    /** The workload, filed under its first declared account and its primary region, with no recovery region. */
    public static Subject workload(Workload w) {
        return new Subject(WORKLOAD, w.getId(), firstAccount(w), w.getPrimaryRegion(), null);
    }

    /** The workload as judged for a region pair, filed under {@code region}. */
    public static Subject workload(Workload w, String region, RegionPair p) {
        return new Subject(WORKLOAD, w.getId(), firstAccount(w), region, p.getRecovery());
    }

    /** An account as judged for a region pair: filed under the recovery region. */
    public static Subject account(String accountId, RegionPair p) {
        return new Subject(ACCOUNT, accountId, accountId, p.getRecovery(), p.getRecovery());
    }

    /** Workload-level evaluations are filed under the first declared account. */
    public static String firstAccount(Workload w) {
        return w.accountIds().isEmpty() ? "-" : w.accountIds().get(0);
    }
}
