package io.failready.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleSources;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Failback (recovery -> primary) end to end: scan/evaluate --direction, gate --to the primary on a
 * snapshot, a saved report and the demo. The estate is one bucket pair replicating us-east-1 ->
 * eu-west-1, with every rule but S3_BUCKET_REPLICATED_TO_RECOVERY_REGION disabled, so the failover
 * is READY and only the way back decides the failback.
 */
class FailbackTest {
    @TempDir Path tmp;

    static final String RULE = "S3_BUCKET_REPLICATED_TO_RECOVERY_REGION";

    static String bucket(String name, String region, String destName, String destRegion) {
        String replication = destName == null ? "" : """
                , "replication": {"role": "arn:aws:iam::111111111111:role/s3-replication", "rules": [
                    {"id": "all", "status": "Enabled", "priority": 1, "destinationBucketArn": "arn:aws:s3:::%s", "destinationRegion": "%s"}]}
                """.formatted(destName, destRegion);
        return """
                {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::%s", "resourceName": "%s",
                 "accountId": "111111111111", "awsRegion": "%s", "configuration": {"versioning": "Enabled"%s}}
                """.formatted(name, name, region, replication);
    }

    /** Replication one way (us-east-1 -> eu-west-1), or both ways. */
    Path snapshot(boolean back) throws IOException {
        Path p = tmp.resolve(back ? "two-way.json" : "one-way.json");
        Files.writeString(p, """
                {"schemaVersion": "1.0", "collectedAt": "%s", "accounts": ["111111111111"], "regions": ["eu-west-1", "us-east-1"],
                 "resources": [%s, %s], "collectionGaps": []}
                """.formatted(Instant.now().truncatedTo(ChronoUnit.SECONDS),
                bucket("payments-receipts-use1", "us-east-1", "payments-receipts-euw1", "eu-west-1"),
                bucket("payments-receipts-euw1", "eu-west-1", back ? "payments-receipts-use1" : null, "us-east-1")));
        return p;
    }

    Path config(String recovery) throws IOException {
        RuleCatalog c = RuleCatalog.read(RuleSources.bundledPlus(List.of()));
        String disabled = c.rules().keySet().stream().filter(id -> !id.equals(RULE)).map(id -> "  - " + id).collect(Collectors.joining("\n"));
        Path p = tmp.resolve("c-" + recovery.replace(',', '-') + ".yaml");
        Files.writeString(p, "version: 1\ndisabledRules:\n" + disabled + "\n" + """
                workloads:
                  - name: payments
                    accounts: [{id: "111111111111"}]
                    primaryRegion: us-east-1
                    recoveryRegions: [%s]
                    strategy: warm-standby
                    rto: 30m
                    rpo: 5m
                """.formatted(recovery));
        return p;
    }

    static CliTestSupport.Result run(String... args) { return CliTestSupport.run(args); }

    @Test
    void readyToFailOverButNotCopiedBackIsNotReadyToFailBack() throws IOException {
        Path snap = snapshot(false), cfg = config("eu-west-1");
        var over = run("gate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--to", "eu-west-1");
        assertEquals(0, over.exit(), over.all());
        assertTrue(over.out().startsWith("GO  payments failover us-east-1 -> eu-west-1"), over.out());

        var back = run("gate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--to", "us-east-1");
        assertEquals(3, back.exit(), back.all());
        assertTrue(back.out().startsWith("NO-GO  payments failback eu-west-1 -> us-east-1"), back.out());
        assertTrue(back.out().contains("BLOCK CRITICAL " + RULE + ": S3 bucket payments-receipts-euw1 has no replication configuration,"
                + " so nothing is copied to us-east-1."), back.out());

        Path out = tmp.resolve("fb");
        var eval = run("evaluate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--direction", "recovery-to-primary",
                "--out", out.toString(), "--format", "json");
        assertEquals(3, eval.exit(), eval.all());
        assertTrue(eval.out().contains("payments (failback): NOT_READY  score 0.0  (failback eu-west-1 -> us-east-1, warm-standby)"), eval.out());
        JsonNode w = Json.MAPPER.readTree(out.resolve("report.json").toFile()).path("workloads");
        assertEquals(1, w.size());
        assertEquals("recovery-to-primary", w.get(0).path("direction").asText());
        assertEquals("eu-west-1", w.get(0).path("regionPairs").get(0).path("primary").asText());
        assertEquals("us-east-1", w.get(0).path("regionPairs").get(0).path("recovery").asText());
        assertEquals("arn:aws:s3:::payments-receipts-euw1", w.get(0).path("evaluations").get(0).path("resourceId").asText());
    }

    @Test
    void bothDirectionsAreTwoEntriesEachWithItsOwnVerdictAndTheGateReadsTheOneAskedFor() throws IOException {
        Path cfg = config("eu-west-1");
        Path oneWay = tmp.resolve("one"), twoWay = tmp.resolve("two");
        var e1 = run("evaluate", "--snapshot", snapshot(false).toString(), "--config", cfg.toString(), "--direction", "both",
                "--out", oneWay.toString(), "--format", "json,md,csv,junit,html");
        assertEquals(3, e1.exit(), e1.all());
        JsonNode r = Json.MAPPER.readTree(oneWay.resolve("report.json").toFile());
        assertEquals("1.3", r.path("schemaVersion").asText());
        assertEquals("primary-to-recovery", r.path("workloads").get(0).path("direction").asText());
        assertEquals("READY", r.path("workloads").get(0).path("verdict").asText());
        assertEquals("recovery-to-primary", r.path("workloads").get(1).path("direction").asText());
        assertEquals("NOT_READY", r.path("workloads").get(1).path("verdict").asText());
        String html = Files.readString(oneWay.resolve("report.html"));
        assertTrue(html.contains("Failback (recovery -&gt; primary)"), html.substring(0, Math.min(html.length(), 3000)));
        assertTrue(Files.readString(oneWay.resolve("summary.md")).contains("payments \\(failback\\)")); // Markdown escapes the parentheses
        assertTrue(Files.readString(oneWay.resolve("evaluations.csv")).lines().skip(1).anyMatch(l -> l.endsWith(",recovery-to-primary")));
        assertTrue(Files.readString(oneWay.resolve("junit.xml")).contains("<property name=\"direction\" value=\"recovery-to-primary\"/>"));

        var over = run("gate", "--report", oneWay.resolve("report.json").toString(), "--to", "eu-west-1");
        assertEquals(0, over.exit(), over.all());
        var back = run("gate", "--report", oneWay.resolve("report.json").toString(), "--to", "us-east-1");
        assertEquals(3, back.exit(), back.all());
        assertTrue(back.out().contains("nothing is copied to us-east-1"), back.out());
        // without --to a report written both ways is gated both ways
        var all = run("gate", "--report", oneWay.resolve("report.json").toString());
        assertEquals(3, all.exit(), all.all());
        assertTrue(all.out().startsWith("READY  payments  score") && all.out().contains("NOT_READY  payments (failback)"), all.out());

        var e2 = run("evaluate", "--snapshot", snapshot(true).toString(), "--config", cfg.toString(), "--direction", "both",
                "--out", twoWay.toString(), "--format", "json");
        assertEquals(0, e2.exit(), e2.all());
        var go = run("gate", "--report", twoWay.resolve("report.json").toString(), "--to", "us-east-1", "--config", cfg.toString());
        assertEquals(0, go.exit(), go.all());
        assertTrue(go.out().startsWith("GO  payments failback eu-west-1 -> us-east-1"), go.out());

        var diff = run("diff", oneWay.resolve("report.json").toString(), twoWay.resolve("report.json").toString());
        assertTrue(diff.out().contains("payments (failback)"), diff.all());
    }

    @Test
    void aSavedFailoverReportIsNeverReadAsAFailback() throws IOException {
        Path cfg = config("eu-west-1");
        Path out = tmp.resolve("over");
        run("evaluate", "--snapshot", snapshot(false).toString(), "--config", cfg.toString(), "--out", out.toString(), "--format", "json");
        var r = run("gate", "--report", out.resolve("report.json").toString(), "--to", "us-east-1");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("only primary-to-recovery results for workload 'payments'")
                && r.err().contains("--direction recovery-to-primary"), r.err());
        Path record = tmp.resolve("decision.json");
        var withRecord = run("gate", "--report", out.resolve("report.json").toString(), "--to", "us-east-1", "--decision-out", record.toString());
        assertEquals(2, withRecord.exit(), withRecord.all());
        assertFalse(Files.exists(record), "no decision recorded for a refused question");
    }

    @Test
    void aForgedOrRelabelledDirectionIsRefused() throws IOException {
        Path cfg = config("eu-west-1");
        Path out = tmp.resolve("both");
        run("evaluate", "--snapshot", snapshot(false).toString(), "--config", cfg.toString(), "--direction", "both", "--out", out.toString(), "--format", "json");
        String report = Files.readString(out.resolve("report.json"));
        Path sideways = tmp.resolve("sideways.json");
        Files.writeString(sideways, report.replace("\"direction\" : \"recovery-to-primary\"", "\"direction\" : \"sideways\""));
        var a = run("gate", "--report", sideways.toString(), "--to", "us-east-1");
        assertEquals(2, a.exit(), a.all());
        assertTrue(a.err().contains(sideways.toString()), a.err());
        // the failover entry relabelled as a failback: two failback entries for one workload
        Path relabelled = tmp.resolve("relabelled.json");
        Files.writeString(relabelled, report.replace("\"direction\" : \"primary-to-recovery\"", "\"direction\" : \"recovery-to-primary\""));
        var b = run("gate", "--report", relabelled.toString(), "--to", "us-east-1");
        assertEquals(2, b.exit(), b.all());
        assertTrue(b.err().contains("appears twice in the report for recovery-to-primary"), b.err());
        // a failover-only report relabelled: its pairs still go us-east-1 -> eu-west-1
        Path over = tmp.resolve("over");
        run("evaluate", "--snapshot", snapshot(false).toString(), "--config", cfg.toString(), "--out", over.toString(), "--format", "json");
        Path forged = tmp.resolve("forged.json");
        Files.writeString(forged, Files.readString(over.resolve("report.json"))
                .replace("\"direction\" : \"primary-to-recovery\"", "\"direction\" : \"recovery-to-primary\""));
        var c = run("gate", "--report", forged.toString(), "--to", "us-east-1");
        assertEquals(2, c.exit(), c.all());
        assertTrue(c.err().contains("is not a failback result"), c.err());
    }

    @Test
    void severalRecoveryRegionsNeedFrom() throws IOException {
        Path cfg = config("eu-west-1, eu-central-1");
        Path snap = snapshot(false);
        var amb = run("evaluate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--direction", "recovery-to-primary",
                "--out", tmp.resolve("amb").toString());
        assertEquals(2, amb.exit(), amb.all());
        assertTrue(amb.err().contains("several recovery regions (eu-west-1, eu-central-1)") && amb.err().contains("--from REGION"), amb.err());
        assertFalse(Files.exists(tmp.resolve("amb")));
        var wrong = run("gate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--to", "us-east-1", "--from", "ap-south-1");
        assertEquals(2, wrong.exit(), wrong.all());
        assertTrue(wrong.err().contains("--from ap-south-1 is not a recovery region of workload payments"), wrong.err());
        var ok = run("gate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--to", "us-east-1", "--from", "eu-west-1");
        assertEquals(3, ok.exit(), ok.all());
        assertTrue(ok.out().startsWith("NO-GO  payments failback eu-west-1 -> us-east-1"), ok.out());
    }

    @Test
    void contradictoryOrMistypedDirectionsAreRefused() throws IOException {
        Path cfg = config("eu-west-1");
        Path snap = snapshot(false);
        List<List<String>> bad = List.of(
                List.of("evaluate", "--direction", "sideways"),
                List.of("evaluate", "--from", "eu-west-1"),
                List.of("evaluate", "--direction", "primary-to-recovery", "--from", "eu-west-1"),
                List.of("gate", "--to", "eu-west-1", "--direction", "recovery-to-primary"),
                List.of("gate", "--to", "us-east-1", "--direction", "primary-to-recovery"),
                List.of("gate", "--to", "eu-west-1", "--from", "eu-west-1"),
                List.of("gate", "--to", "ap-south-1"));
        for (List<String> b : bad) {
            List<String> args = new ArrayList<>(b);
            args.addAll(List.of("--snapshot", snap.toString(), "--config", cfg.toString(), "--out", tmp.resolve("x").toString()));
            var r = run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), b + ": " + r.all());
            assertTrue(r.err().contains(b.get(1)) || r.err().contains(b.get(b.size() - 1)), b + ": " + r.err());
            assertFalse(Files.exists(tmp.resolve("x")), b + " wrote reports");
        }
    }

    @Test
    void theDemoSaysWhatBlocksReturning() throws IOException {
        var g = run("gate", "--demo", "--to", "us-east-1");
        assertEquals(3, g.exit(), g.all());
        assertTrue(g.out().startsWith("NO-GO  payments failback eu-west-1 -> us-east-1"), g.out());
        assertTrue(g.out().contains("BLOCK CRITICAL S3_BUCKET_REPLICATED_TO_RECOVERY_REGION: S3 bucket payments-receipts-euw1 has no replication"
                + " configuration, so nothing is copied to us-east-1."), g.out());
        assertTrue(g.out().contains("ECR_REPOSITORY_REPLICATED_TO_RECOVERY_REGION: ECR repository payments-api is not replicated: registry"
                + " 111122223333 in eu-west-1 has no replication configuration."), g.out());
        Path out = tmp.resolve("demo");
        Path snap = tmp.resolve("demo-snapshot.json");
        var s = run("scan", "--demo", "--direction", "both", "--out", out.toString(), "--format", "json", "--snapshot-out", snap.toString());
        assertEquals(3, s.exit(), s.all());
        assertTrue(s.out().contains("payments (failback): NOT_READY"), s.out());
        // verify re-evaluates in the directions the report records
        var v = run("verify", out.resolve("report.json").toString(), "--demo", "--snapshot", snap.toString());
        assertEquals(0, v.exit(), v.all());
    }
}
