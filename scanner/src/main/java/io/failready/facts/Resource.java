package io.failready.facts;

import io.failready.util.CompactMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One inventoried resource, shaped like an AWS Config configuration item. Collectors build it,
 * the snapshot stores it, rules read it. The {@code configuration} map holds only normalised
 * attributes that rules need; the per-type field list is the contract in docs/resource-types.md.
 *
 * <p>The typed path accessors ({@link #str}, {@link #bool}, {@link #num}, {@link #list}) exist so
 * DRL constraints stay short and null-safe: a missing attribute reads as {@code null}/false/empty
 * rather than throwing inside the engine.
 */
@JsonPropertyOrder({"resourceType", "resourceId", "resourceName", "accountId", "awsRegion", "tags", "configuration"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Resource {
    /** Region value used by global resources (IAM, Route 53, the account itself). */
    public static final String GLOBAL = "global";

    private final String resourceType;
    private final String resourceId;
    private final String resourceName;
    private final String accountId;
    private final String awsRegion;
    private final Map<String, String> tags;
    private final Map<String, Object> configuration;

    /*
     * Scope is a property of the workload being evaluated, not of the resource; the engine sets
     * it before each workload's session and sessions run one after another, so a plain field is
     * cheaper than copying a million resources per workload.
     */
    private transient boolean inScope;

    public Resource(@JsonProperty("resourceType") String resourceType,
                    @JsonProperty("resourceId") String resourceId,
                    @JsonProperty("resourceName") String resourceName,
                    @JsonProperty("accountId") String accountId,
                    @JsonProperty("awsRegion") String awsRegion,
                    @JsonProperty("tags") Map<String, String> tags,
                    @JsonProperty("configuration") Map<String, Object> configuration) {
        this.resourceType = Objects.requireNonNull(resourceType, "resourceType");
        this.resourceId = Objects.requireNonNull(resourceId, "resourceId");
        this.resourceName = resourceName == null ? resourceId : resourceName;
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.awsRegion = Objects.requireNonNull(awsRegion, "awsRegion");
        // Compact sorted arrays, not hash maps: a million resources' maps were most of the heap.
        // The snapshot reader builds them compact all the way down, so nothing is copied here.
        this.tags = CompactMap.copyOf(tags);
        this.configuration = CompactMap.copyOf(configuration);
    }

    public String getResourceType() { return resourceType; }
    public String getResourceId() { return resourceId; }
    public String getResourceName() { return resourceName; }
    public String getAccountId() { return accountId; }
    public String getAwsRegion() { return awsRegion; }
    public Map<String, String> getTags() { return tags; }
    public Map<String, Object> getConfiguration() { return configuration; }

    /** Short alias used throughout the DRL: {@code Resource(region == $pair.primary)}. */
    @JsonIgnore public String getRegion() { return awsRegion; }
    @JsonIgnore public String getType() { return resourceType; }
    @JsonIgnore public String getName() { return resourceName; }
    @JsonIgnore public boolean isInScope() { return inScope; }
    public void setInScope(boolean inScope) { this.inScope = inScope; }

    /** Tag value or null. */
    public String tag(String key) { return tags.get(key); }
    public boolean hasTag(String key) { return tags.containsKey(key); }

    /** Attribute at a dotted path ("replication.rules"), or null when any step is missing. */
    public Object get(String path) { return Paths.get(configuration, path); }
    public String str(String path) { return Paths.str(configuration, path); }
    /** True only for boolean true or the string "true" (case-insensitive). */
    public boolean bool(String path) { return Paths.bool(configuration, path); }
    /** Whether the attribute is present at all (distinguishes "false" from "never collected"). */
    public boolean has(String path) { return Paths.get(configuration, path) != null; }
    /** Numeric attribute as a double, or null. */
    public Double num(String path) { return Paths.num(configuration, path); }
    public double numOr(String path, double dflt) { Double d = num(path); return d == null ? dflt : d; }
    public List<Object> list(String path) { return Paths.list(configuration, path); }
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> maps(String path) { return Paths.maps(configuration, path); }

    @Override public String toString() { return resourceType + " " + resourceId + " (" + accountId + "/" + awsRegion + ")"; }
}
