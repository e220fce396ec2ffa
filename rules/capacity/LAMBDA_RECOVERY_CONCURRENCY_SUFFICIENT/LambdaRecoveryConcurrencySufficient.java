package io.failready.rules.capacity;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.RecoverySide;
import io.failready.rules.api.ServiceQuotas;
import io.failready.rules.api.ServiceQuotas.ConcurrencyLimits;
import io.failready.rules.api.Verdict;

import static io.failready.rules.api.CapacityMath.amount;

/**
 * LAMBDA_RECOVERY_CONCURRENCY_SUFFICIENT: the decision for one in-scope function in the primary
 * region. Scenarios are checked in the order the rule's DRL header lists them: a reserved
 * concurrency shortfall comes before the account limits, because a known failure does not wait
 * for missing quota data; of two unknown account limits, the recovery side's reason is given.
 */
public final class LambdaRecoveryConcurrencySufficient {
    private LambdaRecoveryConcurrencySufficient() {}

    public static Verdict decide(Resource f, RegionPair p, GapIndex g, Counterparts cps, ConcurrencyLimits limits) {
        String rec = p.getRecovery();
        String blind = RecoverySide.blind(f, rec, g, "lambda");
        if (blind != null) {
            return Verdict.insufficientData(Labels.of(f) + ": cannot tell whether it can run in " + rec + " (" + blind + ").");
        }
        Resource c = cps.of(f, rec);
        if (c == null) return Verdict.nonCompliant(Labels.of(f) + " has no counterpart in " + rec + ".", null);
        Double theirReserved = c.num("reservedConcurrency");
        Double myReserved = f.num("reservedConcurrency");
        if (theirReserved != null && theirReserved == 0 && (myReserved == null || myReserved > 0)) {
            return Verdict.nonCompliant(Labels.of(c) + " in " + rec + " has reserved concurrency 0, which throttles every"
                    + " invocation; " + f.getName() + " reserves " + reserved(f) + ".", c);
        }
        if (myReserved != null && (theirReserved == null || theirReserved < myReserved)) {
            return Verdict.nonCompliant(Labels.of(c) + " in " + rec + " has reserved concurrency "
                    + reserved(c) + "; " + f.getName() + " reserves " + reserved(f) + ".", c);
        }
        Double myPool = limits.unreservedPool(f);
        if (myReserved == null && theirReserved != null && myPool != null && theirReserved < myPool) {
            return Verdict.nonCompliant(Labels.of(c) + " in " + rec + " is capped by its reserved concurrency of "
                    + reserved(c) + ", while " + f.getName() + " is unreserved and can use up to " + amount(myPool)
                    + " (the unreserved pool in " + p.getPrimary() + ").", c);
        }
        Double mine = limits.accountLimit(f);
        Double theirs = limits.accountLimit(c);
        if (mine == null || theirs == null) {
            String why = theirs == null ? ServiceQuotas.concurrencyWhy(g, c.getAccountId(), c.getAwsRegion())
                    : ServiceQuotas.concurrencyWhy(g, f.getAccountId(), f.getAwsRegion());
            return Verdict.insufficientData(Labels.of(f) + ": cannot compare account concurrency limits with "
                    + rec + " (" + why + ").", c);
        }
        if (theirs < mine) {
            return Verdict.nonCompliant(Labels.of(c) + ": account " + c.getAccountId() + " allows "
                    + amount(theirs) + " concurrent executions in " + rec + ", below the " + amount(mine)
                    + " that " + f.getName() + " has in " + p.getPrimary() + ".", c);
        }
        Double theirPool = limits.unreservedPool(c);
        if (theirReserved == null && myPool != null && theirPool != null && theirPool < myPool) {
            return Verdict.nonCompliant(Labels.of(c) + " is unreserved and shares the " + amount(theirPool)
                    + " unreserved concurrent executions left in " + rec + " by other functions' reservations, below the " + amount(myPool)
                    + " that " + f.getName() + " can use in " + p.getPrimary() + ".", c);
        }
        return Verdict.compliant(Labels.of(c) + " in " + rec + " has reserved concurrency "
                + reserved(c) + " (primary " + reserved(f) + ") and an account limit of " + amount(theirs)
                + " (primary " + amount(mine) + ").", c);
    }

    private static String reserved(Resource fn) {
        Double v = fn.num("reservedConcurrency");
        return v == null ? "none" : amount(v);
    }
}
