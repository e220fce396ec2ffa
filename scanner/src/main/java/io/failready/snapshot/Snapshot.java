package io.failready.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The inventory snapshot: what {@code collect} writes and {@code evaluate} reads, with no AWS
 * access in between. Versioned; readers refuse a major version they do not know.
 */
@JsonPropertyOrder({"schemaVersion", "tool", "collectedAt", "collectionWindow", "accounts", "regions", "resources", "collectionGaps"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public final class Snapshot {
    public static final String SCHEMA_VERSION = "1.0";

    public record Tool(@JsonProperty("name") String name, @JsonProperty("version") String version) {}
    public record Window(@JsonProperty("startedAt") String startedAt, @JsonProperty("finishedAt") String finishedAt) {}

    private final String schemaVersion;
    private final Tool tool;
    private final String collectedAt;
    private final Window collectionWindow;
    /** Accounts and regions the collection covered; anything else is "not collected", i.e. a gap. */
    private final List<String> accounts;
    private final List<String> regions;
    private final List<Resource> resources;
    private final List<CollectionGap> collectionGaps;

    public Snapshot(@JsonProperty("schemaVersion") String schemaVersion,
                    @JsonProperty("tool") Tool tool,
                    @JsonProperty("collectedAt") String collectedAt,
                    @JsonProperty("collectionWindow") Window collectionWindow,
                    @JsonProperty("accounts") List<String> accounts,
                    @JsonProperty("regions") List<String> regions,
                    @JsonProperty("resources") List<Resource> resources,
                    @JsonProperty("collectionGaps") List<CollectionGap> collectionGaps) {
        this.schemaVersion = Objects.requireNonNullElse(schemaVersion, SCHEMA_VERSION);
        this.tool = tool;
        this.collectedAt = collectedAt;
        this.collectionWindow = collectionWindow;
        this.accounts = accounts == null ? List.of() : List.copyOf(accounts);
        this.regions = regions == null ? List.of() : List.copyOf(regions);
        this.resources = resources == null ? List.of() : resources;
        this.collectionGaps = collectionGaps == null ? List.of() : collectionGaps;
    }

    public String getSchemaVersion() { return schemaVersion; }
    public Tool getTool() { return tool; }
    public String getCollectedAt() { return collectedAt; }
    public Window getCollectionWindow() { return collectionWindow; }
    public List<String> getAccounts() { return accounts; }
    public List<String> getRegions() { return regions; }
    public List<Resource> getResources() { return resources; }
    public List<CollectionGap> getCollectionGaps() { return collectionGaps; }

    /** Same content in canonical order, so equal inventories serialise to equal bytes. */
    public Snapshot sorted() {
        List<Resource> rs = new ArrayList<>(resources);
        rs.sort(RESOURCE_ORDER);
        List<CollectionGap> gs = new ArrayList<>(collectionGaps);
        gs.sort(GAP_ORDER);
        return new Snapshot(schemaVersion, tool, collectedAt, collectionWindow,
                accounts.stream().sorted().distinct().toList(), regions.stream().sorted().distinct().toList(), rs, gs);
    }

    public static final Comparator<Resource> RESOURCE_ORDER = Comparator.comparing(Resource::getAccountId)
            .thenComparing(Resource::getAwsRegion).thenComparing(Resource::getResourceType).thenComparing(Resource::getResourceId);
    public static final Comparator<CollectionGap> GAP_ORDER = Comparator.comparing(CollectionGap::getAccountId)
            .thenComparing(CollectionGap::getRegion).thenComparing(CollectionGap::getService)
            .thenComparing(g -> Objects.toString(g.getOperation(), ""))
            .thenComparing(g -> Objects.toString(g.getResourceId(), ""));
}
