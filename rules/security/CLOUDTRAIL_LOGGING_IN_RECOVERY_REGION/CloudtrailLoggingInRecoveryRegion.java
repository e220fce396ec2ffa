package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.Collection;

/**
 * CLOUDTRAIL_LOGGING_IN_RECOVERY_REGION: the decision for one workload account and region pair,
 * from the trails of the account and every organization trail seen. Scenarios are checked in the
 * order the rule's documentation lists them.
 */
public final class CloudtrailLoggingInRecoveryRegion {
    private CloudtrailLoggingInRecoveryRegion() {}

    /**
     * The best covering trail ({@link #bestTrail}) logs with log file validation -> COMPLIANT, even
     * if cloudtrail could not be read somewhere (positive evidence); else cloudtrail unreadable in the
     * account's recovery or primary region -> INSUFFICIENT_DATA; no covering trail -> NON_COMPLIANT;
     * the best trail logs without validation, or is not logging -> NON_COMPLIANT; its logging status
     * was not read -> INSUFFICIENT_DATA.
     */
    public static Verdict decide(String account, RegionPair p, Collection<?> trails, GapIndex g) {
        String rec = p.getRecovery();
        String forAccount = " for account " + account;
        Resource t = bestTrail(trails, rec);
        String trail = t == null ? null : "CloudTrail trail " + t.getResourceName();
        if (t != null && t.bool("isLogging") && t.bool("logFileValidationEnabled")) {
            return Verdict.compliant(trail + " logs " + rec + forAccount + " with log file validation.", null);
        }
        String region = g.missing(account, rec, "cloudtrail") ? rec : g.missing(account, p.getPrimary(), "cloudtrail") ? p.getPrimary() : null;
        if (region != null) {
            return Verdict.insufficientData(Text.fit("CloudTrail: cannot tell whether a logging trail covers " + rec + forAccount
                    + " (" + g.why(account, region, "cloudtrail") + ")."));
        }
        if (t == null) return Verdict.nonCompliant("CloudTrail has no trail covering " + rec + forAccount + ".", null);
        if (t.bool("isLogging")) return Verdict.nonCompliant(trail + " logs " + rec + forAccount + " without log file validation.", null);
        if (t.has("isLogging")) return Verdict.nonCompliant(trail + " covers " + rec + forAccount + " but is not logging.", null);
        return Verdict.insufficientData(Text.fit(trail + " covers " + rec + forAccount + " but whether it is logging is unknown ("
                + g.why(t, "cloudtrail") + ")."));
    }

    /** Whether the trail records events in {@code region}: a multi-region trail, or a trail whose home is that region. */
    static boolean covers(Resource trail, String region) {
        return trail.bool("isMultiRegionTrail") || region.equals(trail.str("homeRegion"))
                || (!trail.has("homeRegion") && region.equals(trail.getAwsRegion()));
    }

    /**
     * The best trail covering {@code region}: logging with log file validation, then logging, then
     * not logging; ties by ARN, so the choice does not depend on collection order. Null when none covers it.
     */
    static Resource bestTrail(Collection<?> trails, String region) {
        Resource best = null;
        for (Object o : trails) {
            if (!(o instanceof Resource t) || !covers(t, region)) continue;
            if (best == null || score(t) > score(best)
                    || (score(t) == score(best) && t.getResourceId().compareTo(best.getResourceId()) < 0)) best = t;
        }
        return best;
    }

    private static int score(Resource t) {
        return (t.bool("isLogging") ? 2 : 0) + (t.bool("logFileValidationEnabled") ? 1 : 0);
    }
}
