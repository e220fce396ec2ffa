package io.failready.rules;

import io.failready.model.Severity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Each rule id's section and severity, which is all the gate needs to judge a saved report. The
 * bundled part comes from the index the build writes from the bundled DRL (the repository's
 * {@code rules/catalog.index} is the same text, {@code failready rules list --format index}, kept in
 * step by RuleIndexTest for readers), because reading
 * the catalog from the DRL files in the jar costs more than the whole of {@code gate --report}
 * (opening the jar's rule tree and loading the DRL parser: ~0.4 s on top of a ~0.35 s command).
 * User rule directories are read from their DRL, since they cannot be indexed in advance.
 */
public final class RuleIndex {
    public record Entry(String section, Severity severity) {}

    static final String RESOURCE = "/failready/rules/catalog.index";

    /** Where the build writes the bundled index (tooling.rules.PrecompileRules), from the DRL it builds. */
    public static String resource() { return RESOURCE; }

    private final Map<String, Entry> rules;

    private RuleIndex(Map<String, Entry> rules) { this.rules = rules; }

    public Entry get(String id) { return rules.get(id); }
    public boolean contains(String id) { return rules.containsKey(id); }
    public java.util.Set<String> ids() { return rules.keySet(); }

    public static RuleIndex of(RuleCatalog catalog) {
        Map<String, Entry> m = new TreeMap<>();
        catalog.rules().forEach((id, md) -> m.put(id, new Entry(md.section(), md.severity())));
        return new RuleIndex(m);
    }

    /** The bundled rules plus {@code userDirs} (read, and checked for clashes, by the full catalog reader). */
    public static RuleIndex bundledPlus(List<Path> userDirs) {
        if (!userDirs.isEmpty()) return of(RuleCatalog.read(RuleSources.bundledPlus(userDirs)));
        try (InputStream in = io.failready.util.ClasspathDirs.resource(RESOURCE)) {
            // a classpath without the build's index (an IDE run of unbuilt sources): read the DRL
            if (in == null) return of(RuleCatalog.read(RuleSources.bundledPlus(List.of())));
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An index file's rules (the build's, or one written by {@code rules list --format index}). */
    public static RuleIndex parse(InputStream in) throws IOException {
        Map<String, Entry> m = new TreeMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = r.readLine()) != null; ) {
            if (line.isBlank()) continue;
            String[] f = line.split("\t");
            if (f.length != 3) throw new IllegalStateException("corrupt " + RESOURCE + ": " + line);
            m.put(f[0], new Entry(f[1], Severity.parse(f[2])));
        }
        return new RuleIndex(m);
    }

    /** The index file's text: one "ID TAB section TAB severity" line per rule, sorted by id. */
    public static String format(RuleCatalog catalog) {
        StringBuilder sb = new StringBuilder();
        catalog.rules().forEach((id, md) -> sb.append(id).append('\t').append(md.section()).append('\t')
                .append(md.severity().name()).append('\n'));
        return sb.toString();
    }
}
