package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.cli.FailReady;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Missing or expired credentials are the user's to fix: exit 2 with the cause in one line, not an internal error. */
class CredentialProblemsTest {
    @TempDir Path tmp;

    record Run(int exit, String err) {}

    Run scan(AwsStub stub, String... extra) {
        String[] base = {"scan", "--config", FaultInjectionScanTest.config().toString(), "--endpoint-url", stub.endpoint().toString(),
                "--call-timeout", "1s", "--out", tmp.toString(), "--format", "json"};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(exit, e.toString());
    }

    void assertCredentialError(Run r, String cause) {
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().startsWith("failready: AWS credentials: ") && r.err().contains(cause), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(Files.exists(tmp.resolve("report.json")));
    }

    @Test
    void expiredTokenOnStsIsExitTwo() {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(AwsStub.op("sts:GetCallerIdentity"), AwsStub.FaultKind.EXPIRED_TOKEN);
            assertCredentialError(scan(stub), "ExpiredToken");
        }
    }

    /** Unlike AWS not answering (an UNKNOWN report), a refusal of these credentials is the user's to fix. */
    @Test
    void accessDeniedOnStsIsExitTwoWithoutAReport() {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(AwsStub.op("sts:GetCallerIdentity"), AwsStub.FaultKind.ACCESS_DENIED);
            assertCredentialError(scan(stub), "AccessDenied");
        }
    }

    @Test
    void noCredentialsForTheProfileIsExitTwo() {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            assertCredentialError(scan(stub, "--profile", "no-such-profile"), "no-such-profile");
        }
    }
}
