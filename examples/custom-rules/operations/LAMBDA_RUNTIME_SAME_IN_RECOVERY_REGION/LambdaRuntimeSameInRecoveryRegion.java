package com.example.rules.operations;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Verdict;

/**
 * LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION: the decision for one in-scope function in the primary
 * region. Scenarios are checked in the order the rule's documentation lists them.
 */
public final class LambdaRuntimeSameInRecoveryRegion {
    private LambdaRuntimeSameInRecoveryRegion() {}

    public static Verdict decide(Resource fn, RegionPair p, Counterparts cp, GapIndex g) {
        String who = Labels.of(fn);
        // a function we could not list in the recovery region may well be there: never a pass or a fail
        if (g.missingFor(fn, "lambda") || g.missing(fn.getAccountId(), p.recovery, "lambda")) {
            String why = g.missingFor(fn, "lambda") ? g.why(fn, "lambda") : g.why(fn.getAccountId(), p.recovery, "lambda");
            return Verdict.insufficientData(who + ": cannot read Lambda functions (" + why + ").");
        }
        String runtime = fn.str("runtime");
        if (runtime == null || runtime.isBlank()) {
            return Verdict.notApplicable(who + " is deployed as a container image; it has no runtime to compare.");
        }
        Resource twin = cp.of(fn, p.recovery);
        if (twin == null) {
            return Verdict.nonCompliant(who + " has no counterpart in " + p.recovery + ".", null);
        }
        String twinRuntime = twin.str("runtime");
        if (!runtime.equals(twinRuntime)) {
            return Verdict.nonCompliant(who + " runs " + runtime + " but its counterpart " + twin.getResourceName() + " in "
                    + p.recovery + " runs " + (twinRuntime == null ? "a container image" : twinRuntime) + ".", twin);
        }
        return Verdict.compliant(who + " and its counterpart in " + p.recovery + " both run " + runtime + ".", twin);
    }
}
