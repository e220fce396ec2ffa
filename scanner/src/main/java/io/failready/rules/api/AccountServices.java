package io.failready.rules.api;

import io.failready.facts.GapIndex;
import io.failready.facts.Resource;

import java.util.Collection;
import java.util.function.Predicate;

/**
 * Verdicts on whether a regional security service is switched on in one account and region
 * (GuardDuty, AWS Config, Security Hub). "Not enabled" is data, not a gap: the collectors record no
 * resource then, and record a gap when they could not ask.
 */
public final class AccountServices {
    private AccountServices() {}

    /** "in account 111111111111 in eu-west-1". */
    public static String in(String account, String region) { return "in account " + account + " in " + region; }

    /** The service could not be read there: "GuardDuty: cannot tell whether it is enabled in account ... (why)." */
    public static Verdict unknown(String product, String service, String account, String region, GapIndex g) {
        return Verdict.insufficientData(Text.fit(product + ": cannot tell whether it is enabled " + in(account, region)
                + " (" + g.why(account, region, service) + ")."));
    }

    /**
     * For a service whose resource (detector, recorder) exists per account and region: the service
     * could not be read -> INSUFFICIENT_DATA (before anything found, since a partial read proves
     * nothing); a resource that is {@code on} -> COMPLIANT; resources, none on -> NON_COMPLIANT;
     * none -> NON_COMPLIANT. Each annotation reads "{@code product} has {@code phrase} in account A in R."
     */
    public static Verdict enabled(String product, String service, String account, String region, GapIndex g,
                                  Collection<?> found, Predicate<Resource> on, String onPhrase, String offPhrase, String nonePhrase) {
        if (g.missing(account, region, service)) return unknown(product, service, account, region, g);
        boolean any = false;
        for (Object o : found) {
            if (!(o instanceof Resource r)) continue;
            if (on.test(r)) return Verdict.compliant(product + " has " + onPhrase + " " + in(account, region) + ".", null);
            any = true;
        }
        return Verdict.nonCompliant(product + " has " + (any ? offPhrase : nonePhrase) + " " + in(account, region) + ".", null);
    }
}
