package io.failready.report;

import io.failready.model.Report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.failready.schema.ReportStreamReader;
import io.failready.schema.SchemaMutations;
import io.failready.schema.StreamSchema;
import io.failready.util.InputException;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate's fast report reader against the validating one: same report bound, and the streaming
 * schema check never accepts a document networknt rejects (mutations generated over a real report).
 */
class ReportStreamReaderTest {
    @TempDir Path tmp;

    private static final StreamSchema SCHEMA = StreamSchema.bundled("report.schema.json");

    @Test
    void bindsTheSameReportAsTheValidatingPath() throws Exception {
        for (Report r : new Report[]{TestReports.small(), TestReports.build(3, false, 1), TestReports.large(2_000)}) {
            byte[] json = written(r);
            Report fast = ReportStreamReader.read(json); // throws Mismatch if the fast path were in doubt
            Report slow = ReportReader.read(new ByteArrayInputStream(json), "report.json");
            assertEquals(Json.MAPPER.writeValueAsString(slow), Json.MAPPER.writeValueAsString(fast));
            assertEquals(Json.MAPPER.writeValueAsString(r), Json.MAPPER.writeValueAsString(fast));
        }
    }

    @Test
    void gzippedReportsAndWaivedFlagsWithoutWaiverObject() throws Exception {
        String json = new String(written(TestReports.small()), StandardCharsets.UTF_8).replace("\"waived\":false", "\"waived\":true");
        assertTrue(json.contains("\"waived\":true"));
        Report fast = ReportStreamReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(ReportFacts.allEvaluations(fast).stream().allMatch(e -> e.isWaived()), "waived stays waived on the fast path");

        Path gz = tmp.resolve("report.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(json.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(Json.MAPPER.writeValueAsString(fast), Json.MAPPER.writeValueAsString(ReportReader.read(gz)));
    }

    @Test
    void aDocumentInDoubtIsDecidedAndWordedByTheValidatingPath() throws Exception {
        String json = new String(written(TestReports.small()), StandardCharsets.UTF_8);
        int at = json.indexOf("\"complianceType\":\"");
        String bad = json.substring(0, at) + "\"complianceType\":\"MAYBE\"" + json.substring(json.indexOf('"', at + 18) + 1);
        assertThrows(StreamSchema.Mismatch.class, () -> ReportStreamReader.read(bad.getBytes(StandardCharsets.UTF_8)));
        Path file = tmp.resolve("bad.json");
        Files.writeString(file, bad);
        InputException e = assertThrows(InputException.class, () -> ReportReader.read(file));
        long line = bad.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
        assertEquals(line, e.getLine(), e.describe());
        assertTrue(e.describe().contains("complianceType"), e.describe());
    }

    @Test
    void aSchemaKeywordTheCheckerDoesNotKnowDoesNotCompile() {
        String schema = "{\"type\":\"object\",\"propertyNames\":{\"pattern\":\"^a\"}}";
        assertThrows(StreamSchema.Unsupported.class,
                () -> StreamSchema.compile(new ByteArrayInputStream(schema.getBytes(StandardCharsets.UTF_8))));
    }

    /**
     * Every value of a real report (the first evaluations of each workload, and everything else)
     * replaced by each of a set of wrong values, or removed: the streaming check must reject every
     * mutation networknt rejects, and may reject a valid one only for the two documented reasons.
     */
    @Test
    void neverLooserThanNetworkntOnGeneratedMutations() throws Exception {
        JsonNode original = Json.MAPPER.readTree(written(TestReports.small()));
        assertTrue(fastValid(original), "an untouched report passes the fast check");
        SchemaMutations.Outcome o = SchemaMutations.check(original, Json.schema("report.schema.json"),
                ReportStreamReaderTest::fastValid, ptr -> ptr.endsWith("/evaluations"));
        assertTrue(o.checked() > 2_000 && o.rejected() > 500, "the mutations exercise the schema: " + o);
        o.assertStricterOnlyForDocumentedReasons();
    }

    private static boolean fastValid(JsonNode doc) {
        StreamSchema.Checker c = SCHEMA.checker();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(Json.MAPPER.writeValueAsBytes(doc))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) c.token(t, p);
            return c.complete();
        } catch (StreamSchema.Mismatch e) {
            return false;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private byte[] written(Report r) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "r");
        ReportWriters.write(r, null, dir, EnumSet.of(ReportFormat.JSON), TestReports.DOCS);
        return Files.readAllBytes(dir.resolve("report.json"));
    }
}
