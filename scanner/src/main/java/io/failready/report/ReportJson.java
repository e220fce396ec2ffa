package io.failready.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationConfig;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.BeanSerializerModifier;
import com.fasterxml.jackson.databind.ser.ContextualSerializer;
import com.fasterxml.jackson.databind.type.CollectionType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.util.Json;
import io.failready.util.RecordPerLinePrinter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The JSON report, byte for byte what {@link Json#REPORT_WRITER} writes, with the evaluations of
 * a large workload serialized on every core. Writing the report was a single-threaded phase of
 * every evaluation (3.3 s of a 1M-resource run, with the second core idle); nearly all of it is
 * serializing evaluations, each of which {@link RecordPerLinePrinter} writes on one line exactly
 * as a compact writer does. So blocks of evaluations are serialized compactly on worker threads,
 * a bounded number ahead of the writer, which places each one as a raw value: the generator
 * still writes every separator and indentation itself, so the framing cannot drift.
 */
final class ReportJson {
    private ReportJson() {}

    /** Evaluations per block: big enough to keep a worker busy, small enough to hold a few. */
    static final int BLOCK = 1024;

    /** One evaluation, compact: what the record-per-line printer writes inline at its depth. */
    private static final ObjectWriter ONE = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

    private static final ObjectWriter WRITER = Json.MAPPER.copy()
            .registerModule(new SimpleModule("failready-report-evaluations").setSerializerModifier(new BeanSerializerModifier() {
                @Override public JsonSerializer<?> modifyCollectionSerializer(SerializationConfig config, CollectionType type,
                                                                             BeanDescription desc, JsonSerializer<?> serializer) {
                    return type.getContentType().getRawClass() == Evaluation.class ? new Blocks(serializer) : serializer;
                }
            }))
            .writer(new RecordPerLinePrinter(4));

    /** Writes {@code report} to {@code out} (not closed), serializing evaluations on up to {@code threads} threads. */
    static void write(Report report, OutputStream out, int threads) throws IOException {
        WRITER.withAttribute(Blocks.THREADS, threads).writeValue(out, report);
    }

    /** The list serializer for evaluations: the default one for short lists, blocks in parallel for long ones. */
    private static final class Blocks extends JsonSerializer<Object> implements ContextualSerializer {
        static final Object THREADS = new Object();
        private final JsonSerializer<Object> fallback;

        @SuppressWarnings("unchecked")
        Blocks(JsonSerializer<?> fallback) { this.fallback = (JsonSerializer<Object>) fallback; }

        @Override public JsonSerializer<?> createContextual(SerializerProvider provider, BeanProperty property) throws JsonMappingException {
            return new Blocks(provider.handlePrimaryContextualization(fallback, property));
        }

        @Override public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            Object t = provider.getAttribute(THREADS);
            int threads = t instanceof Integer i ? i : 1;
            if (threads <= 1 || !(value instanceof List<?> list) || list.size() < 2 * BLOCK) {
                fallback.serialize(value, gen, provider);
                return;
            }
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
                Thread th = new Thread(r, "failready-report-json");
                th.setDaemon(true);
                return th;
            });
            try {
                int blocks = (list.size() + BLOCK - 1) / BLOCK;
                // at most two blocks per thread in flight: a 1M-evaluation report never sits in memory twice
                int ahead = 2 * threads;
                ArrayDeque<Future<Block>> pending = new ArrayDeque<>();
                int next = 0;
                gen.writeStartArray(value, list.size());
                for (int b = 0; b < blocks; b++) {
                    while (next < blocks && pending.size() < ahead) {
                        List<?> slice = list.subList(next * BLOCK, Math.min(list.size(), (next + 1) * BLOCK));
                        pending.add(pool.submit(() -> Block.of(slice)));
                        next++;
                    }
                    Block block = take(pending.removeFirst());
                    for (int i = 0; i < block.ends.length; i++) {
                        gen.writeRawValue(new Raw(block.bytes, i == 0 ? 0 : block.ends[i - 1], block.ends[i]));
                    }
                }
                gen.writeEndArray();
            } finally {
                // blocks still being serialized are left to finish: none outlives the write (a failed one may not touch the report later)
                pool.shutdownNow();
                boolean interrupted = false;
                while (true) {
                    try {
                        if (pool.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES)) break;
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) Thread.currentThread().interrupt();
            }
        }

        private static Block take(Future<Block> f) throws IOException {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while writing the JSON report", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) throw io;
                if (e.getCause() instanceof RuntimeException re) throw re;
                if (e.getCause() instanceof Error err) throw err;
                throw new IOException(e.getCause());
            }
        }

        @Override public boolean isEmpty(SerializerProvider provider, Object value) { return fallback.isEmpty(provider, value); }
    }

    /** A block of evaluations serialized one after another; {@code ends[i]} is where the i-th ends in {@code bytes}. */
    private record Block(byte[] bytes, int[] ends) {
        static Block of(List<?> slice) throws IOException {
            Buffer buf = new Buffer(slice.size() * 640); // an evaluation is ~600 bytes: one array, rarely regrown
            int[] ends = new int[slice.size()];
            // one serializer provider per block (as ONE.writeValue makes one per value): the mapper's
            // configuration, and the generator without a pretty printer writes each value compactly
            SerializerProvider provider = Json.MAPPER.getSerializerProviderInstance();
            JsonSerializer<Object> serializer = provider.findTypedValueSerializer(Evaluation.class, true, null);
            try (JsonGenerator g = ONE.createGenerator(buf)) {
                // values one after another with nothing between them: the writer places each
                g.setRootValueSeparator(null);
                for (int i = 0; i < ends.length; i++) {
                    Object e = slice.get(i);
                    if (e == null) g.writeNull();
                    else serializer.serialize(e, g, provider);
                    ends[i] = buf.size() + g.getOutputBuffered();
                }
            }
            return new Block(buf.bytes(), ends);
        }
    }

    private static final class Buffer extends ByteArrayOutputStream {
        Buffer(int size) { super(size); }
        /** The backing array, not a copy: only {@code size()} bytes of it are meant. */
        byte[] bytes() { return buf; }
    }

    /** Already-serialized JSON, written by the generator as a raw value (only the unquoted UTF-8 forms are used). */
    private record Raw(byte[] bytes, int from, int to) implements SerializableString {
        @Override public String getValue() { return new String(bytes, from, to - from, StandardCharsets.UTF_8); }
        @Override public int charLength() { return getValue().length(); }
        @Override public byte[] asUnquotedUTF8() { return java.util.Arrays.copyOfRange(bytes, from, to); }
        @Override public int appendUnquotedUTF8(byte[] buffer, int offset) {
            int len = to - from;
            if (offset + len > buffer.length) return -1;
            System.arraycopy(bytes, from, buffer, offset, len);
            return len;
        }
        @Override public int writeUnquotedUTF8(OutputStream out) throws IOException {
            out.write(bytes, from, to - from);
            return to - from;
        }
        @Override public int putUnquotedUTF8(ByteBuffer buffer) {
            int len = to - from;
            if (len > buffer.remaining()) return -1;
            buffer.put(bytes, from, len);
            return len;
        }
        @Override public int appendUnquoted(char[] buffer, int offset) {
            String s = getValue();
            if (offset + s.length() > buffer.length) return -1;
            s.getChars(0, s.length(), buffer, offset);
            return s.length();
        }
        // quoting would make it a JSON string, which it is not
        @Override public char[] asQuotedChars() { throw new UnsupportedOperationException(); }
        @Override public byte[] asQuotedUTF8() { throw new UnsupportedOperationException(); }
        @Override public int appendQuotedUTF8(byte[] buffer, int offset) { throw new UnsupportedOperationException(); }
        @Override public int appendQuoted(char[] buffer, int offset) { throw new UnsupportedOperationException(); }
        @Override public int writeQuotedUTF8(OutputStream out) { throw new UnsupportedOperationException(); }
        @Override public int putQuotedUTF8(ByteBuffer buffer) { throw new UnsupportedOperationException(); }
    }
}
