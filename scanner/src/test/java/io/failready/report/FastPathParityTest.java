package io.failready.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.demo.DemoEstate;
import io.failready.schema.SchemaCheck;
import io.failready.schema.SchemaMutations;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.InputException;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast schema checks (io.failready.schema) against the reference validator they stand in for:
 * every document of the generated invalid-input corpora (SchemaMutations over a real snapshot and a
 * real report) is read as a user's file once with the fast path and once with
 * {@code failready.schemaCheck=reference}. Both must accept it and bind the same content, or both
 * refuse it with the same message, line and column.
 */
class FastPathParityTest {
    @TempDir Path tmp;

    /** A demo snapshot cut to one resource of each type, so every resource shape is mutated. */
    static List<SchemaMutations.Mutant> snapshots() throws Exception {
        Path file = Files.createTempFile("parity", ".json");
        try {
            SnapshotIO.write(DemoEstate.snapshot(), file);
            ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(file.toFile());
            ArrayNode one = Json.MAPPER.createArrayNode();
            Set<String> types = new HashSet<>();
            for (JsonNode r : tree.path("resources")) if (types.add(r.path("resourceType").asText())) one.add(r);
            tree.set("resources", one);
            // configuration is free-form in the schema: values inside it cannot be wrong, only the object itself
            List<SchemaMutations.Mutant> all = SchemaMutations.mutants(tree, ptr -> !ptr.equals("/resources")).stream()
                    .filter(m -> !m.pointer().matches("/resources/\\d+/configuration/.+")).toList();
            return corpus(all, 1_000);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    static List<SchemaMutations.Mutant> reports() throws Exception {
        Path dir = Files.createTempDirectory("parity");
        ReportWriters.write(TestReports.small(), null, dir, EnumSet.of(ReportFormat.JSON), TestReports.DOCS);
        JsonNode tree = Json.MAPPER.readTree(dir.resolve("report.json").toFile());
        return corpus(SchemaMutations.mutants(tree, ptr -> true), 1_000);
    }

    private static List<SchemaMutations.Mutant> corpus(List<SchemaMutations.Mutant> all, int atLeast) {
        assertTrue(all.size() >= atLeast, "the corpus exercises the schema: " + all.size() + " documents");
        return all;
    }

    @ParameterizedTest(name = "snapshot: {0}")
    @MethodSource("snapshots")
    void snapshotReadGivesTheSameAnswerOnBothPaths(SchemaMutations.Mutant m) throws Exception {
        Path file = write(m);
        assertSameAnswer(() -> Json.MAPPER.writeValueAsString(SnapshotIO.read(file)));
    }

    @ParameterizedTest(name = "report: {0}")
    @MethodSource("reports")
    void reportReadGivesTheSameAnswerOnBothPaths(SchemaMutations.Mutant m) throws Exception {
        Path file = write(m);
        assertSameAnswer(() -> Json.MAPPER.writeValueAsString(ReportReader.read(file)));
    }

    @Test
    void anUnknownModeIsRefusedNamingTheSwitch() throws Exception {
        Path file = write(reports().get(0));
        String was = System.getProperty(SchemaCheck.PROPERTY);
        System.setProperty(SchemaCheck.PROPERTY, "refrence");
        try {
            InputException e = assertThrows(InputException.class, () -> ReportReader.read(file));
            assertTrue(e.describe().contains(SchemaCheck.PROPERTY) && e.describe().contains("'refrence'")
                    && e.describe().contains("reference"), e.describe());
            assertThrows(InputException.class, () -> SnapshotIO.read(file));
        } finally {
            restore(was);
        }
    }

    /** Pretty-printed, so a wrong value sits on a line of its own and the reported line means something. */
    private Path write(SchemaMutations.Mutant m) throws Exception {
        Path file = tmp.resolve("input.json");
        Files.writeString(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(m.doc()));
        return file;
    }

    private static void assertSameAnswer(Callable<String> read) throws Exception {
        String was = System.getProperty(SchemaCheck.PROPERTY);
        try {
            System.clearProperty(SchemaCheck.PROPERTY);
            String fast = answer(read);
            System.setProperty(SchemaCheck.PROPERTY, "reference");
            String reference = answer(read);
            assertEquals(reference, fast);
        } finally {
            restore(was);
        }
    }

    /** What the user sees: the content read, or the refusal as printed (file, line, column, message). */
    private static String answer(Callable<String> read) throws Exception {
        try {
            return "accepted " + read.call();
        } catch (InputException e) {
            return "refused " + e.getLine() + ":" + e.getColumn() + " " + e.describe();
        }
    }

    private static void restore(String was) {
        if (was == null) System.clearProperty(SchemaCheck.PROPERTY);
        else System.setProperty(SchemaCheck.PROPERTY, was);
    }
}
