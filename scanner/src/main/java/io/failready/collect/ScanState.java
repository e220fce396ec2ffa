package io.failready.collect;

import io.failready.facts.Resource;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What tasks of one scan share: the scan's regions, where each S3 bucket lives (so replication
 * destinations can be placed in a region), and, for phase 1 collectors, the phase 0 inventory.
 */
public final class ScanState {
    private final List<String> regions;
    private final Map<String, String> bucketRegions = new ConcurrentHashMap<>();
    private volatile List<Resource> inventory = List.of();
    private final Map<String, RegionHealth> health = new ConcurrentHashMap<>();
    private final Map<String, java.util.concurrent.CompletableFuture<Object>> once = new ConcurrentHashMap<>();

    ScanState(List<String> regions) { this.regions = List.copyOf(regions); }

    public List<String> regions() { return regions; }
    public void bucketRegion(String bucket, String region) { bucketRegions.put(bucket, region); }
    /** Region of a bucket seen in this scan (any account), or null. */
    public String bucketRegion(String bucket) { return bucketRegions.get(bucket); }
    public List<Resource> inventory() { return inventory; }
    void inventory(List<Resource> all) { this.inventory = List.copyOf(all); }
    /** Whether {@code account}'s {@code region} answers (one breaker per account and region, global included). */
    /** A {@link Gaps#REGION_UNREACHABLE} gap, service "*", for each account's region that answered nothing. */
    java.util.List<io.failready.facts.CollectionGap> unreachable() {
        java.util.List<io.failready.facts.CollectionGap> out = new java.util.ArrayList<>();
        health.forEach((k, h) -> {
            if (!h.down()) return;
            String[] ar = k.split("\\|", 2);
            out.add(new io.failready.facts.CollectionGap(ar[0], ar[1], io.failready.facts.CollectionGap.ALL_SERVICES, "*", null, null,
                    Gaps.REGION_UNREACHABLE, h.summary(ar[1])));
        });
        return out;
    }

    /**
     * The one future of {@code key} in this scan, and whether the caller is the one to complete it: several
     * collectors that need the same reply of one account and region (RDS DescribeDBClusters for rds, docdb and
     * neptune) share one call instead of each sending its own.
     */
    Shared once(String key) {
        java.util.concurrent.CompletableFuture<Object> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Object> theirs = once.putIfAbsent(key, mine);
        return theirs == null ? new Shared(mine, true) : new Shared(theirs, false);
    }

    record Shared(java.util.concurrent.CompletableFuture<Object> result, boolean owner) { }

    RegionHealth health(String account, String region) { return health.computeIfAbsent(account + "|" + region, k -> new RegionHealth()); }
}
