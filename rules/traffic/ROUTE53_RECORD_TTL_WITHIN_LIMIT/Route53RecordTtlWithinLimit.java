package io.failready.rules.traffic;

import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.rules.api.DnsRecords;
import io.failready.rules.api.TrafficIndex;
import io.failready.rules.api.Verdict;

/**
 * ROUTE53_RECORD_TTL_WITHIN_LIMIT: the decision for one endpoint name. An alias counts with the
 * TTL it resolves to; a chain that loops or ends in no record fails before any TTL is compared.
 */
public final class Route53RecordTtlWithinLimit {
    private Route53RecordTtlWithinLimit() {}

    public static Verdict decide(String endpoint, long maxTtl, TrafficIndex ix, GapIndex g) {
        Verdict unreadable = ix.unreadable(endpoint, g);
        if (unreadable != null) return unreadable;
        String who = "Route 53 endpoint " + endpoint;
        Resource worst = null;
        long t = Long.MIN_VALUE;
        for (Resource r : ix.records(endpoint)) {
            long rt = ix.resolvedTtl(r);
            if (rt < 0) {
                return Verdict.nonCompliant(who + " has its " + DnsRecords.label(r) + " alias record pointing at " + r.str("aliasTarget.dnsName")
                        + (rt == DnsRecords.ALIAS_LOOP ? ", an alias chain that loops back on itself" : ", which has no " + r.str("type") + " record in its zone")
                        + ", so resolvers get no answer.", null);
            }
            if (worst == null || rt > t) { worst = r; t = rt; }
        }
        if (worst == null) {
            return Verdict.notApplicable(who + " has no record to check the TTL of (see ROUTE53_FAILOVER_RECORDS_CONFIGURED).");
        }
        String via = DnsRecords.sameZoneAlias(worst) ? " (alias to " + DnsRecords.normName(worst.str("aliasTarget.dnsName")) + ")" : "";
        if (t <= maxTtl) return Verdict.compliant(who + " has records with TTL at most " + t + " s" + via + ", within the " + maxTtl + " s limit.", null);
        return Verdict.nonCompliant(who + " has its " + DnsRecords.label(worst) + " record with TTL " + t + " s" + via
                + ", above the " + maxTtl + " s limit.", null);
    }
}
