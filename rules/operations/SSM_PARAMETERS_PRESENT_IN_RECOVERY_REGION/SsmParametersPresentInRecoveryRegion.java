package io.failready.rules.operations;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.RecoverySide;
import io.failready.rules.api.Verdict;

/** SSM_PARAMETERS_PRESENT_IN_RECOVERY_REGION: the decision for one in-scope parameter in the primary region (gaps first, then its counterpart). */
public final class SsmParametersPresentInRecoveryRegion {
    private SsmParametersPresentInRecoveryRegion() {}

    public static Verdict decide(Resource r, RegionPair p, GapIndex g, Counterparts cps) {
        return RecoverySide.counterpartPresent(r, p, g, cps, "ssm");
    }
}
