package io.failready.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.failready.util.InputException;
import io.failready.util.Json;
import io.failready.util.StreamSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

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
        var networknt = Json.schema("report.schema.json");
        Map<String, Function<JsonNode, JsonNode>> values = new LinkedHashMap<>();
        values.put("remove", n -> null);
        values.put("text", n -> TextNode.valueOf("BOGUS"));
        values.put("empty text", n -> TextNode.valueOf(""));
        values.put("long text", n -> TextNode.valueOf("x".repeat(257)));
        values.put("astral text", n -> TextNode.valueOf("\uD83D\uDE00".repeat(129)));
        values.put("version-like", n -> TextNode.valueOf("1.1x"));
        values.put("negative", n -> IntNode.valueOf(-1));
        values.put("over 100", n -> IntNode.valueOf(101));
        values.put("fraction", n -> DoubleNode.valueOf(1.5));
        values.put("integral float", n -> DoubleNode.valueOf(1.0));
        values.put("boolean", n -> BooleanNode.TRUE);
        values.put("null", n -> NullNode.getInstance());
        values.put("object", n -> JsonNodeFactory.instance.objectNode());
        values.put("array", n -> JsonNodeFactory.instance.arrayNode());
        values.put("extra field", n -> n.isObject() ? ((ObjectNode) n.deepCopy()).put("addedByAnotherTool", 1) : n);

        List<String> pointers = new ArrayList<>();
        collect(original, "", pointers);
        Map<String, Integer> strictOnly = new TreeMap<>();
        int rejected = 0, checked = 0;
        for (String ptr : pointers) {
            for (Map.Entry<String, Function<JsonNode, JsonNode>> m : values.entrySet()) {
                JsonNode doc = original.deepCopy();
                if (!apply(doc, JsonPointer.compile(ptr), m.getValue())) continue;
                checked++;
                boolean slow = networknt.validate(doc).isEmpty();
                boolean fast = fastValid(doc);
                if (fast && !slow) throw new AssertionError("fast check accepted what networknt rejects: " + m.getKey() + " at " + ptr);
                if (!slow) rejected++;
                if (slow && !fast) strictOnly.merge(m.getKey(), 1, Integer::sum);
            }
        }
        assertTrue(checked > 2_000 && rejected > 500, "the mutations exercise the schema: " + checked + " checked, " + rejected + " rejected");
        for (String kind : strictOnly.keySet()) {
            assertTrue(kind.equals("integral float") || kind.equals("astral text"),
                    "stricter than the schema only for integral floats and astral strings, not: " + strictOnly);
        }
    }

    private static void collect(JsonNode n, String at, List<String> out) {
        if (!at.isEmpty()) out.add(at);
        if (n.isObject()) {
            n.fieldNames().forEachRemaining(f -> collect(n.get(f), at + "/" + f.replace("~", "~0").replace("/", "~1"), out));
        } else if (n.isArray()) {
            int limit = at.endsWith("/evaluations") ? Math.min(3, n.size()) : n.size();
            for (int i = 0; i < limit; i++) collect(n.get(i), at + "/" + i, out);
        }
    }

    /** Replace (or remove, when the function gives null) the node at ptr; false when nothing changed. */
    private static boolean apply(JsonNode doc, JsonPointer ptr, Function<JsonNode, JsonNode> f) {
        JsonNode parent = doc.at(ptr.head());
        JsonNode old = doc.at(ptr);
        JsonNode repl = f.apply(old);
        if (repl == old) return false;
        String last = ptr.last().getMatchingProperty();
        if (parent.isObject()) {
            if (repl == null) ((ObjectNode) parent).remove(last);
            else ((ObjectNode) parent).set(last, repl);
        } else {
            int i = ptr.last().getMatchingIndex();
            if (repl == null) ((ArrayNode) parent).remove(i);
            else ((ArrayNode) parent).set(i, repl);
        }
        return true;
    }

    private static boolean fastValid(JsonNode doc) throws Exception {
        StreamSchema.Checker c = SCHEMA.checker();
        try (JsonParser p = Json.MAPPER.getFactory().createParser(Json.MAPPER.writeValueAsBytes(doc))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) c.token(t, p);
            return c.complete();
        } catch (StreamSchema.Mismatch e) {
            return false;
        }
    }

    private byte[] written(Report r) throws Exception {
        Path dir = Files.createTempDirectory(tmp, "r");
        ReportWriters.write(r, null, dir, EnumSet.of(ReportFormat.JSON), TestReports.DOCS);
        return Files.readAllBytes(dir.resolve("report.json"));
    }
}
