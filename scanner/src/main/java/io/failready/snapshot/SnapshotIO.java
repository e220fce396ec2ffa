package io.failready.snapshot;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.serialization.node.LocationJsonNodeFactory;
import com.networknt.schema.serialization.node.TokenStreamLocationAware;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.schema.SchemaCheck;
import io.failready.schema.SnapshotFastPath;
import io.failready.util.AtomicFiles;
import io.failready.util.CompactMap;
import io.failready.util.Gzip;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/** Reads and writes snapshots: JSON, gzip-compressed when the name ends in .gz (detected on read by magic bytes). */
public final class SnapshotIO {
    private SnapshotIO() {}

    /**
     * Reads a snapshot file. The first pass builds plain trees and checks resources with the fast
     * schema check only; if anything at all is wrong or in doubt, the file is read again the
     * located way, which decides and words the error. Located trees (every node remembering its
     * line for error messages) are a third of the parse at 100k resources. Under
     * {@link SchemaCheck} {@code reference} only the located read runs, validating every resource.
     */
    public static Snapshot read(Path file) {
        if (!SchemaCheck.fast()) return read(file, false);
        try {
            return read(file, true);
        } catch (InputException | UncheckedIOException e) {
            return read(file, false);
        }
    }

    private static Snapshot read(Path file, boolean fast) {
        String name = file.toString();
        try (InputStream raw = new BufferedInputStream(io.failready.util.InputFiles.open(file, name), 1 << 16)) {
            return read(raw, name, fast);
        } catch (NoSuchFileException e) {
            throw new InputException(name, -1, -1, "snapshot file not found.");
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "snapshot could not be read: " + e.getMessage(), e);
        }
    }

    public static Snapshot read(InputStream raw, String name) throws IOException {
        return read(raw, name, false);
    }

    private static Snapshot read(InputStream raw, String name, boolean fast) throws IOException {
        InputStream in = Gzip.maybeInflate(raw);
        try {
            return new StreamingReader(name, fast, !SchemaCheck.fast()).read(in);
        } catch (JsonProcessingException e) {
            throw Json.syntaxError(e, name, false);
        } catch (ZipException | java.io.EOFException e) {
            throw new InputException(name, -1, -1, "snapshot is not a valid gzip file (truncated or corrupt): " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "snapshot could not be read: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a snapshot as a stream, one resource at a time: each item is parsed into a small
     * located tree, validated against its {@code $defs} entry of snapshot.schema.json (so errors
     * still name the item's line), converted and dropped. The old way — one tree for the whole
     * file, validated at once, then bound — would hold the file three times over in memory, and a
     * 1M-resource snapshot would not fit in a small heap.
     * The top-level fields are validated against the full schema with the two arrays left empty.
     */
    private static final class StreamingReader {
        private static volatile Schema resourceSchema, gapSchema;
        private final String name;
        /** Account ids, regions, types and tag values repeat across a million resources: keep one copy each. */
        private final Map<String, String> strings = new HashMap<>();

        /** Plain trees, resources checked by the fast check alone: any doubt is an error, and the caller re-reads located. */
        private final boolean fast;
        /** networknt on every resource, the fast check never asked (SchemaCheck "reference"). */
        private final boolean reference;

        StreamingReader(String name, boolean fast, boolean reference) {
            this.name = name;
            this.fast = fast;
            this.reference = reference;
        }

        Snapshot read(InputStream in) throws IOException {
            itemSchemas();
            ObjectNode header = null;
            List<Resource> resources = new ArrayList<>();
            List<CollectionGap> gaps = new ArrayList<>();
            try (Tokenizer pieces = new Tokenizer(in, name, !fast)) {
                String array = null;
                int i = 0;
                for (Piece piece; (piece = pieces.next()) != null; ) {
                    switch (piece.kind) {
                        case ROOT -> header = (ObjectNode) piece.node;
                        case FIELD -> {
                            header.set(piece.field, piece.node);
                            if (piece.field.equals("schemaVersion")) checkVersion(piece.node.asText(""));
                        }
                        case ARRAY -> { array = piece.field; i = 0; header.set(array, Json.MAPPER.getNodeFactory().arrayNode()); }
                        case ITEM -> {
                            String at = "/" + array + "/" + i++;
                            if (array.equals("resources")) {
                                if (reference || !SnapshotFastPath.resourceConforms(piece.node)) {
                                    if (fast) throw new InputException(name, -1, -1, "a resource is in doubt; read again with locations.");
                                    Json.validate(resourceSchema, piece.node, name, "The snapshot", at);
                                }
                                resources.add(resource(piece.node));
                            } else {
                                Json.validate(gapSchema, piece.node, name, "The snapshot", at);
                                gaps.add(gap(piece.node, at));
                            }
                        }
                    }
                }
            }
            checkVersion(header.path("schemaVersion").asText(""));
            Json.validate(Json.schema("snapshot.schema.json"), header, name, "The snapshot");
            Snapshot head;
            try {
                head = Json.MAPPER.treeToValue(header, Snapshot.class);
            } catch (IOException | RuntimeException e) {
                throw new InputException(name, -1, -1, "snapshot content is invalid: " + e.getMessage(), e);
            }
            return new Snapshot(head.getSchemaVersion(), head.getTool(), head.getCollectedAt(), head.getCollectionWindow(),
                    head.getAccounts(), head.getRegions(), resources, gaps);
        }

        private void checkVersion(String version) {
            if (!version.isEmpty() && !version.startsWith("1.")) {
                throw new InputException(name, -1, -1, "snapshot schemaVersion " + version + " is not supported by this failready "
                        + "(it reads 1.x); upgrade failready or re-collect.");
            }
        }

        private static void itemSchemas() {
            if (resourceSchema != null) return;
            synchronized (StreamingReader.class) {
                if (resourceSchema != null) return;
                try (InputStream s = io.failready.util.ClasspathDirs.resource("/failready/schemas/snapshot.schema.json")) {
                    if (s == null) throw new IllegalStateException("bundled schema missing: snapshot.schema.json");
                    JsonNode defs = Json.MAPPER.readTree(s).path("$defs");
                    gapSchema = Json.schema(defs.path("gap"));
                    resourceSchema = Json.schema(defs.path("resource"));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        private String canon(String s) {
            if (s == null) return null;
            String c = strings.putIfAbsent(s, s);
            return c == null ? s : c;
        }

        /** Binds a validated item by hand: the same values Jackson's untyped binding gives, at a fraction of the cost. */
        private Resource resource(JsonNode item) {
            Map<String, String> tags = null;
            JsonNode t = item.get("tags");
            if (t != null && t.isObject()) {
                String[] k = new String[t.size()];
                Object[] v = new Object[t.size()];
                int n = 0;
                for (var it = t.fields(); it.hasNext(); n++) {
                    var e = it.next();
                    String s = e.getValue().asText();
                    k[n] = e.getKey();
                    // short values (app, team, classification) repeat; long ones (logical ids) do not
                    v[n] = s.length() <= 16 ? canon(s) : s;
                }
                tags = CompactMap.of(k, v, n);
            }
            JsonNode c = item.get("configuration");
            @SuppressWarnings("unchecked")
            Map<String, Object> cfg = c != null && c.isObject() ? (Map<String, Object>) value(c) : null;
            try {
                return new Resource(canon(text(item, "resourceType")), text(item, "resourceId"), text(item, "resourceName"),
                        canon(text(item, "accountId")), canon(text(item, "awsRegion")), tags, cfg);
            } catch (RuntimeException e) {
                JsonLocation loc = item instanceof TokenStreamLocationAware a ? a.tokenStreamLocation() : null;
                throw new InputException(name, loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(),
                        "snapshot content is invalid: " + e.getMessage(), e);
            }
        }

        private static String text(JsonNode item, String field) {
            JsonNode v = item.get(field);
            return v == null || v.isNull() ? null : v.asText();
        }

        /** Untyped binding, as Jackson's would give, into compact maps; short strings (states, regions, flags) shared. */
        private Object value(JsonNode n) {
            switch (n.getNodeType()) {
                case OBJECT -> {
                    String[] k = new String[n.size()];
                    Object[] v = new Object[n.size()];
                    int i = 0;
                    for (var it = n.fields(); it.hasNext(); i++) {
                        var e = it.next();
                        k[i] = e.getKey();
                        v[i] = value(e.getValue());
                    }
                    return CompactMap.of(k, v, i);
                }
                case ARRAY -> {
                    List<Object> l = new ArrayList<>(n.size());
                    for (JsonNode x : n) l.add(value(x));
                    return l;
                }
                case STRING -> {
                    String s = n.textValue();
                    return s.length() <= 12 ? canon(s) : s;
                }
                case NUMBER -> { return n.numberValue(); }
                case BOOLEAN -> { return n.booleanValue(); }
                default -> { return null; }
            }
        }

        private CollectionGap gap(JsonNode item, String at) {
            try {
                return Json.MAPPER.treeToValue(item, CollectionGap.class);
            } catch (IOException | RuntimeException e) {
                throw new InputException(name, -1, -1, "snapshot content is invalid at " + at + ": " + e.getMessage(), e);
            }
        }
    }

    /** One step of the snapshot in document order: a top-level field, the start of an item array, or one item. */
    private record Piece(Kind kind, String field, JsonNode node) {
        enum Kind { ROOT, FIELD, ARRAY, ITEM }
    }

    /**
     * Inflates and parses the snapshot on its own thread, handing located trees to the reader in
     * document order, so parsing (about half the cost) and validation plus binding (the other half)
     * use both cores. Errors travel in the stream at the point they occurred, so the reader reports
     * whichever problem comes first in the file, exactly as a single-threaded read would.
     */
    private static final class Tokenizer implements AutoCloseable {
        private static final int BATCH = 256;
        private static final List<Piece> END = List.of();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(32);
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Thread thread;
        private List<Piece> batch = new ArrayList<>(0);
        private int pos;

        private final boolean located;

        Tokenizer(InputStream in, String name, boolean located) {
            this.located = located;
            thread = new Thread(() -> run(in, name), "failready-snapshot-parser");
            thread.setDaemon(true);
            thread.start();
        }

        private void run(InputStream in, String name) {
            List<Piece> out = new ArrayList<>(BATCH);
            try (JsonParser p = Json.strict(Json.MAPPER.getFactory().createParser(in))) {
                com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = located ? new LocationJsonNodeFactory(p)
                        : Json.MAPPER.getNodeFactory();
                ObjectReader reader = Json.MAPPER.reader().with(nodes);
                JsonToken t = p.nextToken();
                if (t == null) throw new InputException(name, -1, -1, "the file is empty.");
                if (t != JsonToken.START_OBJECT) {
                    JsonLocation loc = p.currentTokenLocation();
                    throw new InputException(name, loc.getLineNr(), loc.getColumnNr(), "The snapshot does not match its schema: $ must be an object.");
                }
                // created here, at the opening brace, so schema errors about the whole file name line 1
                out.add(new Piece(Piece.Kind.ROOT, null, nodes.objectNode()));
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken v = p.nextToken();
                    if (v == JsonToken.START_ARRAY && (field.equals("resources") || field.equals("collectionGaps"))) {
                        out.add(new Piece(Piece.Kind.ARRAY, field, null));
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            out.add(new Piece(Piece.Kind.ITEM, null, reader.readTree(p)));
                            if (out.size() == BATCH) out = hand(out);
                        }
                    } else {
                        out.add(new Piece(Piece.Kind.FIELD, field, reader.readTree(p)));
                    }
                }
                hand(out);
                put(END);
            } catch (Throwable e) {
                if (!out.isEmpty()) hand(out);
                put(e);
            }
        }

        private List<Piece> hand(List<Piece> out) {
            put(out);
            return new ArrayList<>(BATCH);
        }

        private void put(Object o) {
            try {
                while (!closed.get() && !queue.offer(o, 100, TimeUnit.MILLISECONDS)) { /* reader is busy */ }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The next piece, null at the end; rethrows a parse or I/O error where it occurred. */
        Piece next() throws IOException {
            while (pos == batch.size()) {
                if (batch == END) return null;
                Object o;
                try {
                    o = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while reading the snapshot");
                }
                if (o instanceof IOException io) throw io;
                if (o instanceof RuntimeException re) throw re;
                if (o instanceof Error err) throw err;
                if (o instanceof Throwable other) throw new IOException(other);
                @SuppressWarnings("unchecked") List<Piece> next = (List<Piece>) o;
                batch = next;
                pos = 0;
            }
            return batch.get(pos++);
        }

        /** Stops the parser when the reader gave up early (an invalid item); the stream is closed by the caller. */
        @Override public void close() {
            closed.set(true);
            queue.clear();
        }
    }

    /**
     * The snapshot as gzip bytes, exactly as {@link #write} stores a {@code .json.gz} file (gzip with no
     * timestamp, so the same snapshot gives the same bytes and the same SHA-256).
     */
    public static byte[] gzipBytes(Snapshot snapshot) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
        GZIPOutputStream o = new GZIPOutputStream(bytes, 1 << 16);
        Json.SNAPSHOT_WRITER.writeValue(new NonClosing(o), snapshot.sorted());
        o.finish();
        return bytes.toByteArray();
    }

    public static void write(Snapshot snapshot, Path file) throws IOException {
        boolean gz = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, out -> {
            OutputStream o = gz ? new GZIPOutputStream(out, 1 << 16) : out;
            Json.SNAPSHOT_WRITER.writeValue(new NonClosing(o), snapshot.sorted());
            if (gz) ((GZIPOutputStream) o).finish();
        });
    }

    /** Jackson closes what it writes to; the atomic writer must close the file itself. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream o) { super(o); }
        @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }
        @Override public void close() throws IOException { flush(); }
    }
}
