package io.failready.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fast path of a snapshot read: each resource checked by {@link StreamSchema} against
 * {@code snapshot.schema.json}, so networknt runs only on a resource in doubt, where it decides
 * and names the line. At 100k resources networknt on every item was 40% of the read.
 */
public final class SnapshotFastPath {
    private SnapshotFastPath() {}

    private static final class Holder {
        static final StreamSchema SCHEMA = StreamSchema.bundled("snapshot.schema.json");
    }

    /** True only when the resource certainly conforms; false sends it to the reference validator. */
    public static boolean resourceConforms(JsonNode resource) {
        return Holder.SCHEMA.conforms("#/$defs/resource", resource);
    }
}
