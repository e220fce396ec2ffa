package io.failready.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate earns every READY: what it reads from a saved report, a snapshot or a config is checked
 * against the rule catalog and the declared workloads, never taken on trust. The estate is
 * GateCommandTest's: one secret without a replica (a CRITICAL finding), every other rule disabled.
 */
class GateTrustTest {
    static final String RULE = "SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION";

    @TempDir Path tmp;
    Path snapshot;
    final GateCommandTest base = new GateCommandTest();

    @BeforeEach
    void estate() throws IOException {
        snapshot = tmp.resolve("snapshot.json");
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false));
    }

    Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    Path config(String extra) throws IOException {
        return write("c.yaml", base.config(extra));
    }

    /** report.json of evaluating the estate under {@code cfg}. */
    Path report(Path cfg) {
        Path out = tmp.resolve("out-" + cfg.getFileName());
        var r = CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", cfg.toString(), "--out", out.toString());
        assertTrue(r.exit() == 0 || r.exit() == 3 || r.exit() == 4, r.all());
        return out.resolve("report.json");
    }

    static void assertInputError(CliTestSupport.Result r, String... fragments) {
        assertEquals(2, r.exit(), r.all());
        for (String f : fragments) assertTrue(r.err().contains(f), "stderr should say " + f + ": " + r.err());
        assertFalse(r.err().contains("\tat io.failready"), r.err());
    }

    // --- duplicate keys ---------------------------------------------------------------------------

    @Test
    void reportWithADuplicateKeyIsRefusedNamingFileAndLine() throws IOException {
        Path report = report(config(""));
        String json = Files.readString(report);
        // the second "severity" would be the one a parser keeps: a forged LOW after the real CRITICAL
        String forged = json.replaceFirst("\"severity\":\"CRITICAL\",\"complianceType\"",
                "\"severity\":\"CRITICAL\",\"severity\":\"LOW\",\"complianceType\"");
        assertFalse(forged.equals(json), "fixture: the evaluation line is where the test expects it");
        Files.writeString(report, forged);
        int line = lineOf(forged, "\"severity\":\"LOW\"");
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertInputError(r, report + ":" + line, "'severity' appears twice");
    }

    @Test
    void snapshotWithADuplicateKeyIsRefused() throws IOException {
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false).replace("\"accountId\": \"111111111111\", \"awsRegion\"",
                "\"accountId\": \"111111111111\", \"accountId\": \"222222222222\", \"awsRegion\""));
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", config("").toString());
        assertInputError(r, snapshot.toString(), "'accountId' appears twice");
    }

    @Test
    void configWithADuplicateYamlKeyIsRefusedNamingTheLine() throws IOException {
        String text = base.config("    primaryRegion: eu-west-1\n");
        Path c = write("dup.yaml", text);
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        int line = text.split("\n").length;
        assertInputError(r, c + ":" + line, "'primaryRegion' appears twice");
    }

    @Test
    void waiverFileWithADuplicateYamlKeyIsRefused() throws IOException {
        Path wf = write("waivers.yaml", """
                version: 1
                waivers:
                  - rule: %s
                    resource: "*"
                    reason: r
                    approver: a@example.com
                    approver: b@example.com
                    expires: %s
                """.formatted(RULE, LocalDate.now().plusDays(5)));
        var r = CliTestSupport.run("gate", "--report", report(config("")).toString(), "--waivers", wf.toString());
        assertInputError(r, wf + ":7", "'approver' appears twice");
    }

    static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
