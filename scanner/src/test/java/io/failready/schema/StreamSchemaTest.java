package io.failready.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.demo.DemoEstate;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tree form of the fast check, as the snapshot reader uses it on each resource. */
class StreamSchemaTest {
    @TempDir Path tmp;

    @Test
    void snapshotResourcesNeverPassWhatNetworkntRejects() throws Exception {
        Path file = tmp.resolve("demo.json");
        SnapshotIO.write(DemoEstate.snapshot(), file);
        JsonNode tree = Json.MAPPER.readTree(file.toFile());
        JsonNode schemaDefs = Json.MAPPER.readTree(StreamSchemaTest.class.getResourceAsStream("/failready/schemas/snapshot.schema.json")).path("$defs");
        var networknt = Json.schema(schemaDefs.path("resource"));
        StreamSchema fast = StreamSchema.bundled("snapshot.schema.json");
        Set<String> types = new HashSet<>();
        int checked = 0, rejected = 0;
        for (JsonNode resource : tree.path("resources")) {
            if (!types.add(resource.path("resourceType").asText())) continue; // one of each type, tags and configuration included
            assertTrue(fast.conforms("#/$defs/resource", resource), "an untouched resource passes: " + resource);
            SchemaMutations.Outcome o = SchemaMutations.check(resource, networknt, r -> fast.conforms("#/$defs/resource", r), p -> true);
            o.assertStricterOnlyForDocumentedReasons();
            checked += o.checked();
            rejected += o.rejected();
        }
        assertTrue(types.size() >= 15 && checked > 1_000 && rejected > 100,
                types.size() + " types, " + checked + " mutations checked, " + rejected + " rejected");
    }
}
