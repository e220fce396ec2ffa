package io.failready.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a saved JSON report (gate, report, diff): syntax and contract errors name file and line. */
public final class ReportReader {
    private ReportReader() {}

    public static Report read(Path file) {
        // Fast path: bind straight from the stream. Building a located tree first (for line numbers
        // in errors) costs several times the parse on a 100k-evaluation report, and the gate reads
        // reports on every pipeline run; the located path below runs only when something is wrong.
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            Report r = Json.MAPPER.readValue(in, Report.class);
            if (r != null && r.schemaVersion() != null && r.schemaVersion().startsWith("1.")) return r;
        } catch (IOException | RuntimeException e) {
            // fall through to the located read, which names file and line
        }
        return readLocated(file);
    }

    private static Report readLocated(Path file) {
        String name = file.toString();
        JsonNode tree;
        try (InputStream in = Files.newInputStream(file)) {
            tree = Json.readLocated(in, name, false);
        } catch (NoSuchFileException e) {
            throw new InputException(name, -1, -1, "report file not found.");
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "report could not be read: " + e.getMessage(), e);
        }
        String v = tree.path("schemaVersion").asText("");
        if (!v.startsWith("1.")) {
            throw new InputException(name, -1, -1, "not a failready JSON report (schemaVersion '" + v + "'; this failready reads 1.x).");
        }
        try {
            return Json.MAPPER.treeToValue(tree, Report.class);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, -1, -1, "report does not match the report contract: " + e.getMessage(), e);
        }
    }
}
