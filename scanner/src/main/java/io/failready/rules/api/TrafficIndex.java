package io.failready.rules.api;

import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The workload's DNS endpoints and the Route 53 data that answers for them, built once per
 * workload session by the engine: address records by endpoint name, health checks by id, every
 * record by zone and name (for alias resolution). Each rule then reads an endpoint's records by
 * hash, so the traffic rules stay linear in the estate.
 *
 * <p>The endpoints are the names the workload declares (endpoints:), normalised; when it declares
 * none, the names of records in its accounts' zones that route (failover, latency, weighted, geo)
 * or point at a primary region of one of its region pairs (discovered).
 */
public final class TrafficIndex {
    private final Workload workload;
    private final List<String> endpoints;
    private final Map<String, List<Resource>> recordsByName = new HashMap<>();
    private final Map<String, Resource> healthChecks = new HashMap<>();
    private final Map<String, List<Resource>> zone = new HashMap<>();

    public TrafficIndex(Workload w, List<RegionPair> pairs, List<Resource> resources) {
        this.workload = w;
        // sorted by resource id, so verdicts do not depend on the order facts arrived in
        List<Resource> sorted = new ArrayList<>();
        for (Resource r : resources) {
            if (DnsRecords.RECORD.equals(r.getResourceType()) || DnsRecords.HEALTH_CHECK.equals(r.getResourceType())) sorted.add(r);
        }
        sorted.sort(Comparator.comparing(Resource::getResourceId, Comparator.nullsFirst(Comparator.naturalOrder())));
        Set<String> primaries = new HashSet<>();
        for (RegionPair p : pairs) primaries.add(p.getPrimary());
        TreeSet<String> names = new TreeSet<>();
        for (String e : w.endpoints) names.add(DnsRecords.normName(e));
        for (Resource r : sorted) {
            if (DnsRecords.HEALTH_CHECK.equals(r.getResourceType())) healthChecks.putIfAbsent(r.getResourceId(), r);
            if (!DnsRecords.RECORD.equals(r.getResourceType())) continue;
            zone.computeIfAbsent(DnsRecords.zoneKey(r), k -> new ArrayList<>()).add(r);
            if (!DnsRecords.isAddressRecord(r)) continue;
            String name = DnsRecords.normName(r.str("name"));
            recordsByName.computeIfAbsent(name, k -> new ArrayList<>()).add(r);
            if (w.endpoints.isEmpty() && discoverable(r, w, primaries)) names.add(name);
        }
        this.endpoints = List.copyOf(names);
    }

    /** An address record that names an endpoint of the workload when none is declared. */
    private static boolean discoverable(Resource rec, Workload w, Set<String> primaries) {
        if (!w.accountIds().contains(rec.getAccountId())) return false;
        return rec.has("failover") || rec.has("latencyRegion") || rec.has("weight") || rec.bool("geolocation")
                || rec.bool("geoproximity") || primaries.contains(rec.str("targetRegion"));
    }

    /** The endpoint names, sorted. */
    public List<String> getEndpoints() { return endpoints; }

    /** The A, AAAA and CNAME records answering for the endpoint, by resource id; empty when none. */
    public List<Resource> records(String endpoint) { return recordsByName.getOrDefault(endpoint, List.of()); }

    /** The inventoried health check with this id, or null. */
    public Resource healthCheck(String id) { return healthChecks.get(id); }

    /** The TTL resolvers see for a record (see {@link DnsRecords#resolvedTtl}). */
    public long resolvedTtl(Resource rec) { return DnsRecords.resolvedTtl(rec, zone); }

    /** The first Route 53 collection gap among the workload's accounts, described, or null. */
    public String route53Gap(GapIndex gaps) {
        for (String a : workload.accountIds()) if (gaps.missing(a, Resource.GLOBAL, "route53")) return gaps.why(a, Resource.GLOBAL, "route53");
        return null;
    }

    /**
     * The endpoint as the traffic rules file it: region global, under the account holding its zone
     * (the lowest account among its records), else, and whenever Route 53 could not be read, the
     * workload's first account.
     */
    public Subject endpoint(String name, RegionPair p, GapIndex gaps) {
        String account = null;
        if (route53Gap(gaps) == null) {
            for (Resource r : records(name)) if (account == null || r.getAccountId().compareTo(account) < 0) account = r.getAccountId();
        }
        return new Subject(DnsRecords.RECORD, name, account != null ? account : Subject.firstAccount(workload), Resource.GLOBAL, p.getRecovery());
    }

    /** What every endpoint rule says first when Route 53 could not be read; null when it could. */
    public Verdict unreadable(String endpoint, GapIndex gaps) {
        String gap = route53Gap(gaps);
        return gap == null ? null : Verdict.insufficientData("Route 53 endpoint " + endpoint + ": cannot read its records (" + gap + ").");
    }
}
