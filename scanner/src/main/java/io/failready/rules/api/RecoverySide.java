package io.failready.rules.api;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;

/**
 * What every rule that compares a primary-region resource with its counterpart checks first:
 * whether the service could be read for the subject and in the recovery region of its account.
 * A gap there would otherwise read as "no counterpart", a failure nobody saw.
 */
public final class RecoverySide {
    private RecoverySide() {}

    /**
     * Why {@code service} could not be read for the subject, or in the recovery region of its
     * account (where its counterpart would be); null when both were read.
     */
    public static String blind(Resource r, String recovery, GapIndex g, String service) {
        if (g.missingFor(r, service)) return g.why(r, service);
        if (g.missing(r.getAccountId(), recovery, service)) return g.why(r.getAccountId(), recovery, service);
        return null;
    }

    /**
     * The presence rules (an alarm, a parameter has a twin in the recovery region): gaps first,
     * then the counterpart, named with how it was matched.
     */
    public static Verdict counterpartPresent(Resource r, RegionPair p, GapIndex g, Counterparts cps, String service) {
        String rec = p.getRecovery();
        String who = Labels.of(r);
        String why = blind(r, rec, g, service);
        if (why != null) return Verdict.insufficientData(who + ": cannot tell whether it exists in " + rec + " (" + why + ").");
        Resource c = cps.of(r, rec);
        if (c == null) return Verdict.nonCompliant(who + " has no counterpart in " + rec + ".", null);
        return Verdict.compliant(who + " has a counterpart in " + rec + ": " + c.getName()
                + " (matched by " + cps.matchedBy(r, rec) + ").", c);
    }

    /** The SDK service id whose collection gap hides a resource of this type ("*" when none is known). */
    public static String service(Resource r) {
        return Labels.service(r.getResourceType());
    }
}
