package io.failready.rules.traffic;

import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DnsRecords;
import io.failready.rules.api.TrafficIndex;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * ROUTE53_FAILOVER_RECORDS_CONFIGURED: the decision for one endpoint name and region pair.
 * Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class Route53FailoverRecordsConfigured {
    private Route53FailoverRecordsConfigured() {}

    public static Verdict decide(String endpoint, RegionPair p, Workload w, TrafficIndex ix, GapIndex g) {
        Verdict unreadable = ix.unreadable(endpoint, g);
        if (unreadable != null) return unreadable;
        List<Resource> recs = ix.records(endpoint);
        if (recs.isEmpty()) {
            return Verdict.nonCompliant("Route 53 endpoint " + endpoint + " has no A, AAAA or CNAME record in the inventory, so nothing routes it to "
                    + p.getRecovery() + ".", null);
        }
        List<Resource> prim = new ArrayList<>();
        List<Resource> sec = new ArrayList<>();
        List<Resource> routed = new ArrayList<>();
        for (Resource r : recs) {
            String f = r.str("failover");
            if ("PRIMARY".equalsIgnoreCase(f)) prim.add(r);
            else if ("SECONDARY".equalsIgnoreCase(f)) sec.add(r);
            else if (r.has("latencyRegion") || r.has("weight")) routed.add(r);
        }
        Verdict v = w.isActiveActive() && prim.isEmpty() && sec.isEmpty() ? routing(routed, p) : failover(prim, sec, routed, p);
        return new Verdict(v.type(), "Route 53 endpoint " + endpoint + " " + v.annotation() + ".", null);
    }

    /** Active-active without failover records: latency or weighted records to both regions, the primary's guarded. */
    private static Verdict routing(List<Resource> routed, RegionPair p) {
        if (routed.isEmpty()) return Verdict.nonCompliant("has neither failover nor latency or weighted records covering " + p.primary + " and " + p.recovery, null);
        for (Resource r : routed) {
            if (r.str("targetRegion") == null) {
                return Verdict.insufficientData("cannot be judged: the target region of its " + DnsRecords.label(r) + " record could not be resolved");
            }
        }
        List<Resource> toPrimary = routed.stream().filter(r -> p.primary.equals(r.str("targetRegion"))).toList();
        if (toPrimary.isEmpty()) return Verdict.nonCompliant("has no latency or weighted record targeting " + p.primary, null);
        if (routed.stream().noneMatch(r -> p.recovery.equals(r.str("targetRegion")))) {
            return Verdict.nonCompliant("has no latency or weighted record targeting " + p.recovery, null);
        }
        if (toPrimary.stream().noneMatch(DnsRecords::guarded)) {
            return Verdict.nonCompliant("routes to " + p.primary + " through a record with neither a health check nor evaluate-target-health", null);
        }
        return Verdict.compliant("has routing records targeting " + p.primary + " (guarded) and " + p.recovery, null);
    }

    /** A PRIMARY record to the primary region, guarded, and a SECONDARY record to the recovery region. */
    private static Verdict failover(List<Resource> prim, List<Resource> sec, List<Resource> routed, RegionPair p) {
        if (prim.isEmpty() && sec.isEmpty()) {
            return Verdict.nonCompliant("has no failover routing records (only " + (routed.isEmpty() ? "simple" : "latency or weighted")
                    + " records), so traffic cannot move to " + p.recovery, null);
        }
        if (prim.isEmpty()) return Verdict.nonCompliant("has a SECONDARY failover record but no PRIMARY one", null);
        if (sec.isEmpty()) return Verdict.nonCompliant("has a PRIMARY failover record but no SECONDARY one for " + p.recovery, null);
        Resource pr = prim.get(0);
        if (pr.str("targetRegion") == null) {
            return Verdict.insufficientData("cannot be judged: the target region of its PRIMARY record could not be resolved");
        }
        if (!p.primary.equals(pr.str("targetRegion"))) {
            return Verdict.nonCompliant("has its PRIMARY record pointing at " + pr.str("targetRegion") + ", not " + p.primary, null);
        }
        if (sec.stream().noneMatch(r -> p.recovery.equals(r.str("targetRegion")))) {
            if (sec.stream().anyMatch(r -> r.str("targetRegion") == null)) {
                return Verdict.insufficientData("cannot be judged: the target region of its SECONDARY record could not be resolved");
            }
            return Verdict.nonCompliant("has its SECONDARY record pointing at " + sec.get(0).str("targetRegion") + ", not " + p.recovery, null);
        }
        if (!DnsRecords.guarded(pr)) {
            return Verdict.nonCompliant("has a PRIMARY record with neither a health check nor evaluate-target-health, so it never fails over", null);
        }
        String guard = pr.str("healthCheckId") != null ? "health check " + pr.str("healthCheckId") : "evaluate-target-health";
        return Verdict.compliant("has a PRIMARY record in " + p.primary + " guarded by " + guard + " and a SECONDARY record in " + p.recovery, null);
    }

    /**
     * The workload has no endpoint declared or discovered: nothing shows traffic can move, so the
     * traffic section says so instead of staying silently empty.
     */
    public static Verdict noEndpoint(Workload w, RegionPair p, TrafficIndex ix, GapIndex g) {
        String gap = ix.route53Gap(g);
        return Verdict.insufficientData("Workload " + w.getName() + ": no DNS endpoint declared or found"
                + (gap == null ? "" : " (Route 53 unreadable: " + gap + ")") + ", so nothing shows traffic can move to "
                + p.getRecovery() + ". Declare the workload's endpoints: (DNS names) in the configuration.");
    }
}
