package io.failready.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportWritersTest {
    @TempDir Path tmp;

    /** Samples for a human to open: target/report-samples/. */
    static Path writeSamples() throws Exception {
        Path dir = Path.of("target", "report-samples");
        ReportWriters.write(TestReports.small(), TestReports.build(2, true, 1), dir, EnumSet.allOf(ReportFormat.class), TestReports.DOCS);
        return dir;
    }

    @Test
    void writesEveryRequestedFormatAndNothingElse() throws Exception {
        List<Path> files = ReportWriters.write(TestReports.small(), null, tmp, ReportFormat.parse("json,html,junit,md,csv"), TestReports.DOCS);
        assertEquals(List.of("report.json", "report.html", "junit.xml", "summary.md", "evaluations.csv"),
                files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) assertTrue(Files.size(f) > 0, f + " is empty");
        try (var s = Files.list(tmp)) {
            assertEquals(5, s.filter(p -> !p.getFileName().toString().equals(io.failready.util.OutputSet.LOCK_FILE)).count(),
                    "no temporary files may be left behind");
        }
        Path only = tmp.resolve("md-only");
        ReportWriters.write(TestReports.small(), null, only, ReportFormat.parse("md"), TestReports.DOCS);
        try (var s = Files.list(only)) {
            assertEquals(List.of(".failready.lock", "summary.md"), s.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void sameInputGivesSameBytesInEveryFormat() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        ReportWriters.write(TestReports.small(), TestReports.build(2, true, 1), a, EnumSet.allOf(ReportFormat.class), TestReports.DOCS);
        ReportWriters.write(TestReports.small(), TestReports.build(2, true, 1), b, EnumSet.allOf(ReportFormat.class), TestReports.DOCS);
        for (ReportFormat f : ReportFormat.values()) {
            assertArrayEquals(Files.readAllBytes(a.resolve(f.fileName())), Files.readAllBytes(b.resolve(f.fileName())), f.fileName());
        }
    }

    @Test
    void parsesFormatLists() {
        assertEquals(EnumSet.allOf(ReportFormat.class), ReportFormat.parse("all"));
        assertEquals(EnumSet.of(ReportFormat.MD, ReportFormat.CSV), ReportFormat.parse(" markdown , csv "));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse("pdf"));
        assertThrows(IllegalArgumentException.class, () -> ReportFormat.parse(","));
    }

    @Test
    void aFailedRenderLeavesNoPartialFile() throws Exception {
        Path dir = tmp.resolve("broken");
        Path templates = tmp.resolve("templates");
        Files.createDirectories(templates);
        Files.writeString(templates.resolve("report.ftlh"), "<html>${model.meta.title}${noSuchVariable}</html>");
        assertThrows(Exception.class, () -> ReportWriters.write(TestReports.small(), null, dir, EnumSet.of(ReportFormat.HTML),
                TestReports.DOCS, templates));
        assertFalse(Files.exists(dir.resolve("report.html")));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(".failready.lock"), s.map(p -> p.getFileName().toString()).toList(), "temporary file left behind");
        }
    }

    @Test
    void samplesForHumans() throws Exception {
        Path dir = writeSamples();
        assertTrue(Files.exists(dir.resolve("report.html")));
    }
}
