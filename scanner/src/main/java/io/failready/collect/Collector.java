package io.failready.collect;

/**
 * One AWS service: reads it through the SDK and normalises what it finds into
 * {@link io.failready.facts.Resource}s shaped as docs/resource-types.md says. Collectors never
 * judge; every failed call goes to {@link CollectionContext#gap} (done for you by
 * {@link CollectionContext#call}) so that missing data is never mistaken for "nothing there".
 *
 * <p>A collector is its {@link #descriptor()} (service, client, operations, resource types) and its
 * {@link #collect} code; everything else about it below is read from the descriptor.
 */
public interface Collector {
    /** What this collector reads and writes (see {@link CollectorDescriptor}). */
    CollectorDescriptor descriptor();

    void collect(CollectionContext ctx);

    /** SDK service id in lower case, as used in gaps: {@code s3}, {@code dynamodb}, ... */
    default String service() { return descriptor().service(); }

    /** Global services (IAM, Route 53, account, and S3's account-wide listing) run once per account. */
    default boolean global() { return descriptor().global(); }

    /**
     * Phase 0 collectors only read AWS; phase 1 collectors may also read what phase 0 found in the
     * same scan ({@link CollectionContext#inventory()}), e.g. CloudWatch lag metrics for replicated
     * resources, or IAM roles referenced by buckets and functions.
     */
    default int phase() { return descriptor().phase(); }

    /**
     * A global collector whose resources live in regions (S3: one account-wide listing, buckets in
     * their own regions). When its whole task fails or misses the deadline, the runner repeats the
     * gap in every scanned region, where the rules look for the service's gaps.
     */
    default boolean placesResourcesInRegions() { return descriptor().placesResourcesInRegions(); }

    /** Whether the service exists in {@code region} (regional collectors only). */
    default boolean availableIn(String region) { return descriptor().availableIn(region); }

    /** The operations this collector may send, {@code prefix:Operation}, sorted. */
    default java.util.List<String> operations() { return descriptor().operations(); }

    /**
     * After phase 0, across every account and region: fill links that need the whole inventory
     * (a bucket's destination region, a secret's replicas). Returns the (possibly replaced) list.
     */
    default java.util.List<io.failready.facts.Resource> link(java.util.List<io.failready.facts.Resource> inventory, ScanState state) {
        return inventory;
    }

    /** True when the SDK's endpoint metadata lists the region, or lists nothing (unknown partitions). */
    static boolean inMetadata(software.amazon.awssdk.regions.ServiceMetadata metadata, String region) {
        var regions = metadata.regions();
        return regions.isEmpty() || regions.stream().anyMatch(r -> r.id().equals(region));
    }
}
