package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.facts.derived.TrafficVerdict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Static helpers for the traffic rules: Route 53 records and health checks of the endpoint names a
 * workload declares. Each judging helper is called only once the endpoint's Route 53 data was
 * visible and at least one record exists; the rules handle gaps and missing records themselves.
 */
public final class TrafficFunctions {
    private TrafficFunctions() {}

    public static final String RECORD = "AWS::Route53::RecordSet";
    /** Alias records have no TTL of their own; Route 53 answers them with the target's, counted as 60 s. */
    public static final long ALIAS_TTL = 60;
    private static final Set<String> ADDRESS_TYPES = Set.of("A", "AAAA", "CNAME");
    private static final Set<String> HTTP_TYPES = Set.of("HTTP", "HTTPS", "HTTP_STR_MATCH", "HTTPS_STR_MATCH");

    /** DNS name as compared: lower case, no trailing dot. */
    public static String normName(String name) {
        if (name == null) return "";
        String n = name.trim().toLowerCase(Locale.ROOT);
        return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
    }

    /** Records that answer for an endpoint: A, AAAA and CNAME (alias or not). */
    public static boolean isAddressRecord(Resource r) {
        return RECORD.equals(r.getResourceType()) && ADDRESS_TYPES.contains(String.valueOf(r.str("type")).toUpperCase(Locale.ROOT));
    }

    /**
     * A record that names an endpoint of the workload when none is declared: it routes (failover,
     * latency, weighted, geolocation or geoproximity) or points at a target in the primary region.
     */
    public static boolean discoverable(Resource rec, Workload w, String primary) {
        if (!isAddressRecord(rec) || !w.accountIds().contains(rec.getAccountId())) return false;
        return rec.has("failover") || rec.has("latencyRegion") || rec.has("weight") || rec.bool("geolocation")
                || rec.bool("geoproximity") || primary.equals(rec.str("targetRegion"));
    }

    /** The first Route 53 collection gap among the workload's accounts, described, or null. */
    public static String route53Gap(Workload w, GapIndex gaps) {
        for (String a : w.accountIds()) if (gaps.missing(a, Resource.GLOBAL, "route53")) return gaps.why(a, Resource.GLOBAL, "route53");
        return null;
    }

    /** The account holding the endpoint's zone (lowest account among its records), else the first workload account. */
    public static String zoneAccount(List<?> records, Workload w) {
        String best = null;
        for (Resource r : resources(records)) if (best == null || r.getAccountId().compareTo(best) < 0) best = r.getAccountId();
        if (best != null) return best;
        return w.accountIds().isEmpty() ? "unknown" : w.accountIds().get(0);
    }

    public static long ttlOf(Resource rec) {
        Double t = rec.num("ttl");
        return rec.has("aliasTarget") || t == null ? ALIAS_TTL : Math.round(t);
    }

    /** An alias chain that comes back to a name it already passed: no TTL can be given. */
    public static final long ALIAS_LOOP = -2;
    /** An alias to a name of its own zone where no record of its type exists. */
    public static final long ALIAS_DANGLING = -3;

    /** Route 53 records by "zone id|name", to resolve aliases within a zone. */
    public static Map<String, List<Resource>> zoneRecords(List<?> all) {
        Map<String, List<Resource>> out = new HashMap<>();
        for (Object o : all) {
            if (o instanceof Resource r && RECORD.equals(r.getResourceType())) {
                out.computeIfAbsent(r.str("hostedZoneId") + "|" + normName(r.str("name")), k -> new ArrayList<>()).add(r);
            }
        }
        return out;
    }

    /**
     * The TTL resolvers see for {@code rec}. An alias to a record in the same hosted zone answers
     * with that record's TTL (followed through further aliases, with a loop guard); an alias to an
     * AWS resource (load balancer, CloudFront, S3 website, API Gateway, another zone) is answered
     * with 60 s. {@link #ALIAS_LOOP} or {@link #ALIAS_DANGLING} when the chain does not end in a
     * record.
     */
    public static long resolvedTtl(Resource rec, Map<String, List<Resource>> zone) {
        return resolvedTtl(rec, zone, new HashSet<>());
    }

    /** An alias whose target is a record of its own hosted zone (not an AWS resource or another zone). */
    public static boolean sameZoneAlias(Resource rec) {
        String zoneId = rec.str("hostedZoneId");
        String targetZone = rec.str("aliasTarget.hostedZoneId");
        return zoneId != null && targetZone != null && zoneId.equals(targetZone.replace("/hostedzone/", ""));
    }

    private static long resolvedTtl(Resource rec, Map<String, List<Resource>> zone, Set<String> seen) {
        if (!rec.has("aliasTarget")) return ttlOf(rec);
        if (!sameZoneAlias(rec)) return ALIAS_TTL;
        String zoneId = rec.str("hostedZoneId");
        String target = normName(rec.str("aliasTarget.dnsName"));
        if (!seen.add(normName(rec.str("name")) + "|" + rec.str("type")) || seen.contains(target + "|" + rec.str("type"))) return ALIAS_LOOP;
        long worst = Long.MIN_VALUE;
        for (Resource t : zone.getOrDefault(zoneId + "|" + target, List.of())) {
            if (!String.valueOf(t.str("type")).equalsIgnoreCase(String.valueOf(rec.str("type")))) continue;
            long v = resolvedTtl(t, zone, new HashSet<>(seen));
            if (v < 0) return v;
            worst = Math.max(worst, v);
        }
        return worst == Long.MIN_VALUE ? ALIAS_DANGLING : worst;
    }

    public static long maxTtl(List<?> records) {
        long max = 0;
        for (Resource r : resources(records)) max = Math.max(max, ttlOf(r));
        return max;
    }

    private static boolean guarded(Resource rec) {
        return rec.str("healthCheckId") != null || rec.bool("aliasTarget.evaluateTargetHealth");
    }

    private static String label(Resource rec) {
        String set = rec.str("setIdentifier");
        return rec.str("type") + (set == null ? "" : " " + set);
    }

    /** Sorted by resource id, so verdicts do not depend on the order facts arrived in. */
    static List<Resource> resources(List<?> list) {
        List<Resource> out = new ArrayList<>();
        for (Object o : list) out.add((Resource) o);
        out.sort(Comparator.comparing(Resource::getResourceId));
        return out;
    }

    /**
     * ROUTE53_FAILOVER_RECORDS_CONFIGURED: a PRIMARY record targeting the pair's primary region,
     * guarded by a health check or evaluate-target-health, and a SECONDARY record targeting its
     * recovery region. Active-active workloads may instead use latency or weighted records that
     * target both regions, the one for the primary guarded.
     */
    public static TrafficVerdict failover(List<?> records, RegionPair p, Workload w) {
        List<Resource> recs = resources(records);
        String acct = zoneAccount(records, w);
        List<Resource> prim = new ArrayList<>();
        List<Resource> sec = new ArrayList<>();
        List<Resource> routed = new ArrayList<>();
        for (Resource r : recs) {
            String f = r.str("failover");
            if ("PRIMARY".equalsIgnoreCase(f)) prim.add(r);
            else if ("SECONDARY".equalsIgnoreCase(f)) sec.add(r);
            else if (r.has("latencyRegion") || r.has("weight")) routed.add(r);
        }
        if (w.isActiveActive() && prim.isEmpty() && sec.isEmpty()) {
            if (routed.isEmpty()) return v("NON_COMPLIANT", "has neither failover nor latency or weighted records covering "
                    + p.primary + " and " + p.recovery, acct);
            for (Resource r : routed) {
                if (r.str("targetRegion") == null) return v("INSUFFICIENT_DATA", "cannot be judged: the target region of its "
                        + label(r) + " record could not be resolved", acct);
            }
            Resource toPrimary = routed.stream().filter(r -> p.primary.equals(r.str("targetRegion"))).findFirst().orElse(null);
            Resource toRecovery = routed.stream().filter(r -> p.recovery.equals(r.str("targetRegion"))).findFirst().orElse(null);
            if (toPrimary == null) return v("NON_COMPLIANT", "has no latency or weighted record targeting " + p.primary, acct);
            if (toRecovery == null) return v("NON_COMPLIANT", "has no latency or weighted record targeting " + p.recovery, acct);
            boolean anyGuarded = routed.stream().filter(r -> p.primary.equals(r.str("targetRegion"))).anyMatch(TrafficFunctions::guarded);
            if (!anyGuarded) return v("NON_COMPLIANT", "routes to " + p.primary + " through a record with neither a health check nor evaluate-target-health", acct);
            return v("COMPLIANT", "has routing records targeting " + p.primary + " (guarded) and " + p.recovery, acct);
        }
        if (prim.isEmpty() && sec.isEmpty()) {
            return v("NON_COMPLIANT", "has no failover routing records (only " + (routed.isEmpty() ? "simple" : "latency or weighted")
                    + " records), so traffic cannot move to " + p.recovery, acct);
        }
        if (prim.isEmpty()) return v("NON_COMPLIANT", "has a SECONDARY failover record but no PRIMARY one", acct);
        if (sec.isEmpty()) return v("NON_COMPLIANT", "has a PRIMARY failover record but no SECONDARY one for " + p.recovery, acct);
        Resource pr = prim.get(0);
        if (pr.str("targetRegion") == null) {
            return v("INSUFFICIENT_DATA", "cannot be judged: the target region of its PRIMARY record could not be resolved", acct);
        }
        if (!p.primary.equals(pr.str("targetRegion"))) {
            return v("NON_COMPLIANT", "has its PRIMARY record pointing at " + pr.str("targetRegion") + ", not " + p.primary, acct);
        }
        Resource sr = sec.stream().filter(r -> p.recovery.equals(r.str("targetRegion"))).findFirst().orElse(null);
        if (sr == null) {
            Resource unresolved = sec.stream().filter(r -> r.str("targetRegion") == null).findFirst().orElse(null);
            if (unresolved != null) {
                return v("INSUFFICIENT_DATA", "cannot be judged: the target region of its SECONDARY record could not be resolved", acct);
            }
            return v("NON_COMPLIANT", "has its SECONDARY record pointing at " + sec.get(0).str("targetRegion") + ", not " + p.recovery, acct);
        }
        if (!guarded(pr)) {
            return v("NON_COMPLIANT", "has a PRIMARY record with neither a health check nor evaluate-target-health, so it never fails over", acct);
        }
        String guard = pr.str("healthCheckId") != null ? "health check " + pr.str("healthCheckId") : "evaluate-target-health";
        return v("COMPLIANT", "has a PRIMARY record in " + p.primary + " guarded by " + guard + " and a SECONDARY record in " + p.recovery, acct);
    }

    /**
     * ROUTE53_RECORD_TTL_WITHIN_LIMIT: every record's TTL at or below {@code maxTtl}; an alias
     * counts with the TTL it resolves to ({@link #resolvedTtl}).
     */
    public static TrafficVerdict ttl(List<?> records, long maxTtl, Workload w, Map<String, List<Resource>> zone) {
        String acct = zoneAccount(records, w);
        Resource worst = null;
        long t = Long.MIN_VALUE;
        for (Resource r : resources(records)) {
            long rt = resolvedTtl(r, zone);
            if (rt < 0) {
                return v("NON_COMPLIANT", "has its " + label(r) + " alias record pointing at " + r.str("aliasTarget.dnsName")
                        + (rt == ALIAS_LOOP ? ", an alias chain that loops back on itself" : ", which has no " + r.str("type") + " record in its zone")
                        + ", so resolvers get no answer", acct);
            }
            if (worst == null || rt > t) { worst = r; t = rt; }
        }
        String via = sameZoneAlias(worst) ? " (alias to " + normName(worst.str("aliasTarget.dnsName")) + ")" : "";
        if (t <= maxTtl) return v("COMPLIANT", "has records with TTL at most " + t + " s" + via + ", within the " + maxTtl + " s limit", acct);
        return v("NON_COMPLIANT", "has its " + label(worst) + " record with TTL " + t + " s" + via + ", above the " + maxTtl + " s limit", acct);
    }

    /**
     * ROUTE53_HEALTH_CHECK_EFFECTIVE: every health check on the endpoint's records is enabled, not
     * inverted, probes a real path (not a bare "/"), and detects a failure (request interval x
     * failure threshold) fast enough that detection plus the records' TTL fits in the RTO.
     */
    public static TrafficVerdict healthChecks(List<?> records, List<?> healthChecks, Workload w) {
        String acct = zoneAccount(records, w);
        TreeSet<String> referenced = new TreeSet<>();
        for (Resource r : resources(records)) if (r.str("healthCheckId") != null) referenced.add(r.str("healthCheckId"));
        if (referenced.isEmpty()) return v("NOT_APPLICABLE", "has no Route 53 health check on its records", acct);
        Map<String, Resource> found = new LinkedHashMap<>();
        for (Resource h : resources(healthChecks)) found.putIfAbsent(h.getResourceId(), h);
        for (String id : referenced) {
            if (!found.containsKey(id)) return v("INSUFFICIENT_DATA", "cannot be judged: health check " + id + " on its records is not in the inventory", acct);
        }
        // a disabled, inverted or "/" check is a finding whatever the RTO; only the time budget needs one
        boolean noRto = w.rtoMinutes <= 0;
        long ttl = maxTtl(records);
        long budget = w.rtoMinutes * 60;
        List<String> problems = new ArrayList<>();
        long worstDetection = 0;
        for (String id : referenced) {
            Resource h = found.get(id);
            long interval = Math.round(h.numOr("requestInterval", 30));
            long threshold = Math.round(h.numOr("failureThreshold", 3));
            long detection = interval * threshold;
            worstDetection = Math.max(worstDetection, detection);
            if (h.bool("disabled")) problems.add("health check " + id + " is disabled");
            if (h.bool("inverted")) problems.add("health check " + id + " is inverted");
            String type = String.valueOf(h.str("type")).toUpperCase(Locale.ROOT);
            String path = h.str("resourcePath");
            if (HTTP_TYPES.contains(type) && (path == null || path.isBlank() || path.equals("/"))) {
                problems.add("health check " + id + " probes the bare path \"/\"");
            }
            if (!noRto && detection + ttl > budget) {
                problems.add("health check " + id + " needs " + detection + " s to detect plus " + ttl + " s TTL, over the " + w.rtoMinutes + " min RTO");
            }
        }
        if (!problems.isEmpty()) return v("NON_COMPLIANT", "is not protected by an effective health check: " + String.join("; ", problems), acct);
        if (noRto) return v("INSUFFICIENT_DATA", "cannot be judged: the workload declares no RTO to fit detection time into", acct);
        return v("COMPLIANT", "has health checks " + String.join(", ", referenced) + " that detect failure in " + worstDetection
                + " s plus " + ttl + " s TTL, within the " + w.rtoMinutes + " min RTO", acct);
    }

    private static TrafficVerdict v(String outcome, String text, String acct) { return new TrafficVerdict(outcome, text, acct); }
}
