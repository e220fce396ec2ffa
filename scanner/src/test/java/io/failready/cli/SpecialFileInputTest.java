package io.failready.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A FIFO, device or directory where a file is expected is refused at once with exit 2 naming it:
 * opening a FIFO would block until something writes to it, and a device can stream without end.
 * The class timeout is only a safety net so a regression fails instead of hanging the build.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SpecialFileInputTest {
    @TempDir Path tmp;
    Path snapshot, config, report, fifo;

    @BeforeEach
    void inputs() throws Exception {
        snapshot = tmp.resolve("snapshot.json");
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false));
        config = tmp.resolve("config.yaml");
        Files.writeString(config, """
                workloads:
                  - {name: payments, accounts: [{id: "111111111111"}], primaryRegion: us-east-1, recoveryRegions: [eu-west-1], strategy: warm-standby}
                """);
        CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", config.toString(), "--out", tmp.resolve("r").toString(), "--format", "json");
        report = tmp.resolve("r/report.json");
        assertTrue(Files.exists(report));
        fifo = mkfifo(tmp.resolve("pipe"));
    }

    static Path mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals(0, mk.waitFor());
        return p;
    }

    static void assertRefused(CliTestSupport.Result r, Path named, String what) {
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("failready: " + named), r.err());
        assertTrue(r.err().contains(what), r.err());
    }

    @Test
    void aFifoAsSnapshotConfigReportOrWaiverFileIsRefused() throws Exception {
        String notRegular = "is not a regular file";
        assertRefused(CliTestSupport.run("evaluate", "--snapshot", fifo.toString(), "--config", config.toString(), "--out", tmp.resolve("o").toString()), fifo, notRegular);
        assertRefused(CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", fifo.toString(), "--out", tmp.resolve("o").toString()), fifo, notRegular);
        assertRefused(CliTestSupport.run("gate", "--report", fifo.toString()), fifo, notRegular);
        assertRefused(CliTestSupport.run("gate", "--report", report.toString(), "--waivers", fifo.toString()), fifo, notRegular);
        assertRefused(CliTestSupport.run("diff", report.toString(), fifo.toString()), fifo, notRegular);
        assertFalse(Files.exists(tmp.resolve("o")), "nothing written");
    }

    @Test
    void aDeviceOrADirectoryIsRefused() {
        Path zero = Path.of("/dev/zero");
        assertRefused(CliTestSupport.run("gate", "--report", zero.toString()), zero, "is not a regular file");
        assertRefused(CliTestSupport.run("evaluate", "--snapshot", zero.toString(), "--config", config.toString(), "--out", tmp.resolve("o").toString()), zero, "is not a regular file");
        assertRefused(CliTestSupport.run("gate", "--report", tmp.toString()), tmp, "is a directory");
        assertRefused(CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", tmp.toString(), "--out", tmp.resolve("o").toString()), tmp, "is a directory");
    }

    @Test
    void aFifoInARuleDirectoryOrTemplateDirectoryIsRefused() throws Exception {
        Path rules = Files.createDirectories(tmp.resolve("rules"));
        Path drl = mkfifo(rules.resolve("custom.drl"));
        assertRefused(CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", config.toString(), "--rules", rules.toString(),
                "--out", tmp.resolve("o").toString()), drl, "is not a regular file");

        Path tpl = Files.createDirectories(tmp.resolve("tpl"));
        Path ftlh = mkfifo(tpl.resolve("report.ftlh"));
        assertRefused(CliTestSupport.run("report", report.toString(), "--format", "html", "--out", tmp.resolve("h").toString(), "--template", tpl.toString()),
                ftlh, "is not a regular file");
        assertFalse(Files.exists(tmp.resolve("h/report.html")));
    }

    @Test
    void aFifoAsRuleFixtureIsRefused() throws Exception {
        Path rules = tmp.resolve("fx");
        Path dir = Files.createDirectories(rules.resolve("operations/MY_RULE/fixtures"));
        Files.writeString(rules.resolve("operations/MY_RULE/MY_RULE.drl"), """
                package rules.custom;
                import io.failready.facts.Resource;
                // Scenarios: compliant-basic
                rule "MY_RULE"
                    @id("MY_RULE") @title("t") @section("operations") @severity("LOW") @resourceType("AWS::S3::Bucket")
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                end
                """);
        Path fixture = mkfifo(dir.resolve("compliant-basic.json"));
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", rules.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.all().contains(fixture.getFileName().toString()) && r.all().contains("is not a regular file"), r.all());
    }

}
