package io.failready.rules.api;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.CollectionGap;
import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Facts for the unit tests of rule decisions: an account, a region pair and resources built in one
 * line each, so a test reads as the scenario it checks.
 */
public final class TestFacts {
    private TestFacts() {}

    public static final String ACCOUNT = "111111111111";
    public static final String PRIMARY = "us-east-1";
    public static final String RECOVERY = "eu-west-1";
    public static final RegionPair PAIR = new RegionPair("w", PRIMARY, RECOVERY);
    public static final GapIndex NO_GAPS = gaps();

    /** An in-scope resource in {@link #ACCOUNT}; {@code kv} alternates configuration keys and values. */
    public static Resource resource(String type, String id, String name, String region, Object... kv) {
        Resource r = new Resource(type, id, name, ACCOUNT, region, Map.of(), config(kv));
        r.setInScope(true);
        return r;
    }

    public static Map<String, Object> config(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put((String) kv[i], kv[i + 1]);
        return m;
    }

    public static GapIndex gaps(CollectionGap... g) { return new GapIndex(List.of(g), Set.of(), Set.of()); }

    /** {@code service} could not be read at all in {@code region} of {@link #ACCOUNT}. */
    public static CollectionGap denied(String region, String service) {
        return CollectionGap.serviceWide(ACCOUNT, region, service, "List", "AccessDenied", "denied");
    }

    /** A workload "w" in {@link #ACCOUNT} over {@link #PAIR}; a non-positive RTO or RPO means "not declared". */
    public static Workload workload(DrStrategy strategy, long rtoMinutes, long rpoSeconds) {
        Workload w = new Workload();
        w.name = "w";
        Workload.AccountRef a = new Workload.AccountRef();
        a.id = ACCOUNT;
        w.accounts.add(a);
        w.primaryRegion = PRIMARY;
        w.recoveryRegions.add(RECOVERY);
        w.strategy = strategy;
        w.rtoMinutes = rtoMinutes;
        w.rpoSeconds = rpoSeconds;
        return w;
    }

    /** A gap on one resource of {@code type} in {@link #ACCOUNT} (a detail call that failed for it alone). */
    public static CollectionGap deniedOn(String region, String service, String type, String resourceId) {
        return new CollectionGap(ACCOUNT, region, service, "Describe", type, resourceId, "AccessDenied", "denied");
    }

    /** A workload "w" of {@link #ACCOUNT} over {@link #PAIR}, with the given strategy and RTO (minutes, -1 for none). */
    public static Workload workload(DrStrategy strategy, long rtoMinutes) {
        return workload(strategy, rtoMinutes, -1);
    }

    /** {@code recovery} is the counterpart of {@code primary} in the recovery region of {@link #PAIR}. */
    public static Counterparts twins(Resource primary, Resource recovery) {
        return new Counterparts(List.of(new Counterpart(primary.getResourceType(), primary.getResourceId(), RECOVERY, recovery, "same-name")));
    }

    public static final Counterparts NO_TWINS = new Counterparts(List.of());

    /** A Route 53 A record {@code name} in hosted zone Z1 of {@link #ACCOUNT}; {@code kv} adds or overrides configuration. */
    public static Resource dnsRecord(String id, String name, Object... kv) {
        Object[] all = new Object[kv.length + 6];
        all[0] = "name"; all[1] = name; all[2] = "type"; all[3] = "A"; all[4] = "hostedZoneId"; all[5] = "Z1";
        System.arraycopy(kv, 0, all, 6, kv.length);
        return resource("AWS::Route53::RecordSet", id, name, Resource.GLOBAL, all);
    }

    /** Each evaluation as its report JSON, in the given order: what two runs must agree on, field for field. */
    public static java.util.List<String> canonical(java.util.List<io.failready.model.Evaluation> evals) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (io.failready.model.Evaluation e : evals) {
            try {
                out.add(io.failready.util.Json.MAPPER.writeValueAsString(e));
            } catch (com.fasterxml.jackson.core.JsonProcessingException x) {
                throw new IllegalStateException(x);
            }
        }
        return out;
    }
}
