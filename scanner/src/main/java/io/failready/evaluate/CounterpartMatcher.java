package io.failready.evaluate;

import io.failready.facts.RegionTokens;

import io.failready.config.Workload;
import io.failready.facts.Counterpart;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds each in-scope primary resource's twin in the recovery region, in this order: the
 * service's own link, the logical-id tag, the same name, the name with region tokens swapped, then an explicit mapping from the configuration. Done in Java with hash indexes so the
 * cost is linear in the estate; the rules only read the resulting {@link Counterpart} facts.
 */
public final class CounterpartMatcher {
    private final Map<String, Resource> byId = new HashMap<>();
    private final Map<Key, List<Resource>> byTypeRegionName = new HashMap<>();
    private final Map<Key, List<Resource>> byTypeRegionTag = new HashMap<>();
    private final String tagKey;
    private final List<Workload.CounterpartMapping> mappings;

    public CounterpartMatcher(List<Resource> resources, Workload w) {
        this.tagKey = w.matching.logicalIdTag;
        this.mappings = w.matching.counterparts;
        for (Resource r : resources) {
            byId.put(r.getResourceId(), r);
            byTypeRegionName.computeIfAbsent(key(r.getResourceType(), r.getAwsRegion(), r.getResourceName()), k -> new ArrayList<>()).add(r);
            String tag = tagKey == null ? null : r.tag(tagKey);
            if (tag != null) byTypeRegionTag.computeIfAbsent(key(r.getResourceType(), r.getAwsRegion(), tag), k -> new ArrayList<>()).add(r);
        }
    }

    /** A record, not a concatenated string: two lookups per resource, and types and regions are shared strings. */
    private record Key(String type, String region, String name) {}

    private static Key key(String type, String region, String name) { return new Key(type, region, name); }

    public List<Counterpart> match(List<Resource> primaries, RegionPair pair) {
        List<Counterpart> out = new ArrayList<>();
        for (Resource r : primaries) {
            if (!r.getAwsRegion().equals(pair.primary())) continue;
            Counterpart c = find(r, pair.recovery());
            if (c != null) out.add(c);
        }
        return out;
    }

    public Counterpart find(Resource r, String recovery) {
        // 1. the service's own link
        for (Map<String, Object> link : r.maps("replicaLinks")) {
            if (!recovery.equals(link.get("region"))) continue;
            Object id = link.get("resourceId");
            Resource c = id == null ? null : byId.get(String.valueOf(id));
            if (c != null && c.getAwsRegion().equals(recovery)) return new Counterpart(r.getResourceType(), r.getResourceId(), recovery, c, "service-link");
            Object name = link.get("resourceName");
            if (name != null) {
                c = pick(byTypeRegionName.get(key(r.getResourceType(), recovery, String.valueOf(name))), r);
                if (c != null) return new Counterpart(r.getResourceType(), r.getResourceId(), recovery, c, "service-link");
            }
        }
        // 2. explicit logical-id tag
        String tag = tagKey == null ? null : r.tag(tagKey);
        if (tag != null) {
            Resource c = pick(byTypeRegionTag.get(key(r.getResourceType(), recovery, tag)), r);
            if (c != null) return new Counterpart(r.getResourceType(), r.getResourceId(), recovery, c, "logical-id-tag");
        }
        // 3. same name
        Resource c = pick(byTypeRegionName.get(key(r.getResourceType(), recovery, r.getResourceName())), r);
        if (c != null) return new Counterpart(r.getResourceType(), r.getResourceId(), recovery, c, "same-name");
        // 4. name with the region's tokens swapped
        String translated = RegionTokens.translate(r.getResourceName(), r.getAwsRegion(), recovery);
        if (translated != null) {
            c = pick(byTypeRegionName.get(key(r.getResourceType(), recovery, translated)), r);
            if (c != null) return new Counterpart(r.getResourceType(), r.getResourceId(), recovery, c, "region-token-name");
        }
        // 5. explicit mapping in the configuration
        for (Workload.CounterpartMapping m : mappings) {
            if (m.primary.equals(r.getResourceId()) || m.primary.equals(r.getResourceName())) {
                c = byId.get(m.recovery);
                if (c == null) c = pick(byTypeRegionName.get(key(r.getResourceType(), recovery, m.recovery)), r);
                if (c != null && c.getAwsRegion().equals(recovery)) return new Counterpart(r.getResourceType(), r.getResourceId(), recovery, c, "config-mapping");
            }
        }
        return null;
    }

    /** Prefer a twin in the same account; otherwise the lowest account id, for determinism. */
    private static Resource pick(List<Resource> candidates, Resource r) {
        if (candidates == null || candidates.isEmpty()) return null;
        for (Resource c : candidates) if (c.getAccountId().equals(r.getAccountId()) && c != r) return c;
        return candidates.stream().filter(c -> c != r).min(Comparator.comparing(Resource::getAccountId)).orElse(null);
    }
}
