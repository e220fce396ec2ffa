package io.failready.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundled tree (rules, demo, templates, schemas) ships in failready-bundle.jar beside the shaded
 * jar: a run opens that small archive as a file system, never the shaded jar's ~57k entries, and
 * refuses to run with a missing bundle or one of another build. Runs the packaged jars in a JVM of
 * their own (the integration-test phase, after the package phase built them).
 */
class BundleJarIT {
    @TempDir Path tmp;

    @BeforeEach
    void needsThisBuildsJars() throws IOException {
        // the bundle is not assumed: a build that leaves none must fail here, not skip
        Assumptions.assumeTrue(Files.isRegularFile(DockerfileIT.JAR) && DockerfileIT.isFresh(),
                "needs this build's jar (mvn package / the integration-test phase)");
    }

    /** Runs in the packaged jars' JVM: a demo scan, then which archives are open as file systems. */
    public static final class Probe {
        public static void main(String[] args) throws Exception {
            StringWriter err = new StringWriter();
            int code = FailReady.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "scan", "--demo", "--out", args[0]);
            System.out.println("exit=" + code + " " + err.toString().strip().replace('\n', ' '));
            for (int i = 1; i < args.length; i++) {
                boolean open;
                try {
                    FileSystems.getFileSystem(URI.create("jar:" + Path.of(args[i]).toUri()));
                    open = true;
                } catch (FileSystemNotFoundException e) {
                    open = false;
                }
                System.out.println(Path.of(args[i]).getFileName() + " open=" + open);
            }
        }
    }

    private static String testClasses() throws Exception {
        return Path.of(BundleJarIT.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    @Test
    void aDemoScanOpensTheSmallBundleAsAFileSystemNotTheShadedJar() throws Exception {
        DockerfileIT.Result r = DockerfileIT.run(List.of("java", "-XX:TieredStopAtLevel=1", "-cp", DockerfileIT.JAR + ":" + testClasses(),
                Probe.class.getName(), tmp.resolve("out").toString(), DockerfileIT.JAR.toString(), DockerfileIT.BUNDLE.toString()), Map.of(), tmp, 300);
        assertEquals(0, r.code(), r.out());
        assertTrue(r.out().contains("exit=3"), "the demo estate is NOT_READY: " + r.out());
        assertTrue(r.out().contains("failready.jar open=false"), "the 57k-entry shaded jar was opened as a file system: " + r.out());
        assertTrue(r.out().contains("failready-bundle.jar open=true"), r.out());
        assertTrue(Files.isRegularFile(tmp.resolve("out/report.json")));
    }

    @Test
    void aTreeOfTheShadedJarItselfIsStillReadFromIt() throws Exception {
        // the bench's stub AWS estate ships in the shaded jar (io/failready/tooling/...), not in the bundle:
        // that jar is this build by definition, so it is opened without the bundle's check
        DockerfileIT.Result r = DockerfileIT.run(List.of("java", "-XX:TieredStopAtLevel=1", "-cp", DockerfileIT.JAR.toString(),
                "io.failready.cli.FailReady", "bench", "collect", "--accounts", "1", "--latency-ms", "0", "--simulate-accounts", "2",
                "--work", tmp.resolve("collect").toString()), Map.of(), tmp, 300);
        // exit 3: with no latency the run cannot come within 1.3x of a zero bound; what matters is that it ran
        assertTrue(r.code() == 0 || r.code() == 3, r.code() + ": " + r.out());
        assertTrue(r.out().contains("calls/resource), 0 gaps"), r.out());
    }

    @Test
    void theTreeIsInTheBundleOnlyAndTheJarNamesItOnItsClassPath() throws IOException {
        try (JarFile jar = new JarFile(DockerfileIT.JAR.toFile()); ZipFile bundle = new ZipFile(DockerfileIT.BUNDLE.toFile())) {
            assertEquals("failready-bundle.jar", jar.getManifest().getMainAttributes().getValue("Class-Path"));
            assertFalse(jar.stream().anyMatch(e -> e.getName().startsWith("failready/")), "the tree is not also in the shaded jar");
            assertTrue(jar.getEntry("io/failready/bundle.digest") != null, "the shaded jar records its bundle's digest");
            for (String e : List.of("failready/rules/catalog.index", "failready/demo/payments.yaml", "failready/schemas/report.schema.json",
                    "failready/rules-model/digest", "META-INF/MANIFEST.MF"))
                assertTrue(bundle.getEntry(e) != null, "the bundle holds " + e);
            assertTrue(bundle.stream().allMatch(e -> e.getName().startsWith("failready/") || e.getName().startsWith("META-INF/")),
                    "the bundle holds the tree and nothing else");
        }
    }

    @Test
    void aMissingBundleIsAClearErrorAndNothingIsWritten() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.copy(DockerfileIT.JAR, lib.resolve("failready.jar"));
        DockerfileIT.Result r = DockerfileIT.run(List.of("java", "-XX:TieredStopAtLevel=1", "-cp", lib.resolve("failready.jar").toString(),
                "io.failready.cli.FailReady", "scan", "--demo", "--out", "out"), Map.of(), tmp, 300);
        assertEquals(ExitCodes.INTERNAL_ERROR, r.code(), r.out());
        assertTrue(r.out().contains("failready-bundle.jar must sit beside " + lib.resolve("failready.jar")), r.out());
        assertEquals(1, r.out().strip().lines().count(), "one paragraph: " + r.out());
        assertFalse(Files.exists(tmp.resolve("out/report.json")));

        // the gate on a saved report reads only the bundle's schemas, through the class loader: the same paragraph
        Path report = demoReport();
        DockerfileIT.Result gate = DockerfileIT.run(List.of("java", "-XX:TieredStopAtLevel=1", "-cp", lib.resolve("failready.jar").toString(),
                "io.failready.cli.FailReady", "gate", "--report", report.toString()), Map.of(), tmp, 300);
        assertEquals(ExitCodes.INTERNAL_ERROR, gate.code(), gate.out());
        assertTrue(gate.out().contains("failready-bundle.jar must sit beside " + lib.resolve("failready.jar")), gate.out());
        assertEquals(1, gate.out().strip().lines().count(), "one paragraph: " + gate.out());
    }

    /** A report of this build's demo scan, written by the jars as built. */
    private Path demoReport() throws Exception {
        DockerfileIT.Result r = DockerfileIT.run(List.of("java", "-XX:TieredStopAtLevel=1", "-cp", DockerfileIT.JAR.toString(),
                "io.failready.cli.FailReady", "scan", "--demo", "--out", tmp.resolve("demo").toString()), Map.of(), tmp, 300);
        assertEquals(ExitCodes.NOT_READY, r.code(), r.out());
        return tmp.resolve("demo/report.json");
    }

    @Test
    void anotherBuildsBundleIsRefusedBeforeAnyRuleRuns() throws Exception {
        Path lib = Files.createDirectories(tmp.resolve("lib"));
        Files.copy(DockerfileIT.JAR, lib.resolve("failready.jar"));
        // the same tree under another build's digest (a bundle left behind by an earlier install)
        try (ZipFile src = new ZipFile(DockerfileIT.BUNDLE.toFile());
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(lib.resolve("failready-bundle.jar")))) {
            for (ZipEntry e : new ArrayList<>(src.stream().toList())) {
                out.putNextEntry(new ZipEntry(e.getName()));
                byte[] bytes = src.getInputStream(e).readAllBytes();
                if (e.getName().equals("META-INF/MANIFEST.MF"))
                    bytes = new String(bytes, "UTF-8").replaceFirst("Failready-Bundle-Digest: \\w", "Failready-Bundle-Digest: z").getBytes("UTF-8");
                out.write(bytes);
                out.closeEntry();
            }
        }
        DockerfileIT.Result r = DockerfileIT.run(List.of("java", "-XX:TieredStopAtLevel=1", "-cp", lib.resolve("failready.jar").toString(),
                "io.failready.cli.FailReady", "scan", "--demo", "--out", "out"), Map.of(), tmp, 300);
        assertEquals(ExitCodes.INTERNAL_ERROR, r.code(), r.out());
        assertTrue(r.out().contains(lib.resolve("failready-bundle.jar") + " do not belong to " + lib.resolve("failready.jar")), r.out());
        assertFalse(Files.exists(tmp.resolve("out/report.json")));
        // nor does a command that reads bundled files only through the class loader: the gate's schemas, the rule index
        Path report = demoReport();
        for (List<String> args : List.of(List.of("gate", "--report", report.toString()), List.of("rules", "list"))) {
            List<String> argv = new ArrayList<>(List.of("java", "-XX:TieredStopAtLevel=1", "-cp", lib.resolve("failready.jar").toString(), "io.failready.cli.FailReady"));
            argv.addAll(args);
            DockerfileIT.Result refused = DockerfileIT.run(argv, Map.of(), tmp, 300);
            assertEquals(ExitCodes.INTERNAL_ERROR, refused.code(), args + ": " + refused.out());
            assertTrue(refused.out().contains(" do not belong to " + lib.resolve("failready.jar")), args + ": " + refused.out());
        }

        // the pair of one build, copied together, runs
        Files.copy(DockerfileIT.BUNDLE, lib.resolve("failready-bundle.jar"), StandardCopyOption.REPLACE_EXISTING);
        DockerfileIT.Result ok = DockerfileIT.run(List.of("java", "-XX:TieredStopAtLevel=1", "-jar", lib.resolve("failready.jar").toString(),
                "rules", "list"), Map.of(), tmp, 300);
        assertEquals(0, ok.code(), ok.out());
        assertTrue(ok.out().contains("DR_DRILL_RECENT"), ok.out());
    }
}
