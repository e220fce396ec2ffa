package io.failready.report;

import io.failready.cli.DiffCommand;
import io.failready.cli.ReportCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report and diff commands, run through picocli as the root command will run them. */
class ReportCliTest {
    @TempDir Path tmp;
    Path oldJson, newJson;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    @BeforeEach
    void reports() throws Exception {
        ReportWriters.write(TestReports.build(2, true, 0), null, tmp.resolve("old"), EnumSet.of(ReportFormat.JSON), id -> null);
        ReportWriters.write(TestReports.build(2, true, 1), null, tmp.resolve("new"), EnumSet.of(ReportFormat.JSON), id -> null);
        oldJson = tmp.resolve("old/report.json");
        newJson = tmp.resolve("new/report.json");
    }

    int run(Object command, String... args) {
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void reportReRendersASavedReportWithTrend() throws Exception {
        Path dir = tmp.resolve("out");
        int code = run(new ReportCommand(), newJson.toString(), "--format", "html,md,junit,csv", "--out", dir.toString(),
                "--previous", oldJson.toString());
        assertEquals(0, code, err.toString());
        for (String f : new String[]{"report.html", "summary.md", "junit.xml", "evaluations.csv"}) assertTrue(Files.exists(dir.resolve(f)), f);
        assertFalse(Files.exists(dir.resolve("report.json")));
        assertTrue(Files.readString(dir.resolve("report.html")).contains("id=\"changes\""), "diff shown with --previous");
        assertTrue(Files.readString(dir.resolve("summary.md")).contains("### Since the previous report"));
        // bundled rule docs are found by id
        assertTrue(Files.readString(dir.resolve("report.html")).contains("Applications in the recovery region start by reading"));
    }

    @Test
    void templateOverrideReplacesReportFtlhAndKeepsBundledComponents() throws Exception {
        Path t = tmp.resolve("tpl");
        Files.createDirectories(t);
        Files.writeString(t.resolve("report.ftlh"), "<#import \"layout.ftlh\" as layout><@layout.page title=\"Custom\">"
                + "<h1 id=\"custom\">${model.verdict} ${model.meta.title}</h1></@layout.page>");
        int code = run(new ReportCommand(), newJson.toString(), "--format", "html", "--out", tmp.resolve("o").toString(),
                "--template", t.toString());
        assertEquals(0, code, err.toString());
        String html = Files.readString(tmp.resolve("o/report.html"));
        assertTrue(html.contains("<h1 id=\"custom\">NOT_READY Failover readiness — 2 workloads</h1>"), html);
        assertTrue(html.contains("<title>Custom</title>"));
    }

    @Test
    void badInputIsExitTwoWithFileAndLine() throws Exception {
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\n  \"schemaVersion\": \"1.1\",\n  oops\n}");
        assertEquals(2, run(new ReportCommand(), bad.toString(), "--out", tmp.resolve("x").toString()));
        assertTrue(err.toString().contains(bad + ":3:"), err.toString());
        assertEquals(2, run(new ReportCommand(), newJson.toString(), "--format", "pdf"));
        assertEquals(2, run(new ReportCommand(), tmp.resolve("missing.json").toString()));
        assertEquals(2, run(new DiffCommand(), oldJson.toString(), bad.toString()));
        assertEquals(2, run(new ReportCommand(), newJson.toString(), "--template", tmp.resolve("nope").toString()));
    }

    @Test
    void diffPrintsAndWritesEachFormat() throws Exception {
        assertEquals(0, run(new DiffCommand(), oldJson.toString(), newJson.toString()));
        assertTrue(out.toString().startsWith("failready diff: inventory collected 2026-03-01T11:55:00Z -> 2026-03-01T11:55:00Z"
                + " (reports written 2026-03-01T12:00:00Z -> 2026-04-01T12:00:00Z)"), out.toString());
        assertTrue(out.toString().contains("Regressed ("));
        Path dir = tmp.resolve("diff");
        assertEquals(0, run(new DiffCommand(), oldJson.toString(), newJson.toString(), "--format", "json", "--out", dir.toString()));
        assertTrue(Files.readString(dir.resolve("diff.json")).contains("\"regressed\""));
        assertEquals(0, run(new DiffCommand(), oldJson.toString(), newJson.toString(), "--format", "md", "--out", dir.toString()));
        assertTrue(Files.readString(dir.resolve("diff.md")).startsWith("## failready diff"));
        assertEquals(2, run(new DiffCommand(), oldJson.toString(), newJson.toString(), "--format", "xml"));
    }

    @Test
    void failOnRegressionExitsThreeOnlyWhenSomethingRegressed() {
        // old -> new regresses findings (variant 1 turns compliant ones non-compliant)
        assertEquals(3, run(new DiffCommand(), oldJson.toString(), newJson.toString(), "--fail-on-regression"));
        assertTrue(err.toString().contains("regressed") && err.toString().contains("--fail-on-regression"), err.toString());
        // the same report twice: nothing regressed
        assertEquals(0, run(new DiffCommand(), newJson.toString(), newJson.toString(), "--fail-on-regression"));
        // without the flag the diff itself never fails
        assertEquals(0, run(new DiffCommand(), oldJson.toString(), newJson.toString()));
    }
}
