package io.failready.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Which JVM flags and class-data archive each kind of command runs with, as the installed entrypoint
 * chooses them through packaging/launch.sh (the functions ./failready uses too). A stand-in {@code java}
 * prints the command line it was given, so no JVM starts: the runbook's {@code gate --report} must not
 * pay for the evaluation heap's shape, and FAILREADY_JAVA_OPTS must still replace every default.
 */
class EntrypointJvmOptionsTest {
    private static final String KERNEL_THP = "/sys/kernel/mm/transparent_hugepage/enabled";
    private static final String THP = "-XX:+UseTransparentHugePages";

    @TempDir Path tmp;

    @BeforeEach
    void installWithAStandInJava() throws Exception {
        Path packaging = Path.of("..", "packaging");
        Files.createDirectories(tmp.resolve("bin"));
        Files.createDirectories(tmp.resolve("lib"));
        Files.createDirectories(tmp.resolve("jdk/bin"));
        Files.copy(packaging.resolve("entrypoint.sh"), tmp.resolve("bin/failready"));
        // the kernel's huge-pages setting is read from a file of this test's, so each case can set it
        String launch = Files.readString(packaging.resolve("launch.sh"));
        assertTrue(launch.contains(KERNEL_THP), "launch.sh no longer reads " + KERNEL_THP);
        Files.writeString(tmp.resolve("lib/launch.sh"), launch.replace(KERNEL_THP, tmp.resolve("thp-enabled").toString()));
        Files.writeString(tmp.resolve("thp-enabled"), "always madvise [never]\n");
        Files.writeString(tmp.resolve("lib/failready.jar"), "not a jar: the stand-in java never opens it");
        Files.writeString(tmp.resolve("lib/failready-bundle.jar"), "not a jar either");
        Path java = tmp.resolve("jdk/bin/java");
        Files.writeString(java, "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private List<String> javaArgs(Map<String, String> env, String... args) throws Exception {
        List<String> argv = new ArrayList<>(List.of("bash", tmp.resolve("bin/failready").toString()));
        argv.addAll(List.of(args));
        Map<String, String> e = new HashMap<>(env);
        e.put("JAVA_HOME", tmp.resolve("jdk").toString());
        DockerfileIT.Result r = DockerfileIT.run(argv, e, tmp, 60);
        assertEquals(0, r.code(), r.out());
        List<String> flags = new ArrayList<>();
        for (String a : r.out().strip().split("\n")) {
            if (a.equals("-cp")) break;
            flags.add(a);
        }
        return flags;
    }

    private String launchSh(String expression) throws Exception {
        return DockerfileIT.run(List.of("bash", "-c", "source lib/launch.sh && echo \"" + expression + "\""), Map.of(), tmp, 30).out().strip();
    }

    @Test
    void theGateOnASavedReportStartsWithoutTheEvaluationHeap() throws Exception {
        List<String> gate = javaArgs(Map.of("FAILREADY_CDS", "off"), "gate", "--report", "r.json");
        assertEquals(List.of(launchSh("$FAILREADY_QUICK_JVM_OPTS").split(" ")), gate);
        assertFalse(gate.contains("-Xmn96m"), gate.toString());
        assertEquals(gate, javaArgs(Map.of("FAILREADY_CDS", "off"), "gate", "--report=r.json"));
        assertEquals(gate, javaArgs(Map.of("FAILREADY_CDS", "off"), "gate", "-rr.json", "--to", "eu-west-1"));
        assertEquals(gate, javaArgs(Map.of("FAILREADY_CDS", "off"), "gate", "-r", "r.json"));
        assertEquals(gate, javaArgs(Map.of("FAILREADY_CDS", "off"), "rules", "list"));
    }

    @Test
    void commandsThatHoldAnEstateKeepTheHeapShapedForIt() throws Exception {
        List<String> defaults = List.of(launchSh("$FAILREADY_DEFAULT_JVM_OPTS").split(" "));
        assertTrue(defaults.contains("-Xmn96m"), defaults.toString());
        assertEquals(defaults, javaArgs(Map.of("FAILREADY_CDS", "off"), "evaluate", "--snapshot", "s.json", "--config", "c.yaml"));
        // a gate that evaluates a snapshot holds the estate
        assertEquals(defaults, javaArgs(Map.of("FAILREADY_CDS", "off"), "gate", "--snapshot", "s.json", "--config", "c.yaml"));
        assertEquals(defaults, javaArgs(Map.of("FAILREADY_CDS", "off"), "scan", "--demo"));
    }

    @Test
    void theHeapUsesHugePagesOnlyWhereTheKernelOffersThem() throws Exception {
        for (String mode : List.of("[always] madvise never", "always [madvise] never")) {
            Files.writeString(tmp.resolve("thp-enabled"), mode + "\n");
            List<String> gate = javaArgs(Map.of("FAILREADY_CDS", "off"), "gate", "--report", "r.json");
            List<String> evaluate = javaArgs(Map.of("FAILREADY_CDS", "off"), "evaluate", "--snapshot", "s.json");
            assertTrue(gate.contains(THP) && evaluate.contains(THP), mode + ": " + gate + " " + evaluate);
            assertTrue(evaluate.contains("-Xmn96m"), evaluate.toString());
        }
        // JDK 17 answers the flag on such a kernel with a warning on standard output, where a report may go
        Files.writeString(tmp.resolve("thp-enabled"), "always madvise [never]\n");
        assertFalse(javaArgs(Map.of("FAILREADY_CDS", "off"), "evaluate", "--snapshot", "s.json").contains(THP));
        Files.delete(tmp.resolve("thp-enabled")); // no such file: not Linux, or a kernel without them
        assertFalse(javaArgs(Map.of("FAILREADY_CDS", "off"), "gate", "--report", "r.json").contains(THP));
        assertFalse(javaArgs(Map.of("FAILREADY_CDS", "off", "FAILREADY_JAVA_OPTS", "-Xmx1g"), "evaluate", "--snapshot", "s.json").contains(THP));
    }

    @Test
    void aMissingBundleIsOneClearErrorBeforeJavaStarts() throws Exception {
        Files.delete(tmp.resolve("lib/failready-bundle.jar"));
        DockerfileIT.Result r = DockerfileIT.run(List.of("bash", tmp.resolve("bin/failready").toString(), "gate", "--report", "r.json"),
                Map.of("JAVA_HOME", tmp.resolve("jdk").toString()), tmp, 60);
        assertEquals(1, r.code(), r.out());
        assertEquals("failready: " + tmp.resolve("lib").toRealPath() + "/failready-bundle.jar is missing: "
                + "install it with failready.jar from the same build (packaging/install.sh)", r.out().strip());
    }

    @Test
    void failreadyJavaOptsReplacesTheDefaultsOfEveryKind() throws Exception {
        Map<String, String> env = Map.of("FAILREADY_CDS", "off", "FAILREADY_JAVA_OPTS", "-Xmx123m -XX:+UseSerialGC");
        assertEquals(List.of("-Xmx123m", "-XX:+UseSerialGC"), javaArgs(env, "gate", "--report", "r.json"));
        assertEquals(List.of("-Xmx123m", "-XX:+UseSerialGC"), javaArgs(env, "evaluate", "--snapshot", "s.json"));
    }

    @Test
    void aFlagInFailreadyJavaOptsOverridesTheArchivesOwn() throws Exception {
        String stamp = DockerfileIT.run(List.of("bash", "-c", "source lib/launch.sh && failready_jar_stamp lib/failready.jar"), Map.of(), tmp, 30).out().strip();
        Files.writeString(tmp.resolve("lib/failready-quick-" + stamp + ".jsa"), "archive");
        List<String> flags = javaArgs(Map.of("FAILREADY_JAVA_OPTS", "-XX:ArchiveRelocationMode=1"), "gate", "--report", "r.json");
        // the JVM takes the last of two settings of one flag
        assertEquals("-XX:ArchiveRelocationMode=1", flags.get(flags.size() - 1), flags.toString());
        assertTrue(flags.indexOf("-XX:ArchiveRelocationMode=0") < flags.indexOf("-XX:ArchiveRelocationMode=1"), flags.toString());
    }

    @Test
    void eachKindMapsItsOwnArchive() throws Exception {
        String stamp = DockerfileIT.run(List.of("bash", "-c", "source lib/launch.sh && failready_jar_stamp lib/failready.jar"), Map.of(), tmp, 30).out().strip();
        assertTrue(stamp.matches("\\d+-\\d+-\\d+-\\d+"), "the jar's and the bundle's size and time: " + stamp);
        for (String kind : List.of("quick", "evaluate")) Files.writeString(tmp.resolve("lib/failready-" + kind + "-" + stamp + ".jsa"), "archive");
        assertTrue(javaArgs(Map.of(), "gate", "--report", "r.json").contains("-XX:SharedArchiveFile=" + tmp.resolve("lib/failready-quick-" + stamp + ".jsa").toRealPath()));
        assertTrue(javaArgs(Map.of(), "evaluate", "--snapshot", "s.json").contains("-XX:SharedArchiveFile=" + tmp.resolve("lib/failready-evaluate-" + stamp + ".jsa").toRealPath()));
        // no collect archive: a scan of a live estate runs without one rather than with another kind's
        assertTrue(javaArgs(Map.of(), "scan", "--config", "c.yaml").stream().noneMatch(a -> a.startsWith("-XX:SharedArchiveFile")));
    }
}
