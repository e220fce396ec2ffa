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

    ScanState(List<String> regions) { this.regions = List.copyOf(regions); }

    public List<String> regions() { return regions; }
    public void bucketRegion(String bucket, String region) { bucketRegions.put(bucket, region); }
    /** Region of a bucket seen in this scan (any account), or null. */
    public String bucketRegion(String bucket) { return bucketRegions.get(bucket); }
    public List<Resource> inventory() { return inventory; }
    void inventory(List<Resource> all) { this.inventory = List.copyOf(all); }
}
