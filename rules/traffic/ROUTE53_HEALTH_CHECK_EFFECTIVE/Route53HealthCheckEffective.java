package io.failready.rules.traffic;

import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.rules.api.DnsRecords;
import io.failready.rules.api.TrafficIndex;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * ROUTE53_HEALTH_CHECK_EFFECTIVE: the decision for one endpoint name. A disabled, inverted or "/"
 * check is a finding whatever the RTO; only the time budget needs a declared RTO.
 */
public final class Route53HealthCheckEffective {
    private Route53HealthCheckEffective() {}

    private static final Set<String> HTTP_TYPES = Set.of("HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH");

    public static Verdict decide(String endpoint, Workload w, TrafficIndex ix, GapIndex g) {
        Verdict unreadable = ix.unreadable(endpoint, g);
        if (unreadable != null) return unreadable;
        String who = "Route 53 endpoint " + endpoint;
        List<Resource> records = ix.records(endpoint);
        if (records.isEmpty()) {
            return Verdict.notApplicable(who + " has no record, so no health check guards it (see ROUTE53_FAILOVER_RECORDS_CONFIGURED).");
        }
        TreeSet<String> referenced = new TreeSet<>();
        for (Resource r : records) if (r.str("healthCheckId") != null) referenced.add(r.str("healthCheckId"));
        if (referenced.isEmpty()) return Verdict.notApplicable(who + " has no Route 53 health check on its records.");
        for (String id : referenced) {
            if (ix.healthCheck(id) == null) {
                return Verdict.insufficientData(who + " cannot be judged: health check " + id + " on its records is not in the inventory.");
            }
        }
        boolean noRto = w.rtoMinutes <= 0;
        long ttl = DnsRecords.maxTtl(records);
        long budget = w.rtoMinutes * 60;
        List<String> problems = new ArrayList<>();
        long worstDetection = 0;
        for (String id : referenced) {
            Resource h = ix.healthCheck(id);
            long detection = Math.round(h.numOr("requestInterval", 30)) * Math.round(h.numOr("failureThreshold", 3));
            worstDetection = Math.max(worstDetection, detection);
            if (h.bool("disabled")) problems.add("health check " + id + " is disabled");
            if (h.bool("inverted")) problems.add("health check " + id + " is inverted");
            String path = h.str("resourcePath");
            if (HTTP_TYPES.contains(String.valueOf(h.str("type")).toUpperCase(Locale.ROOT)) && (path == null || path.isBlank() || path.equals("/"))) {
                problems.add("health check " + id + " probes the bare path \"/\"");
            }
            if (!noRto && detection + ttl > budget) {
                problems.add("health check " + id + " needs " + detection + " s to detect plus " + ttl + " s TTL, over the " + w.rtoMinutes + " min RTO");
            }
        }
        if (!problems.isEmpty()) return Verdict.nonCompliant(who + " is not protected by an effective health check: " + String.join("; ", problems) + ".", null);
        if (noRto) return Verdict.insufficientData(who + " cannot be judged: the workload declares no RTO to fit detection time into.");
        return Verdict.compliant(who + " has health checks " + String.join(", ", referenced) + " that detect failure in " + worstDetection
                + " s plus " + ttl + " s TTL, within the " + w.rtoMinutes + " min RTO.", null);
    }
}
