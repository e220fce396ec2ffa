package io.failready.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.config.FailreadyConfig;
import io.failready.demo.DemoEstate;
import io.failready.evaluate.RuleEngine;
import io.failready.model.Report;
import io.failready.report.HistoryWriter;
import io.failready.report.ReportDiff;
import io.failready.report.ReportFormat;
import io.failready.report.ReportReader;
import io.failready.report.ReportWriters;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code history} over six monthly reports made from the demo estate with the clock moved a month
 * at a time and changes planted in the inventory: the receipts bucket loses its replication for
 * the first two months (fixed in the third: resolved), and the throttle-alarm waiver expires on
 * 2026-10-31 (the November report: regressed).
 */
public class HistoryCommandTest {
    static final List<String> MONTHS = List.of("2026-06", "2026-07", "2026-08", "2026-09", "2026-10", "2026-11");
    static final String BUCKET = "arn:aws:s3:::payments-receipts-use1";

    @TempDir static Path tmp;
    static Path folder;
    static final List<Report> reports = new ArrayList<>();

    /** Six reports, one per month, in DIR/YYYY-MM/report.json; made by the engine, never by hand. */
    public static Path sixMonthlyReports(Path root, List<Report> made) throws IOException {
        RuleEngine engine = Pipeline.engine(List.of(), null);
        FailreadyConfig cfg = Pipeline.config(DemoEstate.config(), engine.catalog());
        ObjectNode base = Json.MAPPER.valueToTree(DemoEstate.snapshot());
        for (int m = 0; m < MONTHS.size(); m++) {
            Instant at = Instant.parse(MONTHS.get(m) + "-20T06:00:00Z");
            ObjectNode tree = base.deepCopy();
            tree.put("collectedAt", at.minusSeconds(3600).toString());
            if (m < 2) {
                for (var r : tree.withArray("resources")) {
                    if (BUCKET.equals(r.path("resourceId").asText())) ((ObjectNode) r.path("configuration")).remove("replication");
                }
            }
            Snapshot snap = SnapshotIO.read(new ByteArrayInputStream(Json.MAPPER.writeValueAsBytes(tree)), "month " + m);
            Report r = Pipeline.evaluate(engine, snap, cfg, RuleEngine.Options.defaults(at),
                    new Report.Source("demo", null, snap.getCollectedAt()), Pipeline.demoConfigSource(), at);
            ReportWriters.write(r, null, root.resolve(MONTHS.get(m)), EnumSet.of(ReportFormat.JSON), id -> null);
            made.add(ReportReader.read(root.resolve(MONTHS.get(m)).resolve("report.json")));
        }
        return root;
    }

    @BeforeAll
    static void reports() throws IOException {
        folder = sixMonthlyReports(tmp.resolve("monthly"), reports);
    }

    static List<String[]> csv(Path f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f)) rows.add(line.split(",", -1));
        return rows;
    }

    @Test
    void sixMonthlyReportsGiveOneRowPerReportWorkloadAndScopeWithTheDiffCounts() throws IOException {
        Path out = tmp.resolve("h1");
        var r = CliTestSupport.run("history", folder.toString(), "--out", out.toString(), "--format", "all");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("history: 6 report(s), 1 workload(s), 2026-06-20T06:00:00Z to 2026-11-20T06:00:00Z"), r.out());
        List<String[]> rows = csv(out.resolve("history.csv"));
        assertEquals(HistoryWriter.CSV_HEADER, List.of(rows.get(0)));
        int perReport = 1 + reports.get(0).workloads().get(0).sections().size() + reports.get(0).workloads().get(0).accounts().size();
        assertEquals(1 + 6 * perReport, rows.size());
        List<String[]> workloadRows = rows.stream().filter(c -> c[5].equals("workload")).toList();
        assertEquals(6, workloadRows.size());
        for (int m = 0; m < 6; m++) {
            String[] c = workloadRows.get(m);
            assertEquals(MONTHS.get(m) + "-20T06:00:00Z", c[0], "ordered by generatedAt");
            assertEquals("3600", c[2], "inventory age when the report was written");
            assertEquals(MONTHS.get(m) + "/report.json", c[3]);
            assertEquals(reports.get(m).workloads().get(0).verdict(), c[7]);
            if (m == 0) {
                assertEquals("", c[14], "no previous report: no changes");
                continue;
            }
            ReportDiff.Summary d = ReportDiff.of(reports.get(m - 1), reports.get(m)).summary();
            assertEquals(List.of(d.newFindings(), d.resolved(), d.regressed(), d.disappeared()),
                    List.of(Integer.parseInt(c[14]), Integer.parseInt(c[15]), Integer.parseInt(c[16]), Integer.parseInt(c[17])), MONTHS.get(m));
        }
        // the planted changes: replication fixed in August, the alarm waiver expired in November
        assertTrue(Integer.parseInt(workloadRows.get(2)[15]) > 0, "August resolves the bucket's replication findings");
        assertTrue(Integer.parseInt(workloadRows.get(5)[16]) > 0, "November: the expired waiver's finding regressed");
        String[] dataAugust = rows.stream().filter(c -> c[0].startsWith("2026-08") && c[5].equals("section") && c[6].equals("data")).findFirst().orElseThrow();
        assertTrue(Integer.parseInt(dataAugust[15]) > 0, "resolved counted in the data section");
        String[] prodAugust = rows.stream().filter(c -> c[0].startsWith("2026-08") && c[5].equals("account") && c[6].equals("111122223333")).findFirst().orElseThrow();
        assertTrue(Integer.parseInt(prodAugust[15]) > 0, "resolved counted in the bucket's account");
        var json = Json.MAPPER.readTree(out.resolve("history.json").toFile());
        assertEquals(6, json.path("reports").size());
        assertTrue(json.path("workloads").get(0).path("steps").get(0).path("changes").isNull());
        String html = Files.readString(out.resolve("history.html"));
        assertTrue(html.contains("<polyline"), "line charts");
        assertFalse(html.contains("<script"), "no script on the history page");
    }

    @Test
    void aFileThatIsNotAReportIsRefusedNamingItAndNothingIsWritten() throws IOException {
        Path dir = tmp.resolve("bad");
        copy(folder, dir);
        Files.writeString(dir.resolve("notes.json"), "{\"hello\": 1}\n");
        Path out = tmp.resolve("h-bad");
        var r = CliTestSupport.run("history", dir.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(dir.resolve("notes.json").toString()), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    /** A month edited to READY 100 while its findings still block would draw a recovery the estate never had. */
    @Test
    void aReportWhoseVerdictOrScoreWasEditedIsRefusedNamingIt() throws IOException {
        Path dir = tmp.resolve("forged");
        copy(folder, dir);
        Path f = dir.resolve(MONTHS.get(3)).resolve("report.json");
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(f.toFile());
        ObjectNode w = (ObjectNode) tree.withArray("workloads").get(0);
        w.put("verdict", "READY");
        w.put("score", 100.0);
        Files.write(f, Json.MAPPER.writeValueAsBytes(tree));
        Path out = tmp.resolve("h-forged");
        var r = CliTestSupport.run("history", dir.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(f.toString()) && r.err().contains("READY") && r.err().contains("NOT_READY"), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void duplicatesAreCountedOnceAndTwoDifferentReportsOfOneInstantAreRefused() throws IOException {
        Path dir = tmp.resolve("dup");
        copy(folder, dir);
        Files.copy(dir.resolve("2026-07/report.json"), dir.resolve("copy.json"));
        Path out = tmp.resolve("h-dup");
        var r = CliTestSupport.run("history", dir.toString(), "--out", out.toString(), "--format", "csv");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.err().contains("is a byte-for-byte copy of"), r.err());
        assertTrue(r.out().contains("history: 6 report(s)"), r.out());

        // the same instant, a different judgement: which came first is unknowable
        var tree = (ObjectNode) Json.MAPPER.readTree(dir.resolve("2026-07/report.json").toFile());
        ((ObjectNode) tree.path("workloads").get(0)).put("owner", "someone-else@example.com");
        Files.delete(dir.resolve("copy.json"));
        Files.write(dir.resolve("forged.json"), Json.MAPPER.writeValueAsBytes(tree));
        var r2 = CliTestSupport.run("history", dir.toString(), "--out", tmp.resolve("h-dup2").toString());
        assertEquals(2, r2.exit(), r2.all());
        assertTrue(r2.err().contains("the same instant as") && r2.err().contains("payments"), r2.err());
    }

    @Test
    void anEmptyFolderAndABadFormatAreUsageErrors() throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        var r = CliTestSupport.run("history", empty.toString(), "--out", tmp.resolve("h-e").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("holds no JSON reports"), r.err());
        var f = CliTestSupport.run("history", folder.toString(), "--format", "pdf", "--out", tmp.resolve("h-f").toString());
        assertEquals(2, f.exit(), f.all());
        assertTrue(f.err().contains("unknown history format 'pdf'"), f.err());
        assertFalse(Files.exists(tmp.resolve("h-f")));
        var same = CliTestSupport.run("history", folder.toString(), "--out", folder.resolve(".").toString());
        assertEquals(2, same.exit(), same.all());
        assertTrue(same.err().contains("--out is the folder of reports itself"), same.err());
    }

    static void copy(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else if (!p.getFileName().toString().startsWith(".")) Files.copy(p, t);
            }
        }
    }
}
