package io.failready.collect;

import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.regions.ServiceMetadata;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Everything the scanner needs to know about a collector besides its code: which AWS service it
 * reads, the SDK client it uses and how to build one, the operations it may send (the read-only
 * proof and the IAM policy come from these), and the resource types it writes, each with its label
 * and the service its gaps name. Collection, the client factory, the IAM policy, the resource-type
 * documentation and the reports derive what they need from the descriptors, so adding a collector
 * is one package plus one line in the registry.
 *
 * @param service     SDK service id in lower case as gaps name it: {@code s3}, {@code dynamodb}; also
 *                    the service whose gaps hide every resource type this collector writes
 * @param iamPrefix   IAM action prefix of the operations ({@code application-autoscaling} for {@code applicationautoscaling})
 * @param clientType  the SDK client interface
 * @param builder     that client's {@code ::builder}; a method reference, not reflection (loading
 *                    every request class of a client interface costs seconds)
 * @param operations  {@code prefix:Operation} for every call the collector may send, sorted, those of
 *                    {@code also} included
 * @param resourceTypes what it writes into the snapshot
 * @param global      runs once per account (IAM, Route 53, account, S3's account-wide listing)
 * @param phase       0 reads only AWS; 1 may also read what phase 0 found in the same scan
 * @param placesResourcesInRegions a global collector whose resources live in regions (S3)
 * @param metadataSource the SDK's endpoint metadata, to skip regions the service does not exist in; null:
 *                    everywhere. A supplier: the SDK's first {@code serviceMetadata()} loads the metadata of
 *                    every AWS service (~300 classes), which commands that never collect must not pay for
 *                    just to read a label
 * @param iamActions  {@code prefix:Operation} -> the IAM action that authorises it, where IAM names it
 *                    differently ({@code s3:ListBuckets} -> {@code s3:ListAllMyBuckets})
 * @param also        other services the collector reads through their own clients (DynamoDB and ECS
 *                    read Application Auto Scaling)
 * @param globalHome  the region a global client signs in ({@code aws-global} for IAM and Route 53)
 * @param iamResources IAM action -> the only resources it is granted on, where {@code "*"} would grant more
 *                    than the collector reads ({@code apigateway:GET} on every path also reads API key values)
 */
public record CollectorDescriptor(String service, String iamPrefix, Class<? extends SdkClient> clientType,
                                  Supplier<?> builder, List<String> operations, List<ResourceType> resourceTypes,
                                  boolean global, int phase, boolean placesResourcesInRegions, Supplier<ServiceMetadata> metadataSource,
                                  Map<String, String> iamActions, List<Uses> also, String globalHome,
                                  Map<String, List<String>> iamResources) {

    /** The region global clients sign in unless a descriptor says otherwise. */
    public static final String DEFAULT_GLOBAL_HOME = "us-east-1";

    /** A resource type a collector writes: {@code AWS::S3::Bucket}, labelled "S3 bucket" in annotations and reports. */
    public record ResourceType(String type, String label) {
        public ResourceType {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(label, "label");
        }
    }

    /**
     * A second service a collector reads, with its own client and IAM prefix; its gaps name
     * {@code service} ({@code applicationautoscaling} for IAM prefix {@code application-autoscaling}).
     */
    public record Uses(String service, String iamPrefix, Class<? extends SdkClient> clientType, Supplier<?> builder) {
        public Uses {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(iamPrefix, "iamPrefix");
            Objects.requireNonNull(clientType, "clientType");
            Objects.requireNonNull(builder, "builder");
        }
    }

    public CollectorDescriptor {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(iamPrefix, "iamPrefix");
        operations = List.copyOf(operations);
        resourceTypes = List.copyOf(resourceTypes);
        iamActions = iamActions == null ? Map.of() : Map.copyOf(iamActions);
        also = also == null ? List.of() : List.copyOf(also);
        globalHome = globalHome == null ? DEFAULT_GLOBAL_HOME : globalHome;
        iamResources = iamResources == null ? Map.of() : Map.copyOf(iamResources);
        for (String op : operations) {
            String prefix = op.substring(0, Math.max(0, op.indexOf(':')));
            if (!prefix.equals(iamPrefix) && !prefix.equals("sts") && also.stream().noneMatch(u -> u.iamPrefix().equals(prefix))) {
                throw new IllegalArgumentException(service + ": operation " + op + " is not under IAM prefix " + iamPrefix
                        + " nor a service it declares it also uses");
            }
        }
        for (String op : iamActions.keySet()) {
            if (!operations.contains(op)) throw new IllegalArgumentException(service + ": IAM name given for " + op + ", which it does not call");
        }
        Map<String, String> names = iamActions;
        for (var e : iamResources.entrySet()) {
            String action = e.getKey();
            if (operations.stream().noneMatch(op -> names.getOrDefault(op, op).equals(action))) {
                throw new IllegalArgumentException(service + ": resources given for " + action + ", which no operation it calls needs");
            }
            if (e.getValue().isEmpty() || e.getValue().contains("*")) {
                throw new IllegalArgumentException(service + ": " + action + " must be scoped to named resources");
            }
        }
    }

    /** The descriptor as it was before {@code iamActions}, {@code also} and {@code globalHome} existed. */
    public CollectorDescriptor(String service, String iamPrefix, Class<? extends SdkClient> clientType,
                               Supplier<?> builder, List<String> operations, List<ResourceType> resourceTypes,
                               boolean global, int phase, boolean placesResourcesInRegions, ServiceMetadata metadata) {
        this(service, iamPrefix, clientType, builder, operations, resourceTypes, global, phase, placesResourcesInRegions,
                metadata == null ? null : () -> metadata, Map.of(), List.of(), DEFAULT_GLOBAL_HOME, Map.of());
    }

    /** The SDK's endpoint metadata of the service, or null when it is not declared (the service is everywhere). */
    public ServiceMetadata metadata() { return metadataSource == null ? null : metadataSource.get(); }

    /** Starts a descriptor for a regional service whose IAM prefix is its service id. */
    public static Builder of(String service, Class<? extends SdkClient> clientType, Supplier<?> builder) {
        return new Builder(service, clientType, builder);
    }

    /** Whether the service exists in {@code region}: the SDK's metadata lists it, or lists nothing (unknown partitions). */
    public boolean availableIn(String region) {
        return metadataSource == null || global || Collector.inMetadata(metadata(), region);
    }

    /** The IAM action that authorises {@code call} ({@code prefix:Operation}). */
    public String iamAction(String call) { return iamActions.getOrDefault(call, call); }

    /** The service a gap names for a call under {@code prefix}: this service, or the one it also uses under that prefix. */
    public String gapService(String prefix) {
        if (prefix.equals(iamPrefix)) return service;
        return also.stream().filter(u -> u.iamPrefix().equals(prefix)).map(Uses::service).findFirst().orElse(prefix);
    }

    /** Every SDK client this collector builds, with its builder: its own first, then those of {@code also}. */
    public Map<Class<? extends SdkClient>, Supplier<?>> clients() {
        Map<Class<? extends SdkClient>, Supplier<?>> out = new LinkedHashMap<>();
        if (clientType != null && builder != null) out.put(clientType, builder);
        for (Uses u : also) out.putIfAbsent(u.clientType(), u.builder());
        return out;
    }

    /** Every service id its gaps may name: its own, then those of {@code also}. */
    public List<String> gapServices() {
        List<String> out = new ArrayList<>(List.of(service));
        also.forEach(u -> { if (!out.contains(u.service())) out.add(u.service()); });
        return out;
    }

    public static final class Builder {
        private final String service;
        private final Class<? extends SdkClient> clientType;
        private final Supplier<?> builder;
        private String iamPrefix;
        private final List<String> operations = new ArrayList<>();
        private final List<ResourceType> types = new ArrayList<>();
        private final Map<String, String> iamActions = new TreeMap<>();
        private final List<Uses> also = new ArrayList<>();
        private boolean global;
        private int phase;
        private boolean placesResourcesInRegions;
        private Supplier<ServiceMetadata> metadata;
        private String globalHome = DEFAULT_GLOBAL_HOME;
        private final Map<String, List<String>> iamResources = new TreeMap<>();

        private Builder(String service, Class<? extends SdkClient> clientType, Supplier<?> builder) {
            this.service = service;
            this.iamPrefix = service;
            this.clientType = clientType;
            this.builder = builder;
        }

        public Builder iamPrefix(String p) { this.iamPrefix = p; return this; }
        /** Operation names without the prefix: {@code "ListBuckets", "GetBucketVersioning"}. */
        public Builder operations(String... ops) {
            this.operations.clear();
            Arrays.stream(ops).map(o -> o.contains(":") ? o : iamPrefix + ":" + o).forEach(operations::add);
            return this;
        }
        /** {@code operation} (without prefix) is authorised by IAM action {@code action} (without prefix). */
        public Builder iamAction(String operation, String action) {
            iamActions.put(iamPrefix + ":" + operation, iamPrefix + ":" + action);
            return this;
        }
        /**
         * The collector also reads {@code service} (as gaps name it) through {@code clientType}, sending
         * {@code ops} (without prefix) under IAM prefix {@code prefix}.
         */
        public Builder alsoUses(String service, String prefix, Class<? extends SdkClient> clientType, Supplier<?> builder, String... ops) {
            also.add(new Uses(service, prefix, clientType, builder));
            Arrays.stream(ops).map(o -> prefix + ":" + o).forEach(operations::add);
            return this;
        }
        /**
         * IAM action {@code action} (without prefix) is granted only on {@code resources}, not on
         * {@code "*"}: the policy gives it a statement of its own.
         */
        public Builder iamResources(String action, String... resources) {
            iamResources.put(iamPrefix + ":" + action, List.of(resources).stream().sorted().toList());
            return this;
        }
        public Builder writes(String type, String label) { types.add(new ResourceType(type, label)); return this; }
        public Builder global() { this.global = true; return this; }
        /** A global service whose clients sign in {@code region} rather than us-east-1. */
        public Builder globalHome(String region) { this.globalHome = region; return this; }
        public Builder phase(int p) { this.phase = p; return this; }
        public Builder placesResourcesInRegions() { this.placesResourcesInRegions = true; return this; }
        public Builder regions(ServiceMetadata m) { this.metadata = m == null ? null : () -> m; return this; }
        /** {@code regions(DynamoDbClient::serviceMetadata)}: read when a scan plans its regions, not when the descriptor is built. */
        public Builder regions(Supplier<ServiceMetadata> m) { this.metadata = m; return this; }

        public CollectorDescriptor build() {
            return new CollectorDescriptor(service, iamPrefix, clientType, builder, operations.stream().distinct().sorted().toList(),
                    types, global, phase, placesResourcesInRegions, metadata, iamActions, also, globalHome, iamResources);
        }
    }
}
