package io.failready.facts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One fact holding every collection gap, indexed, so a rule asks "could we see service X in this
 * account and region?" in O(1) instead of joining against every gap:
 * {@code $g : GapIndex( missingFor($r, "s3") )} then {@code $g.why($r, "s3")} for the annotation.
 */
public final class GapIndex {
    private final Map<Key, CollectionGap> byService = new HashMap<>();
    private final Map<String, CollectionGap> byResource = new HashMap<>();
    private final Set<String> collectedAccounts;
    private final Set<String> collectedRegions;

    /*
     * A record, not "account|region|service": rules ask once or twice per resource, and the
     * concatenated keys (each hashed anew) were 4 % of a 100k evaluation's allocation.
     */
    private record Key(String accountId, String region, String service) {}

    public GapIndex(List<CollectionGap> gaps, Set<String> collectedAccounts, Set<String> collectedRegions) {
        this.collectedAccounts = collectedAccounts;
        this.collectedRegions = collectedRegions;
        for (CollectionGap g : gaps) {
            if (g.getResourceId() != null) byResource.putIfAbsent(g.getResourceId(), g);
            else byService.putIfAbsent(new Key(g.getAccountId(), g.getRegion(), g.getService()), g);
        }
    }

    /** The gap that hides {@code service} in that account and region, or null if it was collected. */
    public CollectionGap gap(String accountId, String region, String service) {
        CollectionGap g = byService.get(new Key(accountId, region, service));
        if (g == null) g = byService.get(new Key(accountId, region, CollectionGap.ALL_SERVICES));
        if (g == null && !notCollectedExempt(accountId, region)) {
            g = new CollectionGap(accountId, region, CollectionGap.ALL_SERVICES, null, null, null, "NotCollected",
                    "the snapshot does not cover account " + accountId + " in " + region);
        }
        return g;
    }

    private boolean notCollectedExempt(String accountId, String region) {
        // empty sets mean the snapshot did not declare its coverage (hand-written fixtures)
        boolean acct = collectedAccounts.isEmpty() || collectedAccounts.contains(accountId);
        boolean reg = collectedRegions.isEmpty() || collectedRegions.contains(region) || Resource.GLOBAL.equals(region);
        return acct && reg;
    }

    public boolean missing(String accountId, String region, String service) { return gap(accountId, region, service) != null; }

    /** Service-wide gap in the resource's own account and region, or a gap on the resource itself. */
    public boolean missingFor(Resource r, String service) { return whyGap(r, service) != null; }

    public CollectionGap whyGap(Resource r, String service) {
        CollectionGap g = byResource.get(r.getResourceId());
        return g != null ? g : gap(r.getAccountId(), r.getAwsRegion(), service);
    }

    /**
     * A gap on a detail call scoped to a resource of {@code resourceType} in that account and region
     * (an account-level setting read beside the service's listing), or null.
     */
    public CollectionGap resourceTypeGap(String accountId, String region, String resourceType) {
        for (CollectionGap g : byResource.values()) {
            if (resourceType.equals(g.getResourceType()) && accountId.equals(g.getAccountId()) && region.equals(g.getRegion())) return g;
        }
        return null;
    }

    /** "AccessDenied on s3:GetBucketReplication" — for annotations. */
    public String why(Resource r, String service) { return describe(whyGap(r, service)); }
    public String why(String accountId, String region, String service) { return describe(gap(accountId, region, service)); }

    public static String describe(CollectionGap g) {
        if (g == null) return "no gap";
        String op = g.getOperation() == null ? g.getService() : g.getService() + ":" + g.getOperation();
        return g.getErrorCode() + " on " + op + " in " + g.getAccountId() + "/" + g.getRegion();
    }
}
