package io.failready.rules;

import io.failready.util.AtomicFiles;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

/**
 * An on-disk cache of compiled rule packages, so a CLI run pays Drools' DRL compilation
 * (~1-3 s: parsing, MVEL analysis, generating and compiling consequence classes) only when the
 * rules or the jar change. Rebuilding the Rete network from cached packages takes a fraction of
 * that. The key is a SHA-256 of the jar (path, size, mtime) and every DRL file's name, package and
 * text in load order, so an edited rule or a rebuilt jar never reuses stale bytecode.
 *
 * <p>Used only when running from a jar (tests compile every time). {@code FAILREADY_RULE_CACHE=off}
 * disables it; {@code FAILREADY_CACHE_DIR} moves it (default {@code ~/.cache/failready}). Any
 * failure reading the cache falls back to compiling: the cache can make a run faster, never wrong.
 */
final class RuleBaseCache {
    private RuleBaseCache() {}

    private static final String FORMAT = "kbase-v1";

    /** The cache file for this rule set, or null when caching is off or not applicable. */
    static Path file(RuleSet set) {
        String env = System.getenv("FAILREADY_RULE_CACHE");
        if ("off".equalsIgnoreCase(env) || "0".equals(env) || "false".equalsIgnoreCase(env)) return null;
        Path jar = jar();
        if (jar == null) return null;
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            update(md, FORMAT);
            update(md, jar.toAbsolutePath().toString());
            update(md, Long.toString(Files.size(jar)));
            update(md, Long.toString(Files.getLastModifiedTime(jar).toMillis()));
            update(md, System.getProperty("java.specification.version"));
            for (RuleSet.DrlSource s : set.sources()) {
                update(md, s.displayName());
                update(md, s.packageName());
                update(md, String.valueOf(s.path().getFileName()));
                update(md, s.text());
            }
            String dir = System.getenv("FAILREADY_CACHE_DIR");
            Path root = dir != null && !dir.isBlank() ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".cache", "failready");
            return root.resolve("rules").resolve(HexFormat.of().formatHex(md.digest()) + ".kbase");
        } catch (IOException | NoSuchAlgorithmException | RuntimeException e) {
            return null;
        }
    }

    private static void update(MessageDigest md, String s) {
        md.update(s.getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
    }

    private static Path jar() {
        try {
            var src = RuleBaseCache.class.getProtectionDomain().getCodeSource();
            if (src == null) return null;
            Path p = Path.of(src.getLocation().toURI());
            return Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p : null;
        } catch (URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The cached rule base, or null on a miss or any problem with the cache file. */
    @SuppressWarnings("unchecked")
    static KieBase load(Path file) {
        if (file == null || !Files.isRegularFile(file)) return null;
        try (InputStream in = new DroolsObjectInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                RuleBaseCache.class.getClassLoader())) {
            Collection<KiePackage> pkgs = (Collection<KiePackage>) ((DroolsObjectInputStream) in).readObject();
            InternalKnowledgeBase kb = KnowledgeBaseFactory.newKnowledgeBase();
            kb.addPackages((Collection) pkgs);
            try {
                Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
            } catch (IOException e) {
                // only the pruning order depends on it
            }
            return kb;
        } catch (Exception | LinkageError e) {
            return null;
        }
    }

    /** Keeps the most recent {@link #KEEP} rule bases: each edit of a rule directory leaves one behind. */
    private static void prune(Path dir) throws IOException {
        List<Path> all;
        try (var s = Files.list(dir)) {
            all = new ArrayList<>(s.filter(p -> p.toString().endsWith(".kbase")).toList());
        }
        if (all.size() <= KEEP) return;
        all.sort(java.util.Comparator.comparing((Path p) -> {
            try {
                return Files.getLastModifiedTime(p).toMillis();
            } catch (IOException e) {
                return 0L;
            }
        }).reversed());
        for (Path old : all.subList(KEEP, all.size())) Files.deleteIfExists(old);
    }

    private static final int KEEP = 16;

    /** Stores the compiled packages; failing to write the cache is not an error. */
    static void store(Path file, KieBase kb) {
        if (file == null) return;
        try {
            List<KiePackage> pkgs = new ArrayList<>(kb.getKiePackages());
            AtomicFiles.write(file, out -> {
                ObjectOutputStream o = new DroolsObjectOutputStream(new BufferedOutputStream(out, 1 << 16));
                o.writeObject(pkgs);
                o.flush();
            });
            prune(file.getParent());
        } catch (IOException | RuntimeException e) {
            // read-only home, full disk, a package Drools cannot serialise: compile next time too
        }
    }
}
