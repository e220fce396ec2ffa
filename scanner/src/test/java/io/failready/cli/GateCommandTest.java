package io.failready.cli;

import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleSources;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate as CI and the runbook use it. The estate holds one secret with no replica (a CRITICAL
 * blocking finding); every other rule is disabled so the outcomes depend on that finding alone.
 */
class GateCommandTest {
    @TempDir Path tmp;
    Path snapshot;

    static final String SECRET = "arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/payments/db-AbC";

    static String disabledRules() {
        RuleCatalog c = RuleCatalog.read(RuleSources.bundledPlus(List.of()));
        return c.rules().keySet().stream().filter(id -> !id.equals("SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION"))
                .map(id -> "  - " + id).collect(Collectors.joining("\n"));
    }

    String config(String waivers) {
        String d = disabledRules();
        return "version: 1\n" + (d.isEmpty() ? "" : "disabledRules:\n" + d + "\n") + """
                workloads:
                  - name: payments
                    accounts: [{id: "111111111111"}]
                    primaryRegion: us-east-1
                    recoveryRegions: [eu-west-1]
                    strategy: warm-standby
                    rto: 30m
                    rpo: 5m
                """ + waivers;
    }

    static String snapshotJson(boolean gap) {
        return """
                {"schemaVersion": "1.0", "collectedAt": "%s", "accounts": ["111111111111"], "regions": ["eu-west-1", "us-east-1"],
                 "resources": [
                   {"resourceType": "AWS::SecretsManager::Secret", "resourceId": "%s", "resourceName": "prod/payments/db",
                    "accountId": "111111111111", "awsRegion": "us-east-1", "configuration": {"name": "prod/payments/db"}}
                 ],
                 "collectionGaps": [%s]}
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS), SECRET, gap
                ? "{\"accountId\": \"111111111111\", \"region\": \"eu-west-1\", \"service\": \"secretsmanager\", \"operation\": \"ListSecrets\", \"errorCode\": \"AccessDeniedException\", \"message\": \"denied\"}"
                : "");
    }

    @BeforeEach
    void estate() throws IOException {
        snapshot = tmp.resolve("snapshot.json");
        Files.writeString(snapshot, snapshotJson(false));
    }

    Path cfg(String name, String waivers) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, config(waivers));
        return p;
    }

    static String waiver(String expires, String approver) {
        return """
                    waivers:
                      - rule: SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION
                        resource: "prod/payments/*"
                        reason: Replica is created by the DR pipeline at failover time (RISK-142).
                        %s
                        owner: payments-sre
                        expires: %s
                """.formatted(approver == null ? "" : "approver: " + approver, expires);
    }

    @Test
    void blockingFindingExitsThreeAndSaysWhy() throws IOException {
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", cfg("c.yaml", "").toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().startsWith("NOT_READY  payments"), r.out());
        assertTrue(r.out().contains("BLOCK CRITICAL SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION: Secrets Manager secret prod/payments/db has no replica in eu-west-1"), r.out());
    }

    @Test
    void gateOnASavedReportAgreesWithTheScan() throws IOException {
        Path out = tmp.resolve("out");
        var e = CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", cfg("c.yaml", "").toString(), "--out", out.toString());
        assertEquals(3, e.exit(), e.all());
        var g = CliTestSupport.run("gate", "--report", out.resolve("report.json").toString());
        assertEquals(3, g.exit(), g.all());
        assertTrue(g.out().contains("has no replica in eu-west-1"), g.out());
    }

    @Test
    void approvedWaiverLetsTheGatePassAndStaysVisible() throws IOException {
        Path c = cfg("w.yaml", waiver(LocalDate.now().plusDays(30).toString(), "ciso@example.com"));
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("READY  payments"), r.out());
        Path out = tmp.resolve("out");
        CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--out", out.toString());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("\"waived\":true") && json.contains("RISK-142"), "waived finding stays in the report");
    }

    @Test
    void expiredWaiverNoLongerAppliesAndTheGateSaysSo() throws IOException {
        Path c = cfg("x.yaml", waiver(LocalDate.now().minusDays(1).toString(), "ciso@example.com"));
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("expired on " + LocalDate.now().minusDays(1) + " and no longer applies"), r.out());
        assertTrue(r.out().contains("x.yaml:"), "the notice names where the waiver was declared: " + r.out());
    }

    @Test
    void waiverThatExpiresAfterTheReportWasWrittenStopsApplyingAtGateTime() throws IOException {
        Path c = cfg("w.yaml", waiver(LocalDate.now().plusDays(30).toString(), "ciso@example.com"));
        Path out = tmp.resolve("out");
        assertEquals(0, CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--out", out.toString()).exit());
        Path report = out.resolve("report.json");
        Files.writeString(report, Files.readString(report).replace(LocalDate.now().plusDays(30).toString(), LocalDate.now().minusDays(2).toString()));
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("no longer applies"), r.out());
    }

    @Test
    void waiverWithoutApproverDoesNotApply() throws IOException {
        Path c = cfg("u.yaml", waiver(LocalDate.now().plusDays(30).toString(), null));
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("has no approver"), r.out());
    }

    @Test
    void waiverFileOwnedByComplianceAppliesToASavedReport() throws IOException {
        Path out = tmp.resolve("out");
        CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", cfg("c.yaml", "").toString(), "--out", out.toString());
        Path wf = tmp.resolve("waivers.yaml");
        Files.writeString(wf, """
                version: 1
                waivers:
                  - rule: SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION
                    resource: "prod/payments/*"
                    reason: Accepted until the DR account is provisioned (RISK-150).
                    approver: compliance@example.com
                    expires: %s
                """.formatted(LocalDate.now().plusDays(5)));
        var r = CliTestSupport.run("gate", "--report", out.resolve("report.json").toString(), "--waivers", wf.toString());
        assertEquals(0, r.exit(), r.all());
    }

    @Test
    void blockingRuleLackingDataIsUnknownUnlessAllowed() throws IOException {
        Files.writeString(snapshot, snapshotJson(true));
        Path c = cfg("c.yaml", "");
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        assertEquals(4, r.exit(), r.all());
        assertTrue(r.out().startsWith("UNKNOWN  payments"), r.out());
        assertTrue(r.out().contains("NODATA") && r.out().contains("AccessDeniedException"), r.out());
        // the estate's only evaluation lacks data: nothing was judged, and --allow-unknown cannot make that READY
        // (AWS not answering at all looks like this); it accepts missing data only beside a real judgement
        var allowed = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--allow-unknown");
        assertEquals(4, allowed.exit(), allowed.all());
        assertTrue(allowed.out().contains("Nothing was judged: every evaluation lacks data"), allowed.out());
    }

    @Test
    void staleReportIsRefused() throws IOException {
        Path out = tmp.resolve("out");
        CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", cfg("c.yaml", "").toString(), "--out", out.toString());
        Path report = out.resolve("report.json");
        String json = Files.readString(report);
        String old = Instant.now().minus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        // the inventory's age counts, not when the report was written (GateInventoryAgeTest)
        Files.writeString(report, json.replaceFirst("\"collectedAt\" : \"[^\"]+\"", "\"collectedAt\" : \"" + old + "\""));
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "24h");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("older than --max-age 24h"), r.err());
        assertEquals(3, CliTestSupport.run("gate", "--report", report.toString(), "--max-age", "7d").exit());
    }

    @Test
    void runbookPrecheckAnswersNoGoForTheDirection() throws IOException {
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", cfg("c.yaml", "").toString(), "--to", "eu-west-1");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().startsWith("NO-GO  payments failover us-east-1 -> eu-west-1"), r.out());
        var bad = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", cfg("c.yaml", "").toString(), "--to", "ap-south-1");
        assertEquals(2, bad.exit(), bad.all());
        assertTrue(bad.err().contains("ap-south-1"), bad.err());
    }

    @Test
    void warnOnlyRulesAreReportedButNeverBlock() throws IOException {
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", cfg("c.yaml", "").toString(),
                "--warn-only", "SECRETSMANAGER_*");
        assertEquals(0, r.exit(), r.all());
        assertFalse(r.out().contains("BLOCK"), r.out());
    }

    @Test
    void failOnThresholdAboveTheFindingLetsItThroughButMinScoreStillBlocks() throws IOException {
        Path c = cfg("c.yaml", "");
        // CRITICAL finding: --fail-on CRITICAL blocks; there is no severity above it, so use warn-only + min score
        assertEquals(3, CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--fail-on", "CRITICAL").exit());
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--warn-only", "SECRETSMANAGER_*", "--min-score", "50");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("below the minimum"), r.out());
        assertEquals(2, CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--fail-on", "SEVERE").exit());
    }

    @Test
    void helpDocumentsTheExitCodes() {
        var r = CliTestSupport.run("gate", "--help");
        assertEquals(0, r.exit());
        for (String s : List.of("0   READY", "3   NOT_READY", "4   UNKNOWN", "2   Invalid")) assertTrue(r.out().contains(s), r.out());
    }
}
