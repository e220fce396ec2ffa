package io.failready.rules;

import io.failready.util.Hashing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * What makes up one evaluation: the DRL files of the bundled catalog plus user directories, and the
 * Java decision classes of the user directories (the bundled ones are compiled by the build).
 */
public record RuleSet(List<DrlSource> sources, List<JavaSource> javaSources) {
    public RuleSet {
        sources = List.copyOf(sources);
        javaSources = List.copyOf(javaSources);
    }

    public RuleSet(List<DrlSource> sources) { this(sources, List.of()); }

    /** One DRL file; {@code displayName} is what error messages show (a user path or "rules/…"). */
    public record DrlSource(Path path, String displayName, String packageName, String text, boolean bundled) {}

    /** A decision class from a user rule directory, compiled together with its DRL. */
    public record JavaSource(Path path, String displayName, String className, String text) {}

    /*
     * One run asks for the digest of the same rules several times (rule-base caches, the precompiled
     * model's and the catalog heads' checks, the report's sources), each a pass over ~130 KB of DRL.
     */
    private static final java.util.Map<RuleSet, String> DIGESTS = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /** Hash over every rule file's display name and text, in name order: same rules, same hash. */
    public String sha256() {
        return DIGESTS.computeIfAbsent(this, RuleSet::computeSha256);
    }

    private String computeSha256() {
        MessageDigest md = Hashing.digest();
        sources.stream().sorted(Comparator.comparing(DrlSource::displayName)).forEach(s -> {
            md.update(s.displayName().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(s.text().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        });
        // decision classes of user directories decide too; a DRL-only set keeps the hash it always had
        javaSources.stream().sorted(Comparator.comparing(JavaSource::displayName)).forEach(s -> {
            md.update(s.displayName().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(s.text().getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
        });
        return HexFormat.of().formatHex(md.digest());
    }
}
