package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.cli.CollectCommand;
import io.failready.cli.IamPolicyCommand;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The commands the lead wires into the root command, end to end against the stub (credentials from the test environment). */
class CollectCommandTest {
    @Test
    void collectWritesAGzippedSnapshotThatValidates(@TempDir Path dir) throws Exception {
        try (AwsStub stub = AwsStub.start("FaultsTest")) {
            Path out = dir.resolve("snap.json.gz");
            StringWriter err = new StringWriter();
            int code = new CommandLine(new CollectCommand()).setErr(new PrintWriter(err)).execute(
                    "--primary-region", "us-east-1", "--recovery-region", "eu-west-1", "--endpoint-url", stub.endpoint().toString(),
                    "--call-timeout", "5s", "--scan-timeout", "1m", "--out", out.toString());
            assertEquals(0, code, err.toString());
            assertEquals(0x1f, Files.readAllBytes(out)[0] & 0xff);
            Snapshot s = SnapshotIO.read(out);
            assertEquals(List.of("111111111111"), s.getAccounts());
            assertEquals(List.of("eu-west-1", "us-east-1"), s.getRegions());
            assertEquals(4, s.getResources().stream().filter(r -> r.getResourceType().equals("AWS::DynamoDB::Table")).count());
            assertTrue(err.toString().contains("collected"), err.toString());
        }
    }

    @Test
    void badDurationsAndAccountsAreUsageErrors(@TempDir Path dir) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new CollectCommand()).setErr(new PrintWriter(err)).execute(
                "--primary-region", "us-east-1", "--recovery-region", "eu-west-1", "--scan-timeout", "soon", "--out", dir.resolve("x").toString());
        assertEquals(2, code, err.toString());
        code = new CommandLine(new CollectCommand()).setErr(new PrintWriter(new StringWriter())).execute(
                "--primary-region", "us-east-1", "--recovery-region", "eu-west-1", "--accounts", "12", "--out", dir.resolve("x").toString());
        assertEquals(2, code);
    }

    @Test
    void iamPolicyCommandPrintsThePolicy() {
        StringWriter out = new StringWriter();
        assertEquals(0, new CommandLine(new IamPolicyCommand()).setOut(new PrintWriter(out)).execute());
        assertEquals(io.failready.collect.aws.IamPolicy.render(), out.toString());
    }
}
