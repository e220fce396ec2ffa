package io.failready.tooling.rules;

import io.failready.rules.RuleBaseLoader;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleHeads;
import io.failready.rules.RuleIndex;
import io.failready.rules.RuleSet;
import io.failready.rules.RuleSources;
import io.failready.util.InputException;
import org.drools.compiler.kie.builder.impl.InternalKieModule;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Build step (Maven, process-classes): compiles the bundled DRL into a Drools executable model and
 * writes the model's classes into the classes directory, beside the decision classes it calls, so the
 * jar carries the catalog precompiled. Also writes the list of model classes and the digest of the
 * DRL they came from, which {@link RuleBaseLoader} checks before trusting them.
 * Usage: {@code PrecompileRules CLASSES_DIR} (the bundled rules are read from CLASSES_DIR/failready/rules).
 */
public final class PrecompileRules {
    private PrecompileRules() {}

    public static void main(String[] args) throws IOException {
        if (args.length != 1) throw new IllegalArgumentException("usage: PrecompileRules CLASSES_DIR");
        Path classes = Path.of(args[0]);
        List<RuleSet.DrlSource> drl = RuleSources.scanBundled(classes.resolve("failready/rules"));
        // Generating and compiling the model takes ~10 s of CPU; a build that changed neither the DRL nor
        // the classes the model calls (decisions, facts, rules.api) reuses the model it made last time.
        Path keyFile = classes.resolve("failready/rules-model/build-key");
        Path listFile = classes.resolve(RuleBaseLoader.modelListResource().substring(1));
        writeCatalogFiles(classes, drl);
        String key = buildKey(classes, drl);
        if (Files.isRegularFile(keyFile) && Files.isRegularFile(listFile) && Files.readString(keyFile).equals(key)
                && Files.readAllLines(listFile).stream().filter(l -> !l.isBlank())
                        .allMatch(c -> Files.isRegularFile(classes.resolve(c.replace('.', '/') + ".class")))) {
            System.out.println("failready: precompiled rules are up to date");
            return;
        }
        InternalKieModule module;
        try {
            module = RuleBaseLoader.compileModule(drl, List.of(), RuleBaseLoader.bundledRelease());
        } catch (InputException e) {
            System.err.println("failready: the bundled rules do not compile to an executable model: " + e.getMessage());
            System.exit(1);
            return;
        }
        int written = 0;
        for (String name : module.getFileNames()) {
            if (!name.endsWith(".class")) continue;
            Path out = classes.resolve(name);
            Files.createDirectories(out.getParent());
            Files.write(out, module.getBytes(name));
            written++;
        }
        List<String> models = RuleBaseLoader.modelClassNames(module, RuleBaseLoader.bundledRelease());
        Files.createDirectories(listFile.getParent());
        Files.writeString(listFile, String.join("\n", models) + "\n", StandardCharsets.UTF_8);
        Files.writeString(classes.resolve(RuleBaseLoader.modelDigestResource().substring(1)), RuleBaseLoader.digest(drl) + "\n", StandardCharsets.UTF_8);
        Files.writeString(keyFile, key, StandardCharsets.UTF_8);
        System.out.println("failready: precompiled " + drl.size() + " rule files into " + models.size() + " models (" + written + " classes)");
    }

    /**
     * The catalog's heads and the rule index, from the DRL being built: cheap to write, and they must
     * match the DRL even when the model is reused. The index is what {@code gate --report} judges a
     * saved report's severities by; the repository's rules/catalog.index is a copy for readers (kept in
     * step by a test, which a build through the launcher does not run), so the jar never carries it:
     * an edited {@code @severity} would otherwise reach the gate as the old one and not block.
     */
    static void writeCatalogFiles(Path classes, List<RuleSet.DrlSource> drl) throws IOException {
        Path heads = classes.resolve(RuleHeads.resource().substring(1));
        Files.createDirectories(heads.getParent());
        Files.write(heads, RuleHeads.write(drl));
        Path index = classes.resolve(RuleIndex.resource().substring(1));
        Files.createDirectories(index.getParent());
        Files.writeString(index, RuleIndex.format(RuleCatalog.read(new RuleSet(drl))), StandardCharsets.UTF_8);
    }

    /** The DRL digest plus every class under io/failready the build compiled (the model calls into them). */
    private static String buildKey(Path classes, List<RuleSet.DrlSource> drl) throws IOException {
        java.security.MessageDigest md;
        try {
            md = java.security.MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        md.update(RuleBaseLoader.digest(drl).getBytes(StandardCharsets.UTF_8));
        Path own = classes.resolve("io/failready");
        List<Path> files;
        try (var s = Files.walk(own)) {
            files = s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
        for (Path f : files) {
            md.update(own.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
            md.update(Files.readAllBytes(f));
        }
        return java.util.HexFormat.of().formatHex(md.digest());
    }
}
