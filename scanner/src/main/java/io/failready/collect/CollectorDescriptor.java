package io.failready.collect;

import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.ServiceMetadata;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the scanner needs to know about a collector besides its code: which AWS service it
 * reads, the SDK client it uses and how to build one, the operations it may send (the read-only
 * proof and the IAM policy come from these), and the resource types it writes, each with its label
 * and the service its gaps name. Collection, the client factory, the IAM policy, the resource-type
 * documentation and the reports derive what they need from the descriptors, so adding a collector
 * is one package plus one line in the registry.
 *
 * @param service     SDK service id in lower case as gaps name it: {@code s3}, {@code dynamodb}
 * @param iamPrefix   IAM action prefix of the operations ({@code application-autoscaling} for {@code applicationautoscaling})
 * @param clientType  the SDK client interface
 * @param builder     that client's {@code ::builder}; a method reference, not reflection (loading
 *                    every request class of a client interface costs seconds)
 * @param operations  {@code prefix:Operation} for every call the collector may send
 * @param resourceTypes what it writes into the snapshot
 * @param global      runs once per account (IAM, Route 53, account, S3's account-wide listing)
 * @param phase       0 reads only AWS; 1 may also read what phase 0 found in the same scan
 * @param placesResourcesInRegions a global collector whose resources live in regions (S3)
 * @param metadata    the SDK's endpoint metadata, to skip regions the service does not exist in; null: everywhere
 */
public record CollectorDescriptor(String service, String iamPrefix, Class<? extends SdkClient> clientType,
                                  Supplier<?> builder, List<String> operations, List<ResourceType> resourceTypes,
                                  boolean global, int phase, boolean placesResourcesInRegions, ServiceMetadata metadata) {

    /** A resource type a collector writes: {@code AWS::S3::Bucket}, labelled "S3 bucket" in annotations and reports. */
    public record ResourceType(String type, String label) {
        public ResourceType {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
        }
    }

    public CollectorDescriptor {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(iamPrefix, "iamPrefix");
        operations = List.copyOf(operations);
        resourceTypes = List.copyOf(resourceTypes);
        for (String op : operations) {
            if (!op.startsWith(iamPrefix + ":") && !op.startsWith("sts:")) {
                throw new IllegalArgumentException(service + ": operation " + op + " is not under IAM prefix " + iamPrefix);
            }
        }
    }

    /** Starts a descriptor for a regional service whose IAM prefix is its service id. */
    public static Builder of(String service, Class<? extends SdkClient> clientType, Supplier<?> builder) {
        return new Builder(service, clientType, builder);
    }

    /** Whether the service exists in {@code region}: the SDK's metadata lists it, or lists nothing (unknown partitions). */
    public boolean availableIn(String region) {
        if (metadata == null || global) return true;
        var regions = metadata.regions();
        return regions.isEmpty() || regions.stream().anyMatch(r -> r.id().equals(region));
    }

    public static final class Builder {
        private final String service;
        private final Class<? extends SdkClient> clientType;
        private final Supplier<?> builder;
        private String iamPrefix;
        private List<String> operations = List.of();
        private final java.util.ArrayList<ResourceType> types = new java.util.ArrayList<>();
        private boolean global;
        private int phase;
        private boolean placesResourcesInRegions;
        private ServiceMetadata metadata;

        private Builder(String service, Class<? extends SdkClient> clientType, Supplier<?> builder) {
            this.service = service;
            this.iamPrefix = service;
            this.clientType = clientType;
            this.builder = builder;
        }

        public Builder iamPrefix(String p) { this.iamPrefix = p; return this; }
        /** Operation names without the prefix: {@code "ListBuckets", "GetBucketVersioning"}. */
        public Builder operations(String... ops) {
            this.operations = java.util.Arrays.stream(ops).map(o -> o.contains(":") ? o : iamPrefix + ":" + o).sorted().toList();
            return this;
        }
        public Builder writes(String type, String label) { types.add(new ResourceType(type, label)); return this; }
        public Builder global() { this.global = true; return this; }
        public Builder phase(int p) { this.phase = p; return this; }
        public Builder placesResourcesInRegions() { this.placesResourcesInRegions = true; return this; }
        public Builder regions(ServiceMetadata m) { this.metadata = m; return this; }

        public CollectorDescriptor build() {
            return new CollectorDescriptor(service, iamPrefix, clientType, builder, operations, types, global, phase,
                    placesResourcesInRegions, metadata);
        }
    }
}
