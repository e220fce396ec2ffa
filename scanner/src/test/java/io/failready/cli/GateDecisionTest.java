package io.failready.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.Hashing;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a gate run records and refuses: the decision record, --write-reports with --report,
 * --to the primary region, nothing judged, and the waiver expiry boundary. Same one-secret estate
 * as GateCommandTest.
 */
class GateDecisionTest {
    @TempDir Path tmp;
    Path snapshot;

    @BeforeEach
    void estate() throws IOException {
        snapshot = tmp.resolve("snapshot.json");
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false));
    }

    Path cfg(String name, String extra) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, new GateCommandTest().config(extra));
        return p;
    }

    Path report(Path config) {
        Path out = tmp.resolve("out-" + config.getFileName());
        CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", config.toString(), "--out", out.toString(), "--format", "json");
        return out.resolve("report.json");
    }

    static JsonNode readValid(Path record) throws IOException {
        JsonNode tree = Json.MAPPER.readTree(record.toFile());
        assertEquals(List.of(), List.copyOf(Json.schema("gate-decision.schema.json").validate(tree)), "record matches its schema");
        return tree;
    }

    @Test
    void decisionRecordNamesInputsWithHashesPolicyWaiversVerdictAndExitCode() throws IOException {
        Path c = cfg("c.yaml", "");
        Path report = report(c);
        Path wf = tmp.resolve("waivers.yaml");
        Files.writeString(wf, """
                version: 1
                waivers:
                  - rule: SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION
                    resource: "prod/payments/*"
                    reason: Expired acceptance (RISK-150).
                    approver: compliance@example.com
                    expires: 2026-01-31
                """);
        Path rec = tmp.resolve("records/decision.json");
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--config", c.toString(), "--waivers", wf.toString(),
                "--fail-on", "CRITICAL", "--max-age", "2h", "--decision-out", rec.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("wrote " + rec), r.out());
        JsonNode d = readValid(rec);
        assertEquals(3, d.path("exitCode").asInt());
        assertEquals("NOT_READY", d.path("verdict").asText());
        assertEquals("now", d.path("asOfFrom").asText());
        assertEquals("CRITICAL", d.path("workloads").path(0).path("policy").path("failOn").asText());
        assertEquals("2h", d.path("inventory").path("maxAge").asText());
        assertFalse(d.path("inventory").path("collectedAt").isNull());
        String roles = "";
        for (JsonNode in : d.path("inputs")) {
            roles += in.path("role").asText() + " ";
            if (in.path("role").asText().equals("report")) assertEquals(Hashing.sha256(report), in.path("sha256").asText());
            if (in.path("role").asText().equals("waivers")) assertEquals(Hashing.sha256(wf), in.path("sha256").asText());
        }
        assertEquals("report config waivers rules ", roles);
        JsonNode w = d.path("workloads").get(0);
        assertEquals("SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION", w.path("blocking").get(0).path("ruleId").asText());
        assertTrue(w.path("waiversRefused").get(0).asText().contains("expired on 2026-01-31"), w.toString());
        assertEquals(0, w.path("waiversApplied").size());
    }

    @Test
    void decisionRecordListsAppliedWaiversAndIsWrittenBesideReports() throws IOException {
        Path c = cfg("w.yaml", GateCommandTest.waiver("2099-01-01", "ciso@example.com"));
        Path out = tmp.resolve("gate-out");
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--write-reports",
                "--out", out.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.all());
        JsonNode d = readValid(out.resolve("gate-decision.json"));
        assertEquals(0, d.path("exitCode").asInt());
        JsonNode applied = d.path("workloads").get(0).path("waiversApplied").get(0);
        assertEquals("ciso@example.com", applied.path("approver").asText());
        assertEquals("2099-01-01", applied.path("expires").asText());
        String roles = "";
        for (JsonNode in : d.path("inputs")) {
            roles += in.path("role").asText() + " ";
            if (in.path("role").asText().equals("snapshot")) assertEquals(Hashing.sha256(snapshot), in.path("sha256").asText());
            if (in.path("role").asText().equals("config")) assertEquals(Hashing.sha256(c), in.path("sha256").asText());
        }
        assertEquals("snapshot config rules ", roles);
    }

    @Test
    void refusedInputLeavesNoDecisionRecord() throws IOException {
        Path rec = tmp.resolve("decision.json");
        var r = CliTestSupport.run("gate", "--demo", "--max-age", "1h", "--decision-out", rec.toString());
        assertEquals(2, r.exit(), r.all());
        assertFalse(Files.exists(rec));
    }

    @Test
    void writeReportsWithReportIsRefusedAndWritesNothing() throws IOException {
        Path report = report(cfg("c.yaml", ""));
        Path out = tmp.resolve("rerender");
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--write-reports", "--out", out.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--write-reports") && r.err().contains("failready report"), r.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void badFlagsWithWriteReportsWriteNothing() throws IOException {
        Path c = cfg("c.yaml", "");
        for (List<String> bad : List.<List<String>>of(List.of("--to", "ap-south-1"), List.of("--min-score", "150"), List.of("--fail-on", "SEVERE"))) {
            Path out = tmp.resolve("bad-" + bad.get(0).substring(2));
            var all = new java.util.ArrayList<>(List.of("gate", "--snapshot", snapshot.toString(), "--config", c.toString(),
                    "--write-reports", "--out", out.toString()));
            all.addAll(bad);
            var r = CliTestSupport.run(all.toArray(String[]::new));
            assertEquals(2, r.exit(), r.all());
            assertTrue(r.err().contains(bad.get(0)), r.err());
            assertFalse(Files.exists(out), bad + " left reports behind");
        }
    }

    @Test
    void toThePrimaryRegionIsAFailbackCheckAndItsDecisionSaysSo() throws IOException {
        Path c = cfg("c.yaml", "");
        Path out = tmp.resolve("to-primary");
        var s = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--to", "us-east-1",
                "--write-reports", "--out", out.toString());
        // the one secret lives in us-east-1: nothing in eu-west-1 needs a twin back, so the failback is judged, not refused
        assertTrue(s.out().contains("  payments failback eu-west-1 -> us-east-1  score n/a"), s.all());
        JsonNode record = readValid(out.resolve("gate-decision.json"));
        assertEquals("us-east-1", record.path("direction").asText());
        assertEquals("recovery-to-primary", record.path("workloads").get(0).path("direction").asText());
        assertEquals("recovery-to-primary", Json.MAPPER.readTree(out.resolve("report.json").toFile()).path("workloads").get(0).path("direction").asText());
        // a saved failover report cannot answer it
        var r = CliTestSupport.run("gate", "--report", report(c).toString(), "--to", "us-east-1");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("failback") && r.err().contains("--direction recovery-to-primary"), r.err());
    }

    @Test
    void allowUnknownNeverTurnsNothingJudgedIntoReady() throws IOException {
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false).replaceFirst("(?s)\"resources\": \\[.*?\\n \\],", "\"resources\": [],"));
        Path c = cfg("c.yaml", "    gate:\n      allowUnknown: true\n");
        for (List<String> args : List.<List<String>>of(List.of(), List.of("--allow-unknown"))) {
            var all = new java.util.ArrayList<>(List.of("gate", "--snapshot", snapshot.toString(), "--config", c.toString()));
            all.addAll(args);
            var r = CliTestSupport.run(all.toArray(String[]::new));
            assertEquals(4, r.exit(), r.all());
            assertTrue(r.out().startsWith("UNKNOWN  payments"), r.out());
            assertTrue(r.out().contains("Nothing was judged") && r.out().contains("--allow-unknown does not accept this"), r.out());
        }
        // the report says the same, so a later gate --report cannot pass either
        Path out = tmp.resolve("empty-out");
        var e = CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--out", out.toString(), "--format", "json");
        assertEquals(4, e.exit(), e.all());
        assertEquals(4, CliTestSupport.run("gate", "--report", out.resolve("report.json").toString(), "--allow-unknown").exit());
    }

    /**
     * A waiver's expires date is inclusive in UTC: it applies through 23:59:59Z of that day. The
     * clock is pinned with --as-of (a date far ahead, so the real clock never decides).
     */
    @Test
    void waiverAppliesThroughTheEndOfItsExpiryDayInUtcAndNotAfter() throws IOException {
        Path c = cfg("w.yaml", GateCommandTest.waiver("2099-12-04", "ciso@example.com"));
        Path report = report(c);
        var lastSecond = CliTestSupport.run("gate", "--report", report.toString(), "--as-of", "2099-12-04T23:59:59Z");
        assertEquals(0, lastSecond.exit(), lastSecond.all());
        var nextDay = CliTestSupport.run("gate", "--report", report.toString(), "--as-of", "2099-12-05T00:00:00Z");
        assertEquals(3, nextDay.exit(), nextDay.all());
        assertTrue(nextDay.out().contains("expired on 2099-12-04 and no longer applies"), nextDay.out());
        // the evaluation judges the same boundary
        var evalLast = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--as-of", "2099-12-04T23:59:59Z");
        assertEquals(0, evalLast.exit(), evalLast.all());
        var evalNext = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--as-of", "2099-12-05T00:00:00Z");
        assertEquals(3, evalNext.exit(), evalNext.all());
    }

    @Test
    void asOfInThePastDoesNotReviveAWaiverThatHasExpiredByNow() throws IOException {
        Path c = cfg("old.yaml", GateCommandTest.waiver("2026-01-31", "ciso@example.com"));
        var r = CliTestSupport.run("gate", "--report", report(c).toString(), "--as-of", "2026-01-15T00:00:00Z");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("expired on 2026-01-31"), r.out());
        var s = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--as-of", "2026-01-15T00:00:00Z");
        assertEquals(3, s.exit(), s.all());
    }

    @Test
    void decisionOutThatWouldOverwriteAnInputOrIsADirectoryIsRefused() throws IOException {
        Path report = report(cfg("c.yaml", ""));
        String before = Files.readString(report);
        var same = CliTestSupport.run("gate", "--report", report.toString(), "--decision-out", report.toString());
        assertEquals(2, same.exit(), same.all());
        assertTrue(same.err().contains("would overwrite the input"), same.err());
        assertEquals(before, Files.readString(report));
        var dir = CliTestSupport.run("gate", "--report", report.toString(), "--decision-out", tmp.toString());
        assertEquals(2, dir.exit(), dir.all());
        assertTrue(dir.err().contains("is a directory"), dir.err());
        Path underAFile = report.resolve("decision.json");
        var unwritable = CliTestSupport.run("gate", "--report", report.toString(), "--decision-out", underAFile.toString());
        assertEquals(2, unwritable.exit(), unwritable.all());
        assertTrue(unwritable.err().contains("cannot write the decision record"), unwritable.err());
    }
}
