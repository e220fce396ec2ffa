package io.failready.rules.api;

import io.failready.facts.Resource;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Route 53 record semantics the traffic rules share: DNS names as compared, which records answer
 * for an endpoint, the TTL a resolver sees (following same-zone aliases), and what guards a record.
 */
public final class DnsRecords {
    private DnsRecords() {}

    public static final String RECORD = "AWS::Route53::RecordSet";
    public static final String HEALTH_CHECK = "AWS::Route53::HealthCheck";
    /** Alias records have no TTL of their own; Route 53 answers them with the target's, counted as 60 s. */
    public static final long ALIAS_TTL = 60;
    /** An alias chain that comes back to a name it already passed: no TTL can be given. */
    public static final long ALIAS_LOOP = -2;
    /** An alias to a name of its own zone where no record of its type exists. */
    public static final long ALIAS_DANGLING = -3;
    private static final Set<String> ADDRESS_TYPES = Set.of("A", "AAAA", "CNAME");

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

    /** The key {@link #resolvedTtl} finds a record's alias targets under: "zone id|name". */
    public static String zoneKey(Resource rec) { return zoneKey(rec.str("hostedZoneId"), rec.str("name")); }

    private static String zoneKey(String zoneId, String name) { return zoneId + "|" + normName(name); }

    public static long ttlOf(Resource rec) {
        Double t = rec.num("ttl");
        return rec.has("aliasTarget") || t == null ? ALIAS_TTL : Math.round(t);
    }

    /** The largest own TTL among the records (alias: 60 s). */
    public static long maxTtl(List<Resource> records) {
        long max = 0;
        for (Resource r : records) max = Math.max(max, ttlOf(r));
        return max;
    }

    /** An alias whose target is a record of its own hosted zone (not an AWS resource or another zone). */
    public static boolean sameZoneAlias(Resource rec) {
        String zoneId = rec.str("hostedZoneId");
        String targetZone = rec.str("aliasTarget.hostedZoneId");
        return zoneId != null && targetZone != null && zoneId.equals(targetZone.replace("/hostedzone/", ""));
    }

    /**
     * The TTL resolvers see for {@code rec}. An alias to a record in the same hosted zone answers
     * with that record's TTL (followed through further aliases, with a loop guard); an alias to an
     * AWS resource (load balancer, CloudFront, S3 website, API Gateway, another zone) is answered
     * with 60 s. {@link #ALIAS_LOOP} or {@link #ALIAS_DANGLING} when the chain does not end in a
     * record. {@code zone} holds every record under its {@link #zoneKey}.
     */
    public static long resolvedTtl(Resource rec, Map<String, List<Resource>> zone) {
        return resolvedTtl(rec, zone, new HashSet<>());
    }

    private static long resolvedTtl(Resource rec, Map<String, List<Resource>> zone, Set<String> seen) {
        if (!rec.has("aliasTarget")) return ttlOf(rec);
        if (!sameZoneAlias(rec)) return ALIAS_TTL;
        String target = normName(rec.str("aliasTarget.dnsName"));
        if (!seen.add(normName(rec.str("name")) + "|" + rec.str("type")) || seen.contains(target + "|" + rec.str("type"))) return ALIAS_LOOP;
        long worst = Long.MIN_VALUE;
        for (Resource t : zone.getOrDefault(zoneKey(rec.str("hostedZoneId"), target), List.of())) {
            if (!String.valueOf(t.str("type")).equalsIgnoreCase(String.valueOf(rec.str("type")))) continue;
            long v = resolvedTtl(t, zone, new HashSet<>(seen));
            if (v < 0) return v;
            worst = Math.max(worst, v);
        }
        return worst == Long.MIN_VALUE ? ALIAS_DANGLING : worst;
    }

    /** Traffic leaves the record when its target fails: a health check, or evaluate-target-health on an alias. */
    public static boolean guarded(Resource rec) {
        return rec.str("healthCheckId") != null || rec.bool("aliasTarget.evaluateTargetHealth");
    }

    /** "A primary-use1": the record's type and set identifier, for annotations. */
    public static String label(Resource rec) {
        String set = rec.str("setIdentifier");
        return rec.str("type") + (set == null ? "" : " " + set);
    }
}
