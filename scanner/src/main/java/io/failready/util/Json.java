package io.failready.util;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Shared Jackson mappers and JSON-Schema validation that reports file:line:column. */
public final class Json {
    private Json() {}

    /** Byte-stable output: sorted map keys, no timestamps as numbers. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .build();

    public static final ObjectMapper COMPACT = MAPPER.copy().disable(SerializationFeature.INDENT_OUTPUT);

    /** Reports: indented down to each evaluation, which takes one line (workloads[].evaluations[] is depth 4). */
    public static final com.fasterxml.jackson.databind.ObjectWriter REPORT_WRITER = MAPPER.writer(new RecordPerLinePrinter(4));

    /** Snapshots: one resource or gap per line (resources[] is depth 2). */
    public static RecordPerLinePrinter snapshotPrinter() { return new RecordPerLinePrinter(2); }
    public static final com.fasterxml.jackson.databind.ObjectWriter SNAPSHOT_WRITER = MAPPER.writer(snapshotPrinter());

    public static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .build();

    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    /** A bundled schema from {@code schemas/} (shipped in the jar under failready/schemas). */
    public static Schema schema(String name) {
        return SCHEMAS.computeIfAbsent(name, n -> {
            try (InputStream in = ClasspathDirs.resource("/failready/schemas/" + n)) {
                if (in == null) throw new IllegalStateException("bundled schema missing: " + n);
                return REGISTRY.getSchema(MAPPER.readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Parse JSON or YAML into a tree whose nodes remember where they came from, so a schema error
     * can point at the line. Syntax errors become {@link InputException} with the parser's location.
     */
    public static JsonNode readLocated(InputStream in, String fileName, boolean yaml) {
        ObjectMapper mapper = yaml ? YAML : MAPPER;
        try (JsonParser parser = strict(yaml ? new YAMLFactory().createParser(in) : mapper.getFactory().createParser(in))) {
            JsonNode node = mapper.reader().with(new LocationJsonNodeFactory(parser)).readTree(parser);
            if (node == null || node.isMissingNode()) throw new InputException(fileName, -1, -1, "the file is empty.");
            // one document per file: text after it (a second object, a stray value) is not silently ignored
            if (!yaml && parser.nextToken() != null) {
                JsonLocation at = parser.currentTokenLocation();
                throw new InputException(fileName, at.getLineNr(), at.getColumnNr(),
                        "text after the JSON document ends; a file holds exactly one JSON value.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw syntaxError(e, fileName, yaml);
        } catch (IOException e) {
            throw new InputException(fileName, -1, -1, "could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Hand-written YAML (configurations, waiver files) is small; SnakeYAML takes minutes on a
     * multi-megabyte scalar, so refuse oversized files before parsing rather than hang.
     */
    public static final long MAX_YAML_BYTES = 5L * 1024 * 1024;

    public static JsonNode readLocatedYaml(java.nio.file.Path file, String fileName) throws IOException {
        InputFiles.requireRegular(file, fileName);
        long size = java.nio.file.Files.size(file);
        if (size > MAX_YAML_BYTES) {
            throw new InputException(fileName, -1, -1, "is " + (size / (1024 * 1024)) + " MiB; YAML inputs are limited to "
                    + (MAX_YAML_BYTES / (1024 * 1024)) + " MiB (is this the right file?).");
        }
        try (InputStream in = InputFiles.open(file, fileName)) {
            return readLocated(in, fileName, true);
        }
    }

    /**
     * Refuse duplicate keys: parsers keep the last of them silently, other tools the first, so a
     * report, snapshot or config with "severity" twice says one thing to a reviewer and another to
     * the gate. Every reader of an input file goes through here.
     */
    public static JsonParser strict(JsonParser p) {
        return p.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }

    /** A parser's syntax error as an InputException naming file, line and column (for streaming readers too). */
    public static InputException syntaxError(JsonProcessingException e, String fileName, boolean yaml) {
        JsonLocation loc = e.getLocation();
        String msg = e.getOriginalMessage();
        java.util.regex.Matcher dup = msg == null ? null : java.util.regex.Pattern.compile("^Duplicate field '(.*)'").matcher(msg);
        if (dup != null && dup.find()) {
            return new InputException(fileName, loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(),
                    "key '" + dup.group(1) + "' appears twice in the same " + (yaml ? "mapping" : "object")
                            + "; tools disagree on which one counts, so remove one.", e);
        }
        return new InputException(fileName, loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(),
                "not valid " + (yaml ? "YAML" : "JSON") + ": " + oneLine(msg) + ".", e);
    }

    /** A schema built from a schema tree (e.g. one {@code $defs} entry of a bundled schema), for per-item validation. */
    public static Schema schema(JsonNode schemaTree) {
        return REGISTRY.getSchema(schemaTree);
    }

    /** Validate and throw one InputException listing up to five problems, the first one's location leading. */
    public static void validate(Schema schema, JsonNode node, String fileName, String what) {
        validate(schema, node, fileName, what, "");
    }

    /**
     * As {@link #validate(Schema, JsonNode, String, String)} for one item of a larger document
     * validated piece by piece; {@code at} (e.g. {@code /resources/12}) prefixes each pointer.
     */
    public static void validate(Schema schema, JsonNode node, String fileName, String what, String at) {
        List<Error> errors = schema.validate(node);
        if (errors.isEmpty()) return;
        int line = -1, col = -1;
        StringBuilder sb = new StringBuilder(what).append(" does not match its schema: ");
        int shown = 0;
        for (Error e : errors) {
            if (shown == 5) { sb.append("; and ").append(errors.size() - 5).append(" more"); break; }
            JsonLocation loc = locationOf(e.getInstanceNode());
            if (shown == 0 && loc != null) { line = loc.getLineNr(); col = loc.getColumnNr(); }
            if (shown > 0) sb.append("; ");
            String ptr = pointer(e);
            sb.append(at.isEmpty() ? ptr : at + (ptr.startsWith("$") ? ptr.substring(1) : ptr)).append(' ').append(cleanMessage(e));
            if (shown > 0 && loc != null) sb.append(" (line ").append(loc.getLineNr()).append(')');
            shown++;
        }
        sb.append('.');
        throw new InputException(fileName, line, col, sb.toString());
    }

    /** Where a node of a {@link #readLocated} tree came from, or null. */
    public static JsonLocation locationOf(JsonNode node) {
        return node instanceof TokenStreamLocationAware aware ? aware.tokenStreamLocation() : null;
    }

    private static String pointer(Error e) {
        String p = e.getInstanceLocation() == null ? "$" : e.getInstanceLocation().toString();
        return p.isEmpty() ? "$" : p;
    }

    private static String cleanMessage(Error e) {
        String m = e.getMessage();
        String p = pointer(e);
        if (m != null && m.startsWith(p + ": ")) m = m.substring(p.length() + 2);
        return m == null ? e.getKeyword() : m;
    }

    /** Parser messages span lines (SnakeYAML: context, then problem with a caret); fold them into one. */
    private static String oneLine(String s) {
        if (s == null) return "syntax error";
        StringBuilder sb = new StringBuilder();
        for (String line : s.split("\n")) {
            String t = line.trim();
            if (t.isEmpty() || t.startsWith("^") || t.startsWith("in 'reader'") || t.startsWith("at [Source")) continue;
            if (sb.length() > 0) sb.append("; ");
            sb.append(t.endsWith(".") || t.endsWith(":") ? t.substring(0, t.length() - 1) : t);
        }
        String out = sb.toString().replaceAll(" in 'reader', line (\\d+), column (\\d+)", " at line $1, column $2");
        return out.length() > 300 ? out.substring(0, 300) + "..." : out;
    }
}
