package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bad input gets one clear paragraph naming the file (and line where there is one), exit
 * code 2, no stack trace, and nothing written to the output directory.
 */
class BadInputTest {
    @TempDir Path tmp;

    static final String SNAPSHOT = """
            {"schemaVersion": "1.0", "accounts": ["111111111111"], "regions": ["us-east-1", "eu-west-1"],
             "resources": [], "collectionGaps": []}
            """;

    static final String CONFIG = """
            version: 1
            workloads:
              - name: shop
                accounts: [{id: "111111111111"}]
                primaryRegion: us-east-1
                recoveryRegions: [eu-west-1]
                strategy: warm-standby
                rto: 30m
                rpo: 5m
            """;

    private Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private CliTestSupport.Result evaluate(Path snapshot, Path config, String... extra) {
        String[] base = {"evaluate", "--snapshot", snapshot.toString(), "--config", config.toString(), "--out", tmp.resolve("out").toString()};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliTestSupport.run(args);
    }

    private void assertUsageErrorNaming(CliTestSupport.Result r, String fragment) {
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(fragment), "stderr should name " + fragment + ": " + r.err());
        assertFalse(r.err().contains("\tat io.failready"), "no stack trace without --stacktrace: " + r.err());
        assertFalse(Files.exists(tmp.resolve("out").resolve("report.json")), "nothing half-written");
    }

    @Test
    void yamlSyntaxErrorNamesFileLineAndColumn() throws IOException {
        Path cfg = write("bad.yaml", CONFIG.replace("strategy: warm-standby", "strategy: [warm-standby"));
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), cfg);
        assertUsageErrorNaming(r, "bad.yaml:8:");
        assertTrue(r.err().contains("strategy: [warm-standby"), "the message quotes the offending line: " + r.err());
    }

    @Test
    void schemaViolationNamesTheLineOfTheOffendingValue() throws IOException {
        Path cfg = write("typo.yaml", CONFIG.replace("strategy: warm-standby", "strategy: lukewarm-standby"));
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), cfg);
        assertUsageErrorNaming(r, "typo.yaml:7:");
        assertTrue(r.err().contains("strategy"), r.err());
    }

    @Test
    void unknownConfigKeyIsRejectedNotIgnored() throws IOException {
        Path cfg = write("extra.yaml", CONFIG.replace("    rto: 30m", "    rto: 30m\n    rtoo: 30m"));
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), cfg);
        assertUsageErrorNaming(r, "extra.yaml:");
        assertTrue(r.err().contains("rtoo"), r.err());
    }

    @Test
    void waiverNamingAnUnknownRuleIdPointsAtItsLine() throws IOException {
        Path cfg = write("waiver.yaml", CONFIG + """
                    waivers:
                      - {rule: NO_SUCH_RULE, resource: "*", reason: x, approver: me, expires: 2099-01-01}
                """);
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), cfg);
        assertUsageErrorNaming(r, "waiver.yaml:11");
        assertTrue(r.err().contains("NO_SUCH_RULE"), r.err());
    }

    @Test
    void invalidDurationIsReportedWithItsLine() throws IOException {
        Path cfg = write("dur.yaml", CONFIG.replace("rpo: 5m", "rpo: 5 minutes"));
        assertUsageErrorNaming(evaluate(write("s.json", SNAPSHOT), cfg), "dur.yaml:9");
    }

    @Test
    void missingConfigFileIsAUsageError() throws IOException {
        assertUsageErrorNaming(evaluate(write("s.json", SNAPSHOT), tmp.resolve("nope.yaml")), "nope.yaml");
    }

    @Test
    void truncatedJsonSnapshotNamesFileAndLine() throws IOException {
        Path snap = write("snap.json", SNAPSHOT.substring(0, SNAPSHOT.length() - 20));
        assertUsageErrorNaming(evaluate(snap, write("c.yaml", CONFIG)), "snap.json:");
    }

    @Test
    void corruptGzipSnapshotIsAUsageError() throws IOException {
        Path snap = tmp.resolve("snap.json.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(snap))) {
            o.write(SNAPSHOT.getBytes());
        }
        byte[] bytes = Files.readAllBytes(snap);
        Files.write(snap, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertUsageErrorNaming(evaluate(snap, write("c.yaml", CONFIG)), "snap.json.gz");
    }

    @Test
    void snapshotViolatingItsSchemaNamesTheResourceLine() throws IOException {
        Path snap = write("schema.json", """
                {"schemaVersion": "1.0",
                 "resources": [
                   {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::a", "accountId": "111111111111", "awsRegion": "us-east-1"},
                   {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::b", "accountId": "not-an-account", "awsRegion": "us-east-1"}
                 ],
                 "collectionGaps": []}
                """);
        CliTestSupport.Result r = evaluate(snap, write("c.yaml", CONFIG));
        assertUsageErrorNaming(r, "schema.json:4");
        assertTrue(r.err().contains("accountId"), r.err());
    }

    @Test
    void withBothInputsBadTheSnapshotIsNamedFirst() throws IOException {
        // the configuration and rules load on another thread while the snapshot is read
        Path snap = write("both.json", SNAPSHOT.substring(0, SNAPSHOT.length() - 20));
        Path cfg = write("both.yaml", CONFIG.replace("strategy: warm-standby", "strategy: [warm-standby"));
        CliTestSupport.Result r = evaluate(snap, cfg);
        assertUsageErrorNaming(r, "both.json:");
        assertFalse(r.err().contains("both.yaml"), "one paragraph, about the first bad input: " + r.err());
    }

    @Test
    void anInvalidResourceBeforeASyntaxErrorIsTheErrorReported() throws IOException {
        // parsing runs ahead of validation on its own thread; the report must still follow the file's order
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            String account = i == 3 ? "not-an-account" : "111111111111";
            items.append("{\"resourceType\": \"AWS::S3::Bucket\", \"resourceId\": \"arn:aws:s3:::b").append(i)
                    .append("\", \"accountId\": \"").append(account).append("\", \"awsRegion\": \"us-east-1\"},\n");
        }
        Path snap = write("order.json", "{\"schemaVersion\": \"1.0\",\n \"resources\": [\n" + items + "{\"resourceType\": ]\n}");
        CliTestSupport.Result r = evaluate(snap, write("c.yaml", CONFIG));
        assertUsageErrorNaming(r, "order.json:6");
        assertTrue(r.err().contains("accountId"), r.err());
    }

    @Test
    void snapshotFromAFutureMajorVersionIsRefused() throws IOException {
        Path snap = write("v2.json", SNAPSHOT.replace("\"1.0\"", "\"2.0\""));
        CliTestSupport.Result r = evaluate(snap, write("c.yaml", CONFIG));
        assertUsageErrorNaming(r, "v2.json");
        assertTrue(r.err().contains("2.0"), r.err());
    }

    @Test
    void ruleFileWithSyntaxErrorNamesFileAndLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("myrules/MY_RULE"));
        Files.writeString(dir.resolve("MY_RULE.drl"), """
                package rules.custom;
                import io.failready.facts.Resource;
                rule "MY_RULE"
                    @id("MY_RULE") @title("Custom") @section("data") @severity("HIGH") @resourceType("AWS::S3::Bucket")
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket"
                then
                end
                """);
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), write("c.yaml", CONFIG), "--rules", tmp.resolve("myrules").toString());
        assertUsageErrorNaming(r, "MY_RULE.drl");
    }

    @Test
    void ruleFileThatDoesNotCompileNamesFileAndLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("myrules/MY_RULE"));
        Files.writeString(dir.resolve("MY_RULE.drl"), """
                package rules.custom;
                import io.failready.facts.Resource;
                rule "MY_RULE"
                    @id("MY_RULE") @title("Custom") @section("data") @severity("HIGH") @resourceType("AWS::S3::Bucket")
                when
                    $r : Resource( noSuchField == "x" )
                then
                end
                """);
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), write("c.yaml", CONFIG), "--rules", tmp.resolve("myrules").toString());
        assertUsageErrorNaming(r, "MY_RULE.drl:");
        assertTrue(r.err().contains("noSuchField"), r.err());
    }

    @Test
    void ruleWithoutMetadataIsRejected() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("myrules/MY_RULE"));
        Files.writeString(dir.resolve("MY_RULE.drl"), """
                package rules.custom;
                import io.failready.facts.Resource;
                rule "MY_RULE"
                    @id("MY_RULE") @title("Custom") @section("data") @resourceType("AWS::S3::Bucket")
                when
                    $r : Resource()
                then
                end
                """);
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), write("c.yaml", CONFIG), "--rules", tmp.resolve("myrules").toString());
        assertUsageErrorNaming(r, "MY_RULE.drl:3");
        assertTrue(r.err().contains("@severity"), r.err());
    }

    @Test
    void unknownFlagIsAUsageError() {
        CliTestSupport.Result r = CliTestSupport.run("scan", "--demo", "--no-such-flag");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--no-such-flag"), r.err());
    }

    @Test
    void unknownReportFormatIsAUsageError() throws IOException {
        CliTestSupport.Result r = evaluate(write("s.json", SNAPSHOT), write("c.yaml", CONFIG), "--format", "json,pdf");
        assertUsageErrorNaming(r, "pdf");
    }

    @Test
    void unknownRuleIdInExplainIsAUsageError() {
        CliTestSupport.Result r = CliTestSupport.run("rules", "explain", "NO_SUCH_RULE");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("NO_SUCH_RULE"), r.err());
    }
}
