package io.failready.report;

import io.failready.util.OutputSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run's report files appear as a set: a real child process killed with SIGTERM mid-write, two
 * concurrent runs and a held lock leave either the old set or the new one, the user's own files
 * untouched, and no temporary files.
 */
class OutputIntegrityTest {
    /**
     * The set under test. Not "all": the security formats (OCSF, ASFF, SARIF) of the 80k-evaluation
     * report add half a gigabyte and minutes on a shared machine while testing nothing more about
     * how a set of files is replaced.
     */
    static final java.util.Set<ReportFormat> FORMATS = EnumSet.of(ReportFormat.JSON, ReportFormat.HTML, ReportFormat.JUNIT, ReportFormat.MD, ReportFormat.CSV);
    static final List<String> ALL = FORMATS.stream().map(ReportFormat::fileName).toList();

    @TempDir static Path shared;
    static Path bigJson;
    @TempDir Path tmp;
    Path out;
    final Map<String, byte[]> oldSet = new HashMap<>();

    @BeforeEach
    void oldRunAndUserFile() throws Exception {
        out = tmp.resolve("out");
        ReportWriters.write(TestReports.small(), null, out, FORMATS, TestReports.DOCS);
        for (String f : ALL) oldSet.put(f, Files.readAllBytes(out.resolve(f)));
        Files.writeString(out.resolve("notes.txt"), "the user's own file");
    }

    /** Large enough that rendering every format takes the child a few seconds. */
    @BeforeAll
    static void bigReport() throws Exception {
        ReportWriters.write(TestReports.large(80_000), null, shared, EnumSet.of(ReportFormat.JSON), id -> null);
        bigJson = shared.resolve("report.json");
    }

    Process child(Path dir) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx1g", "io.failready.cli.FailReady",
                "report", bigJson.toString(), "--format", "json,html,junit,md,csv", "--out", dir.toString());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        pb.redirectErrorStream(true).redirectOutput(tmp.resolve("child-" + System.nanoTime() + ".log").toFile());
        return pb.start();
    }

    /** The directory holds exactly the old set or exactly a complete new one, plus the user's file and the lock. */
    void assertOneWholeSet() throws IOException {
        Set<String> names = new TreeSet<>();
        try (var s = Files.list(out)) { s.forEach(p -> names.add(p.getFileName().toString())); }
        Set<String> expected = new TreeSet<>(ALL);
        expected.add("notes.txt");
        expected.add(OutputSet.LOCK_FILE);
        assertEquals(expected, names, "no temporary files or staging directories left behind");
        assertEquals("the user's own file", Files.readString(out.resolve("notes.txt")));
        int old = 0;
        for (String f : ALL) if (java.util.Arrays.equals(oldSet.get(f), Files.readAllBytes(out.resolve(f)))) old++;
        assertTrue(old == 0 || old == ALL.size(), old + " of " + ALL.size() + " files are from the old run: a mix");
        if (old == 0) {
            assertTrue(Files.readString(out.resolve("report.html")).endsWith("</html>\n"), "new HTML is complete");
            assertTrue(Files.readString(out.resolve("junit.xml")).endsWith("</testsuites>\n"), "new JUnit is complete");
        }
    }

    @Test
    void sigtermMidWriteLeavesTheOldSetAndNoLeftovers() throws Exception {
        Process p = child(out);
        // wait until the child is writing (a staging directory with a file in it, or any temporary
        // file), then SIGTERM it
        boolean staging = false;
        for (int i = 0; i < 6000 && p.isAlive() && !staging; i++) {
            try (var s = Files.list(out)) {
                staging = s.anyMatch(f -> f.getFileName().toString().startsWith(".")
                        && !f.getFileName().toString().equals(OutputSet.LOCK_FILE) && (!Files.isDirectory(f) || nonEmptyDir(f)));
            }
            if (!staging) Thread.sleep(10);
        }
        assertTrue(staging, "the child never started writing");
        p.destroy(); // SIGTERM
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, p.exitValue(), "the child was terminated mid-write");
        assertOneWholeSet();
        for (String f : ALL) assertArrayEquals(oldSet.get(f), Files.readAllBytes(out.resolve(f)), f + " is still the old one");
    }

    @Test
    void twoConcurrentRunsEitherSerialiseOrOneIsRefused() throws Exception {
        List<Process> ps = new ArrayList<>(List.of(child(out), child(out)));
        List<Integer> codes = new ArrayList<>();
        for (Process p : ps) {
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
            codes.add(p.exitValue());
        }
        assertTrue(codes.contains(0), "one run succeeded: " + codes);
        for (int c : codes) assertTrue(c == 0 || c == 2, "a refused run exits 2: " + codes);
        assertOneWholeSet();
        assertFalse(java.util.Arrays.equals(oldSet.get("report.json"), Files.readAllBytes(out.resolve("report.json"))));
    }

    @Test
    void aRunIntoALockedDirectoryExitsTwoAndChangesNothing() throws Exception {
        try (FileChannel ch = FileChannel.open(out.resolve(OutputSet.LOCK_FILE), StandardOpenOption.WRITE);
             FileLock held = ch.lock()) {
            Process p = child(out);
            assertTrue(p.waitFor(300, TimeUnit.SECONDS));
            assertEquals(2, p.exitValue());
            String log;
            try (var s = Files.list(tmp)) {
                log = Files.readString(s.filter(f -> f.getFileName().toString().startsWith("child-")).findFirst().orElseThrow());
            }
            assertTrue(log.contains("another failready run is writing reports into this directory"), log);
            assertTrue(log.contains(out.toString()), "names the directory: " + log);
        }
        assertOneWholeSet();
        for (String f : ALL) assertArrayEquals(oldSet.get(f), Files.readAllBytes(out.resolve(f)), f);
    }

    @Test
    void aStagingDirectoryLeftByAKilledRunIsRemovedByTheNextRun() throws Exception {
        Path stale = Files.createDirectory(out.resolve(".failready-staging-12345"));
        Files.writeString(stale.resolve("report.html"), "<html>half");
        ReportWriters.write(TestReports.small(), null, out, FORMATS, TestReports.DOCS);
        assertFalse(Files.exists(stale));
        assertOneWholeSet();
    }

    @Test
    void reportFilesAreReadableByTheirOwnerOnly() throws Exception {
        for (String f : ALL) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve(f))), f);
        }
    }

    @Test
    void outNamingAFileIsAUsageError() throws Exception {
        Path file = Files.writeString(tmp.resolve("afile"), "x");
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.failready.util.InputException.class,
                () -> ReportWriters.write(TestReports.small(), null, file, EnumSet.of(ReportFormat.JSON), TestReports.DOCS));
        assertTrue(e.describe().contains(file.toString()) && e.describe().contains("must be a directory"), e.describe());
        assertEquals("x", Files.readString(file));
    }

    private static boolean nonEmptyDir(Path d) {
        try (var s = Files.list(d)) {
            return s.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }
}
