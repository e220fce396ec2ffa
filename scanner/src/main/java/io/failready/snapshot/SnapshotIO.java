package io.failready.snapshot;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.AtomicFiles;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/** Reads and writes snapshots: JSON, gzip-compressed when the name ends in .gz (detected on read by magic bytes). */
public final class SnapshotIO {
    private SnapshotIO() {}

    public static Snapshot read(Path file) {
        String name = file.toString();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return read(raw, name);
        } catch (NoSuchFileException e) {
            throw new InputException(name, -1, -1, "snapshot file not found.");
        } catch (IOException e) {
            throw new InputException(name, -1, -1, "snapshot could not be read: " + e.getMessage(), e);
        }
    }

    public static Snapshot read(InputStream raw, String name) throws IOException {
        InputStream in = raw.markSupported() ? raw : new BufferedInputStream(raw);
        in.mark(2);
        int b1 = in.read(), b2 = in.read();
        in.reset();
        if (b1 == 0x1f && b2 == 0x8b) in = new GZIPInputStream(in, 1 << 16);
        JsonNode tree;
        try {
            tree = Json.readLocated(in, name, false);
        } catch (InputException e) {
            if (e.getCause() instanceof ZipException || e.getCause() instanceof java.io.EOFException) {
                throw new InputException(name, -1, -1, "snapshot is not a valid gzip file (truncated or corrupt): " + e.getCause().getMessage(), e);
            }
            throw e;
        }
        String version = tree.path("schemaVersion").asText("");
        if (!version.isEmpty() && !version.startsWith("1.")) {
            throw new InputException(name, -1, -1, "snapshot schemaVersion " + version + " is not supported by this failready "
                    + "(it reads 1.x); upgrade failready or re-collect.");
        }
        Json.validate(Json.schema("snapshot.schema.json"), tree, name, "The snapshot");
        try {
            return Json.MAPPER.treeToValue(tree, Snapshot.class);
        } catch (IOException | RuntimeException e) {
            throw new InputException(name, -1, -1, "snapshot content is invalid: " + e.getMessage(), e);
        }
    }

    public static void write(Snapshot snapshot, Path file) throws IOException {
        boolean gz = file.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(file, out -> {
            OutputStream o = gz ? new GZIPOutputStream(out, 1 << 16) : out;
            Json.MAPPER.writeValue(new NonClosing(o), snapshot.sorted());
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
