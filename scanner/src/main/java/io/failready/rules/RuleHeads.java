package io.failready.rules;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link RuleCatalog} reads of each DRL rule (name, position, salience, annotations), and the
 * bundled catalog's heads written at build time ({@code PrecompileRules}) beside the precompiled
 * model. Parsing the 50 bundled DRL files at run time loads and warms up the DRL parser, ~0.1 s of
 * CPU on the path every evaluation waits for. The file is used only when it was built from exactly
 * the bundled DRL this run reads (the same digest the precompiled model is checked against); any
 * other DRL, and every user rule directory, is parsed as before, so a stale or missing file costs
 * time, never a different catalog.
 */
public final class RuleHeads {
    private RuleHeads() {}

    /** {@code annotations}: each annotation's single value, stripped of quotes (null when it has none), in DRL order. */
    public record Head(String name, int line, int column, String salience, Map<String, String> annotations) {
        public Head {
            annotations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
        }
    }

    static final String RESOURCE = "/failready/rules-model/catalog-heads";
    private static final int FORMAT = 1;

    public static String resource() { return RESOURCE; }

    /** The heads of every bundled source of {@code set} by display name, or null when the build's file does not match them. */
    static Map<String, List<Head>> bundled(RuleSet set) {
        List<RuleSet.DrlSource> bundled = new ArrayList<>();
        for (RuleSet.DrlSource s : set.sources()) if (s.bundled()) bundled.add(s);
        if (bundled.isEmpty()) return null;
        try (InputStream in = io.failready.util.ClasspathDirs.resource(RESOURCE)) {
            if (in == null) return null;
            Map<String, List<Head>> heads = read(in, RuleBaseLoader.digest(bundled));
            if (heads == null || heads.size() != bundled.size()) return null;
            for (RuleSet.DrlSource s : bundled) if (!heads.containsKey(s.displayName())) return null;
            return heads;
        } catch (IOException | RuntimeException e) {
            return null; // unreadable: parse the DRL, which is what the file stands for
        }
    }

    /** The file's bytes for {@code bundled}, the catalog's DRL as a run reads it. */
    public static byte[] write(List<RuleSet.DrlSource> bundled) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(FORMAT);
            out.writeUTF(RuleBaseLoader.digest(bundled));
            out.writeInt(bundled.size());
            for (RuleSet.DrlSource src : bundled) {
                List<Head> heads = RuleCatalog.heads(src);
                out.writeUTF(src.displayName());
                out.writeInt(heads.size());
                for (Head h : heads) {
                    out.writeUTF(h.name());
                    out.writeInt(h.line());
                    out.writeInt(h.column());
                    nullable(out, h.salience());
                    out.writeInt(h.annotations().size());
                    for (Map.Entry<String, String> a : h.annotations().entrySet()) {
                        out.writeUTF(a.getKey());
                        nullable(out, a.getValue());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The heads in {@code in}, or null when they were written from DRL other than the one with {@code digest}. */
    static Map<String, List<Head>> read(InputStream stream, String digest) throws IOException {
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(stream));
        if (in.readInt() != FORMAT || !in.readUTF().equals(digest)) return null;
        Map<String, List<Head>> out = new LinkedHashMap<>();
        int sources = in.readInt();
        for (int i = 0; i < sources; i++) {
            String display = in.readUTF();
            int n = in.readInt();
            List<Head> heads = new ArrayList<>(n);
            for (int j = 0; j < n; j++) {
                String name = in.readUTF();
                int line = in.readInt();
                int column = in.readInt();
                String salience = nullable(in);
                int count = in.readInt();
                Map<String, String> annotations = new LinkedHashMap<>();
                for (int k = 0; k < count; k++) annotations.put(in.readUTF(), nullable(in));
                heads.add(new Head(name, line, column, salience, annotations));
            }
            out.put(display, List.copyOf(heads));
        }
        if (in.read() != -1) return null; // trailing bytes: not a file this code wrote
        return out;
    }

    private static void nullable(DataOutputStream out, String s) throws IOException {
        out.writeBoolean(s != null);
        if (s != null) out.writeUTF(s);
    }

    private static String nullable(DataInputStream in) throws IOException {
        return in.readBoolean() ? in.readUTF() : null;
    }
}
