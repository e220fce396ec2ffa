package io.failready.report;

import io.failready.cli.ReportCommand;
import io.failready.model.Report;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code failready report --portfolio}: several teams' reports as one overview, refusing what cannot be combined. */
class PortfolioCliTest {
    @TempDir Path tmp;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    int run(String... args) {
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** One saved report per workload of {@link TestReports}, renamed so two teams' reports can be combined. */
    Path save(String dir, Report r, int workload, String name, String inventoryAt) throws Exception {
        Report.WorkloadReport w = ScorecardsTest.withVerdict(r.workloads().get(workload), name, r.workloads().get(workload).verdict(),
                r.workloads().get(workload).score());
        Report.Sources src = new Report.Sources(new Report.Source("snapshot.json.gz", "a".repeat(64), inventoryAt), null, null, null);
        Report one = new Report(r.schemaVersion(), r.tool(), r.generatedAt(), r.asOf(), src, r.rules(), List.of(w),
                r.collectionGaps(), r.summary(), r.accounts());
        ReportWriters.write(one, null, tmp.resolve(dir), EnumSet.of(ReportFormat.JSON), id -> null);
        return tmp.resolve(dir).resolve("report.json");
    }

    @Test
    void combinesReportsWorstFirstWithEachWorkloadsOwnInventoryAge() throws Exception {
        Report r = ScorecardsTest.named(TestReports.small());
        Path a = save("a", r, 0, "orders", "2026-02-27T12:00:00Z");
        Path b = save("b", r, 1, "payments", "2026-03-01T10:00:00Z");
        Path dir = tmp.resolve("out");
        assertEquals(0, run("--portfolio", a.toString(), b.toString(), "--out", dir.toString()), err.toString());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("id=\"portfolio\""), "portfolio table");
        assertTrue(html.contains(">2 d</time>") && html.contains(">2 h</time>"), "each workload's own inventory age");
        String md = Files.readString(dir.resolve("summary.md"));
        assertTrue(md.contains("| Inventory age |") && md.contains("### Fix first"), md);
        assertFalse(Files.exists(dir.resolve("report.json")), "a portfolio is a view, not evidence");
    }

    @Test
    void trendFromEarlierReportsGivenWithPrevious() throws Exception {
        Report now = TestReports.small(), before = TestReports.build(2, true, 1);
        Path a = save("a", now, 0, "orders", "2026-03-01T10:00:00Z");
        Path b = save("b", now, 1, "payments", "2026-03-01T10:00:00Z");
        Path oa = save("oa", before, 0, "orders", "2026-02-01T10:00:00Z");
        Path dir = tmp.resolve("out");
        assertEquals(0, run("--portfolio", a.toString(), b.toString(), "--previous", oa.toString(), "--out", dir.toString()), err.toString());
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.matches("(?s).*data-workload=\"orders\".*?<span aria-hidden=\"true\">[▲▼▶]</span>.*"), "orders has a trend");
        assertTrue(html.matches("(?s).*data-workload=\"payments\".*?<span aria-hidden=\"true\">★</span> new.*"), "payments is new");
    }

    @Test
    void theSameWorkloadTwiceIsRefusedNamingBothFiles() throws Exception {
        Report r = TestReports.small();
        Path a = save("a", r, 0, "orders", "2026-03-01T10:00:00Z");
        Path b = save("b", r, 1, "orders", "2026-03-01T10:00:00Z");
        Path dir = tmp.resolve("out");
        assertEquals(2, run("--portfolio", a.toString(), b.toString(), "--out", dir.toString()));
        assertTrue(err.toString().contains(b.toString()) && err.toString().contains("also in " + a), err.toString());
        assertFalse(Files.exists(dir.resolve("report.html")), "nothing written");
    }

    /** The portfolio shows each report's verdict; one edited to READY over blocking findings is refused, not shown green. */
    @Test
    void aReportWhoseVerdictWasEditedIsRefused() throws Exception {
        Report r = ScorecardsTest.named(TestReports.small());
        Path a = save("a", r, 0, "orders", "2026-03-01T10:00:00Z");
        Path b = save("b", r, 1, "payments", "2026-03-01T10:00:00Z");
        com.fasterxml.jackson.databind.node.ObjectNode tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.failready.util.Json.MAPPER.readTree(b.toFile());
        com.fasterxml.jackson.databind.node.ObjectNode w = (com.fasterxml.jackson.databind.node.ObjectNode) tree.withArray("workloads").get(0);
        assertTrue(!"READY".equals(w.path("verdict").asText()), "the fixture's workload must not be READY already");
        w.put("verdict", "READY");
        Files.write(b, io.failready.util.Json.MAPPER.writeValueAsBytes(tree));
        Path dir = tmp.resolve("out");
        assertEquals(2, run("--portfolio", a.toString(), b.toString(), "--out", dir.toString()), err.toString());
        assertTrue(err.toString().contains(b.toString()) && err.toString().contains("READY"), err.toString());
        assertFalse(Files.exists(dir.resolve("report.html")), "nothing written");
    }

    @Test
    void misuseIsAUsageError() throws Exception {
        Report r = TestReports.small();
        Path a = save("a", r, 0, "orders", "2026-03-01T10:00:00Z");
        Path b = save("b", r, 1, "payments", "2026-03-01T10:00:00Z");
        assertEquals(2, run(a.toString(), b.toString(), "--out", tmp.resolve("o1").toString()));
        assertTrue(err.toString().contains("--portfolio"), err.toString());
        assertEquals(2, run("--portfolio", a.toString(), b.toString(), "--format", "csv", "--out", tmp.resolve("o2").toString()));
        assertTrue(err.toString().contains("html and md only"), err.toString());
        assertEquals(2, run(a.toString(), "--previous", a.toString(), "--previous", b.toString(), "--out", tmp.resolve("o3").toString()));
        Path bad = tmp.resolve("bad.json");
        Files.writeString(bad, "{\"schemaVersion\": \"1.3\"}");
        assertEquals(2, run("--portfolio", a.toString(), bad.toString(), "--out", tmp.resolve("o4").toString()));
        assertTrue(err.toString().contains("bad.json"), err.toString());
    }
}
