package io.failready.rules;

import io.failready.util.InputException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds DRL files (the catalog bundled in the jar, and user rule directories) and the decision
 * classes of user rule directories ({@code .java} beside their DRL).
 */
public final class RuleSources {
    private RuleSources() {}

    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([A-Za-z_][\\w.]*)\\s*;?");
    private static volatile Path bundledRoot;
    private static volatile boolean userCodeLoaded;

    /**
     * Whether code from a rule directory has been read into this JVM: from then on the exit guard
     * treats a System.exit failready did not decide as the rules' doing.
     */
    public static boolean userCodeLoaded() { return userCodeLoaded; }

    /** Root of the bundled rules/ tree, inside the jar or the build's classes directory. */
    public static Path bundledRoot() {
        Path root = bundledRoot;
        if (root != null) return root;
        synchronized (RuleSources.class) {
            if (bundledRoot != null) return bundledRoot;
            bundledRoot = io.failready.util.ClasspathDirs.open("/failready/rules");
            return bundledRoot;
        }
    }

    public static RuleSet bundledPlus(List<Path> userDirs) {
        List<RuleSet.DrlSource> all = new ArrayList<>(scan(bundledRoot(), true));
        List<RuleSet.JavaSource> java = new ArrayList<>();
        for (Path dir : userDirs) {
            if (!Files.isDirectory(dir)) {
                throw new InputException(dir, "rule directory not found (given with --rules or ruleDirectories).");
            }
            List<RuleSet.DrlSource> found = scan(dir, false);
            if (found.isEmpty()) throw new InputException(dir, "rule directory holds no .drl files.");
            all.addAll(found);
            java.addAll(scanJava(dir));
        }
        return new RuleSet(all, java);
    }

    public static RuleSet only(List<Path> dirs) {
        List<RuleSet.DrlSource> all = new ArrayList<>();
        for (Path d : dirs) all.addAll(scan(d, false));
        return new RuleSet(all);
    }

    private static List<Path> files(Path root, String suffix) {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.getFileName() != null && p.getFileName().toString().endsWith(suffix))
                    // fixtures and docs never hold rules; skipping them keeps stray files out of the KieBase
                    .filter(p -> !p.toString().contains("/fixtures/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(root, "cannot read rule directory: " + e.getMessage(), e);
        }
    }

    private static String read(Path f, String display, String what) {
        io.failready.util.InputFiles.requireRegular(f, display);
        try {
            return Files.readString(f, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(f, "cannot read " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * The decision classes of a user rule directory. {@code *Test.java} files are unit tests (as
     * beside the bundled rules) and are not compiled: a rule directory runs without JUnit.
     */
    static List<RuleSet.JavaSource> scanJava(Path root) {
        List<RuleSet.JavaSource> out = new ArrayList<>();
        for (Path f : files(root, ".java")) {
            String file = f.getFileName().toString();
            if (file.endsWith("Test.java")) continue;
            String display = f.toString();
            String text = read(f, display, "decision class");
            UnsafeDrl.checkJava(text, display);
            userCodeLoaded = true;
            Matcher m = PACKAGE.matcher(UnsafeDrl.codeOnly(text));
            String simple = file.substring(0, file.length() - ".java".length());
            String name = m.find() ? m.group(1) + "." + simple : simple;
            if (onClassPath(name)) {
                throw new InputException(display, 1, 1, "decision class " + name + " has the name of a class failready already has; "
                        + "give it a package of its own (e.g. com.example.rules).");
            }
            out.add(new RuleSet.JavaSource(f, display, name, text));
        }
        return out;
    }

    private static boolean onClassPath(String className) {
        return RuleSources.class.getClassLoader().getResource(className.replace('.', '/') + ".class") != null;
    }

    /** The bundled catalog's DRL under {@code root}, read as a run reads it from the jar (the build's precompile step). */
    public static List<RuleSet.DrlSource> scanBundled(Path root) { return scan(root, true); }

    static List<RuleSet.DrlSource> scan(Path root, boolean bundled) {
        List<RuleSet.DrlSource> out = new ArrayList<>();
        for (Path f : files(root, ".drl")) {
            String text = read(f, display(root, f, bundled), "rule file");
            if (!bundled) {
                UnsafeDrl.check(text, display(root, f, bundled));
                userCodeLoaded = true;
            }
            Matcher m = PACKAGE.matcher(text);
            if (!m.find()) throw new InputException(display(root, f, bundled), 1, 1, "rule file has no 'package' declaration.");
            out.add(new RuleSet.DrlSource(f, display(root, f, bundled), m.group(1), text, bundled));
        }
        return out;
    }

    private static String display(Path root, Path f, boolean bundled) {
        return bundled ? "rules/" + root.relativize(f).toString().replace('\\', '/') : f.toString();
    }
}
