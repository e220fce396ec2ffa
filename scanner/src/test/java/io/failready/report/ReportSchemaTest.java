package io.failready.report;

import io.failready.model.Report;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.InputException;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** report.json against schemas/report.schema.json, and ReportReader's errors. */
class ReportSchemaTest {
    @TempDir Path tmp;

    @Test
    void writtenReportsValidateAgainstTheSchema() throws Exception {
        for (Report r : new Report[]{TestReports.small(), TestReports.build(3, false, 1), TestReports.large(2_000)}) {
            ReportWriters.write(r, null, tmp, EnumSet.of(ReportFormat.JSON), TestReports.DOCS);
            JsonNode tree = Json.MAPPER.readTree(tmp.resolve("report.json").toFile());
            assertEquals(java.util.List.of(), Json.schema("report.schema.json").validate(tree));
        }
    }

    @Test
    void readBackAndRewrittenGivesTheSameBytes() throws Exception {
        ReportWriters.write(TestReports.small(), null, tmp, EnumSet.of(ReportFormat.JSON), TestReports.DOCS);
        byte[] first = Files.readAllBytes(tmp.resolve("report.json"));
        Report back = ReportReader.read(tmp.resolve("report.json"));
        Path again = tmp.resolve("again");
        ReportWriters.write(back, null, again, EnumSet.of(ReportFormat.JSON), TestReports.DOCS);
        assertArrayEquals(first, Files.readAllBytes(again.resolve("report.json")));
    }

    @Test
    void contractFieldsArePresentInOrder() throws Exception {
        String json = Json.MAPPER.writeValueAsString(TestReports.small());
        assertTrue(json.indexOf("\"schemaVersion\"") < json.indexOf("\"tool\"") && json.indexOf("\"tool\"") < json.indexOf("\"generatedAt\""));
        for (String f : new String[]{"\"ruleId\"", "\"section\"", "\"severity\"", "\"complianceType\"", "\"resourceType\"",
                "\"resourceId\"", "\"accountId\"", "\"region\"", "\"counterpart\"", "\"annotation\"", "\"waived\"", "\"collectionGaps\"",
                "\"recoveryRegions\"", "\"verdict\"", "\"score\"", "\"sections\""}) {
            assertTrue(json.contains(f), f);
        }
    }

    @Test
    void syntaxErrorsNameFileAndLine() {
        InputException e = assertThrows(InputException.class, () -> read("{\n  \"schemaVersion\": \"1.1\",\n  \"tool\": {,\n}"));
        assertEquals(3, e.getLine());
        assertTrue(e.describe().startsWith("old.json:3:"), e.describe());
    }

    @Test
    void schemaViolationsNameTheLine() {
        String bad = "{\n\"schemaVersion\": \"1.1\",\n\"tool\": {\"name\": \"failready\", \"version\": \"x\"},\n"
                + "\"generatedAt\": \"2026-03-01T12:00:00Z\",\n\"collectionGaps\": [],\n\"workloads\": [{\n"
                + "  \"name\": \"w\", \"primaryRegion\": \"us-east-1\", \"recoveryRegions\": [], \"verdict\": \"MAYBE\",\n"
                + "  \"score\": 50, \"sections\": [], \"evaluations\": []}]\n}";
        InputException e = assertThrows(InputException.class, () -> read(bad));
        assertEquals(7, e.getLine(), e.describe());
        assertTrue(e.getMessage().contains("/workloads/0/verdict"), e.getMessage());
    }

    @Test
    void unsupportedMajorVersionAndNonObjects() {
        assertThrows(InputException.class, () -> read("{\"schemaVersion\": \"2.0\"}"));
        assertThrows(InputException.class, () -> read("[1,2]"));
        assertThrows(InputException.class, () -> read(""));
        assertThrows(InputException.class, () -> ReportReader.read(tmp.resolve("missing.json")));
    }

    @Test
    void waivedFlagWithoutWaiverObjectStaysWaived() throws Exception {
        String json = Json.MAPPER.writeValueAsString(TestReports.small()).replace("\"waived\" : false", "\"waived\" : true");
        Report r = read(json);
        assertTrue(ReportFacts.allEvaluations(r).stream().allMatch(e -> e.isWaived()));
    }

    static Report read(String json) throws Exception {
        return ReportReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "old.json");
    }
}
