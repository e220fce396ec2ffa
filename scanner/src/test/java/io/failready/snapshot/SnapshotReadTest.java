package io.failready.snapshot;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.demo.DemoEstate;
import io.failready.util.InputException;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fast first pass of a snapshot file (plain trees) against the located read it falls back to. */
class SnapshotReadTest {
    @TempDir Path tmp;

    @Test
    void theFastPassReadsWhatTheLocatedReadReads() throws Exception {
        Path file = tmp.resolve("demo.json.gz");
        SnapshotIO.write(DemoEstate.snapshot(), file);
        Snapshot fast = SnapshotIO.read(file);
        Snapshot located;
        try (InputStream in = Files.newInputStream(file)) {
            located = SnapshotIO.read(in, file.toString());
        }
        assertEquals(Json.MAPPER.writeValueAsString(located), Json.MAPPER.writeValueAsString(fast));
        assertTrue(fast.getResources().size() > 50);
    }

    @Test
    void aResourceInDoubtIsWordedWithItsExactLineByTheLocatedRead() throws Exception {
        // pretty-printed, so the bad value sits on its own line, several lines into its resource
        ObjectNode tree = (ObjectNode) Json.MAPPER.valueToTree(DemoEstate.snapshot());
        ((ObjectNode) tree.withArray("resources").get(3)).put("accountId", "not-an-account");
        String json = Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, json);
        int at = json.indexOf("\"not-an-account\"");
        long line = json.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        InputException e = assertThrows(InputException.class, () -> SnapshotIO.read(file));
        assertEquals(line, e.getLine(), e.describe());
        assertTrue(e.describe().contains("/resources/3/accountId"), e.describe());
    }
}
