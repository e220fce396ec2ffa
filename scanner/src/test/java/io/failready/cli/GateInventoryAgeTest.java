package io.failready.cli;

import io.failready.demo.DemoEstate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * --max-age and gate.maxAge judge how old the inventory is (when AWS was read), not when a report
 * was written; timestamps from the future are refused. Same one-secret estate as GateCommandTest.
 */
class GateInventoryAgeTest {
    @TempDir Path tmp;
    Path config;

    @BeforeEach
    void setUp() throws IOException {
        config = tmp.resolve("c.yaml");
        Files.writeString(config, new GateCommandTest().config(""));
    }

    static String stamp(Duration fromNow) { return Instant.now().plus(fromNow).truncatedTo(ChronoUnit.SECONDS).toString(); }

    Path snapshotCollected(String collectedAt) throws IOException {
        Path s = tmp.resolve("snapshot-" + collectedAt.replace(':', '-') + ".json");
        Files.writeString(s, GateCommandTest.snapshotJson(false).replaceFirst("\"collectedAt\": \"[^\"]+\"", "\"collectedAt\": \"" + collectedAt + "\""));
        return s;
    }

    /** A report written now by evaluate, from a snapshot collected at the given time. */
    Path reportOf(String collectedAt) throws IOException {
        Path out = tmp.resolve("out-" + collectedAt.replace(':', '-'));
        var e = CliTestSupport.run("evaluate", "--snapshot", snapshotCollected(collectedAt).toString(), "--config", config.toString(),
                "--out", out.toString(), "--format", "json");
        assertEquals(3, e.exit(), e.all());
        return out.resolve("report.json");
    }

    @Test
    void staleInventoryIsRefusedEvenWhenTheReportWasWrittenJustNow() throws IOException {
        Path report = reportOf(stamp(Duration.ofDays(-3)));
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "24h");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("inventory was collected at") && r.err().contains("older than --max-age 24h"), r.err());
        assertTrue(r.err().contains("3d"), "says how old: " + r.err());
        assertEquals(3, CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "4d").exit());
    }

    @Test
    void staleSnapshotIsRefused() throws IOException {
        Path s = snapshotCollected(stamp(Duration.ofHours(-30)));
        var r = CliTestSupport.run("gate", "--snapshot", s.toString(), "--config", config.toString(), "--max-age", "1d");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("older than --max-age 1d"), r.err());
    }

    @Test
    void configMaxAgeAppliesWhenNoFlagIsGiven() throws IOException {
        Files.writeString(config, new GateCommandTest().config("    gate:\n      maxAge: 12h\n"));
        Path old = snapshotCollected(stamp(Duration.ofHours(-13)));
        var r = CliTestSupport.run("gate", "--snapshot", old.toString(), "--config", config.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("older than gate.maxAge of workload payments in " + config + " 12h"), r.err());
        // the flag overrides the config, either way
        assertEquals(3, CliTestSupport.run("gate", "--snapshot", old.toString(), "--config", config.toString(), "--max-age", "1d").exit());

        Path report = reportOf(stamp(Duration.ofHours(-13)));
        var g = CliTestSupport.run("gate", "--report", report.toString(), "--config", config.toString());
        assertEquals(2, g.exit(), g.all());
        assertTrue(g.err().contains("gate.maxAge"), g.err());
        Path fresh = reportOf(stamp(Duration.ofHours(-1)));
        assertEquals(3, CliTestSupport.run("gate", "--report", fresh.toString(), "--config", config.toString()).exit());
    }

    @Test
    void recordedMaxAgeAppliesToAReportGatedWithoutItsConfig() throws IOException {
        Files.writeString(config, new GateCommandTest().config("    gate:\n      maxAge: 12h\n"));
        Path report = reportOf(stamp(Duration.ofHours(-13)));
        assertTrue(Files.readString(report).contains("\"maxAge\" : \"12h\""), "the report records the workload's maxAge");
        var g = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(2, g.exit(), g.all());
        assertTrue(g.err().contains("older than gate.maxAge of workload payments recorded in " + report + " 12h"), g.err());
        // the flag still wins over the recorded limit
        assertEquals(3, CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "1d").exit());
        String hourAgo = stamp(Duration.ofHours(-1));
        Path fresh = reportOf(hourAgo);
        assertEquals(3, CliTestSupport.run("gate", "--report", fresh.toString()).exit());
        // the recorded limit is part of the report verify recomputes
        var v = CliTestSupport.run("verify", fresh.toString(), "--snapshot", tmp.resolve("snapshot-" + hourAgo.replace(':', '-') + ".json").toString(),
                "--config", config.toString());
        assertEquals(0, v.exit(), v.all());
    }

    @Test
    void reportWrittenInTheFutureIsRefusedWithoutAnyFlag() throws IOException {
        Path report = reportOf(stamp(Duration.ofHours(-1)));
        String json = Files.readString(report);
        Files.writeString(report, json.replaceFirst("\"generatedAt\" : \"[^\"]+\"", "\"generatedAt\" : \"" + stamp(Duration.ofDays(2)) + "\""));
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(report.toString()) && r.err().contains("in the future") && r.err().contains("clock skew"), r.err());
    }

    @Test
    void inventoryCollectedInTheFutureIsRefusedEvenWithALaterAsOf() throws IOException {
        Path report = reportOf(stamp(Duration.ofHours(6)));
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "1h", "--as-of", stamp(Duration.ofHours(7)));
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("inventory was collected (collectedAt)") && r.err().contains("in the future"), r.err());
        var s = CliTestSupport.run("gate", "--snapshot", snapshotCollected(stamp(Duration.ofHours(6))).toString(), "--config", config.toString());
        assertEquals(2, s.exit(), s.all());
    }

    @Test
    void aFewMinutesOfClockSkewAreAccepted() throws IOException {
        Path report = reportOf(stamp(Duration.ofMinutes(2)));
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "1h");
        assertEquals(3, r.exit(), r.all());
    }

    @Test
    void reportWithoutInventoryTimeCannotHonourMaxAge() throws IOException {
        Path report = reportOf(stamp(Duration.ofHours(-1)));
        String json = Files.readString(report).replaceAll(",?\\s*\"collectedAt\" : \"[^\"]+\"", "")
                .replaceAll("\"finishedAt\" : \"[^\"]+\"", "\"other\" : \"x\"");
        Files.writeString(report, json);
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "1h");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("does not say when its inventory was collected"), r.err());
        assertEquals(3, CliTestSupport.run("gate", "--report", report.toString()).exit(), "without a limit the age is not needed");
    }

    @Test
    void demoWithMaxAgeNeedsAnExplicitClockAndIsJudgedAtIt() throws IOException {
        var r = CliTestSupport.run("gate", "--demo", "--max-age", "1h");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(DemoEstate.COLLECTED_AT) && r.err().contains("--as-of"), r.err());
        var ok = CliTestSupport.run("gate", "--demo", "--max-age", "1h", "--as-of", "2026-11-20T06:30:00Z");
        assertEquals(3, ok.exit(), ok.all());
        assertTrue(ok.out().contains("gate clock set by --as-of to 2026-11-20T06:30:00Z"), ok.out());
        var late = CliTestSupport.run("gate", "--demo", "--max-age", "1h", "--as-of", "2026-11-20T08:00:00Z");
        assertEquals(2, late.exit(), late.all());
        assertTrue(late.err().contains("2h before the gate's clock"), late.err());

        // the CI examples gate the demo's report the same way: with its clock, never by hiding the age
        Path out = tmp.resolve("demo-out");
        assertEquals(3, CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "json").exit());
        Path report = out.resolve("report.json");
        assertEquals(2, CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "1h").exit());
        assertEquals(3, CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "1h", "--as-of", "2026-11-20T06:30:00Z").exit());
    }

    @Test
    void zeroOrMalformedMaxAgeIsAUsageError() {
        var zero = CliTestSupport.run("gate", "--demo", "--max-age", "0m");
        assertEquals(2, zero.exit(), zero.all());
        assertTrue(zero.err().contains("--max-age"), zero.err());
        var huge = CliTestSupport.run("gate", "--demo", "--max-age", "99999999999999999d");
        assertEquals(2, huge.exit(), huge.all());
        assertFalse(huge.err().contains("Exception"), huge.err());
    }
}
