package io.failready.rules.requirements;

import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.facts.WorkloadAccount;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;

import java.util.Set;

/**
 * ACCOUNT_RECOVERY_REGION_ENABLED: the decision for one declared account and region pair.
 * Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class AccountRecoveryRegionEnabled {
    private AccountRecoveryRegionEnabled() {}

    static final String ACCOUNT = "AWS::::Account";

    /** Opt-in statuses under which resources can be deployed in the region. */
    static final Set<String> OPTED_IN = Set.of("ENABLED", "ENABLED_BY_DEFAULT");

    public static Verdict decide(WorkloadAccount a, RegionPair p, DataIndex ix, GapIndex g) {
        String acct = "Account " + a.accountId + (a.name == null ? "" : " (" + a.name + ")");
        if (p.recovery.equals(p.primary)) {
            return Verdict.nonCompliant(acct + ": the recovery region " + p.recovery + " is the primary region itself.", null);
        }
        Resource account = ix.byId(a.accountId);
        CollectionGap gap = g.whyGap(account != null ? account
                : new Resource(ACCOUNT, a.accountId, a.accountId, a.accountId, Resource.GLOBAL, null, null), "account");
        if (gap != null) {
            return Verdict.insufficientData(acct + ": cannot tell whether " + p.recovery + " is enabled (" + GapIndex.describe(gap) + ").");
        }
        if (account == null) {
            return Verdict.insufficientData(acct + ": its region opt-in status was not collected, so " + p.recovery + " cannot be checked.");
        }
        String status = account.str("regionOptStatus." + p.recovery);
        if (status == null) {
            return Verdict.insufficientData(acct + ": no opt-in status was reported for " + p.recovery + ".");
        }
        if (OPTED_IN.contains(status)) {
            return Verdict.compliant(acct + " has " + p.recovery + " enabled (" + status + ").", null);
        }
        return Verdict.nonCompliant(acct + " has " + p.recovery + " with opt-in status " + status
                + "; nothing can be deployed there until it is ENABLED.", null);
    }
}
