package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.cli.FailReady;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.ACCOUNT_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing secret leaves. The stub estate holds canary values where secrets live: Lambda
 * environment variables (by name, by content, high-entropy), a SecureString value the stub would
 * hand out if asked, a GetSecretValue and a KMS Decrypt reply that must never be requested, and
 * the credentials themselves (base keys, and the assumed-role keys STS returns). A full scan with
 * every report format, the snapshot and progress output must contain none of them, and the secret
 * calls must never be made.
 */
class SecretCanaryTest {
    static AwsStub stub;
    @TempDir static Path out;
    static String stdout, stderr;
    static final List<String> CANARIES = List.of("CANARY", "hunter2", "test-secret-not-real",
            "secret-" + ACCOUNT, "secret-" + ACCOUNT_B, "token-" + ACCOUNT, "token-" + ACCOUNT_B);

    @BeforeAll
    static void scan() {
        stub = AwsStub.start("CanaryTest");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan",
                "--primary-region", "us-east-1", "--recovery-region", "eu-west-1",
                "--accounts", ACCOUNT + "," + ACCOUNT_B, "--role-name", "failready-audit",
                "--endpoint-url", stub.endpoint().toString(), "--progress", "--stacktrace",
                "--out", out.toString(), "--format", "all", "--snapshot-out", out.resolve("snapshot.json.gz").toString());
        stdout = o.toString();
        stderr = e.toString();
        assertTrue(exit == 3 || exit == 4, "exit " + exit + ": " + stderr);
    }

    @AfterAll
    static void stop() { stub.close(); }

    static String read(Path p) throws IOException {
        try (InputStream in = p.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(p)) : Files.newInputStream(p)) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            in.transferTo(b);
            return b.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void noCanaryInAnySnapshotReportOrLogLine() throws IOException {
        List<String> leaks = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(out)) {
            // the output directory's lock file (io.failready.util.OutputSet) is empty
            files = s.filter(p -> !p.getFileName().toString().equals(io.failready.util.OutputSet.LOCK_FILE)).sorted().toList();
        }
        // every report format (--format all) and the snapshot: a new format is canary-checked too
        java.util.TreeSet<String> expected = new java.util.TreeSet<>(List.of("snapshot.json.gz"));
        for (io.failready.report.ReportFormat f : io.failready.report.ReportFormat.values()) expected.add(f.fileName());
        assertEquals(List.copyOf(expected), files.stream().map(p -> p.getFileName().toString()).toList());
        for (Path f : files) {
            String text = read(f);
            for (String c : CANARIES) if (text.contains(c)) leaks.add(f.getFileName() + " contains " + c);
        }
        for (String c : CANARIES) {
            if (stdout.contains(c)) leaks.add("stdout contains " + c);
            if (stderr.contains(c)) leaks.add("stderr contains " + c);
        }
        assertEquals(List.of(), leaks);
    }

    @Test
    void secretLookingEnvironmentValuesAreRedactedButOrdinaryOnesKept() throws IOException {
        String snapshot = read(out.resolve("snapshot.json.gz"));
        assertTrue(snapshot.contains("\"DB_PASSWORD\":\"[REDACTED]\""), "named like a secret");
        assertTrue(snapshot.contains("\"NOTES\":\"[REDACTED]\""), "content looks like a secret");
        assertTrue(snapshot.contains("\"BLOB\":\"[REDACTED]\""), "high-entropy value");
        assertTrue(snapshot.contains("\"TABLE_NAME\":\"orders\""), "ordinary values stay, rules need them");
    }

    @Test
    void secretExposingCallsAreNeverMade() {
        List<String> forbidden = stub.calls().stream().map(AwsStub.Call::action)
                .filter(a -> a.equals("secretsmanager:GetSecretValue") || a.equals("kms:Decrypt") || a.equals("s3:GetObject")
                        || a.equals("ssm:GetParameter")).toList();
        assertEquals(List.of(), forbidden);
        stub.calls().stream().filter(c -> c.action().equals("ssm:GetParameters"))
                .forEach(c -> assertFalse(c.body().contains("\"WithDecryption\":true"), c.body()));
        assertFalse(stub.calls().isEmpty());
    }
}
