package io.failready.collect;

import io.failready.tooling.AwsStub;
import com.fasterxml.jackson.databind.JsonNode;
import io.failready.cli.FailReady;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * `failready collect` when AWS does not answer at all (every connection refused): the snapshot is
 * still written, with a gap for the unanswered call and one per declared account, exit 4 and one line
 * saying AWS did not answer; `evaluate` reads that snapshot back (the "unknown" account of the STS gap
 * passes the snapshot schema) and says UNKNOWN. Before, collect exited 4 and wrote nothing.
 */
class NoAnswerCollectTest {
    static final String A = TestAws.ACCOUNT, B = TestAws.ACCOUNT_B;

    @TempDir Path tmp;

    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(exit, o.toString(), e.toString());
    }

    static String closedEndpoint() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) { return "http://127.0.0.1:" + s.getLocalPort(); }
    }

    static List<String> gaps(JsonNode snapshot) {
        List<String> l = new ArrayList<>();
        for (JsonNode g : snapshot.path("collectionGaps")) {
            l.add(g.path("accountId").asText() + " " + g.path("region").asText() + " " + g.path("service").asText() + " "
                    + g.path("operation").asText() + " " + g.path("errorCode").asText());
        }
        return l.stream().sorted().toList();
    }

    @Test
    void declaredAccountsGetGapsInASnapshotThatEvaluatesToUnknown() throws Exception {
        Path snap = tmp.resolve("snap.json");
        long t0 = System.nanoTime();
        Run r = run("collect", "--primary-region", "us-east-1", "--recovery-region", "eu-west-1", "--accounts", A + "," + B,
                "--role-name", "failready-audit", "--endpoint-url", closedEndpoint(), "--call-timeout", "1s", "--out", snap.toString());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(4, r.exit(), r::err);
        assertTrue(ms < 20_000, "took " + ms + " ms (connection refused must not be retried for long)");
        assertTrue(Files.exists(snap), r::err);
        assertTrue(r.err().lines().anyMatch(l -> l.startsWith("failready: AWS did not answer (sts:GetCallerIdentity: ConnectionFailed)")
                && l.contains(snap.toString())), r::err);
        JsonNode s = Json.MAPPER.readTree(snap.toFile());
        assertEquals(List.of(A, B), Json.MAPPER.convertValue(s.path("accounts"), List.class));
        assertEquals(0, s.path("resources").size());
        List<String> expected = new ArrayList<>(List.of("unknown us-east-1 sts GetCallerIdentity ConnectionFailed"));
        for (String acct : List.of(A, B)) for (String where : List.of("eu-west-1", "global", "us-east-1")) {
            expected.add(acct + " " + where + " * AssumeRole ConnectionFailed");
        }
        assertEquals(expected.stream().sorted().toList(), gaps(s));

        Path out = tmp.resolve("out");
        Run ev = run("evaluate", "--snapshot", snap.toString(), "--config", FaultInjectionScanTest.config().toString(),
                "--as-of", FaultInjectionScanTest.AS_OF, "--out", out.toString(), "--format", "json");
        assertEquals(4, ev.exit(), ev::err);
        assertEquals("UNKNOWN", Json.MAPPER.readTree(out.resolve("report.json").toFile()).path("workloads").get(0).path("verdict").asText());
    }

    @Test
    void noAccountKnownIsASnapshotWithOnlyTheGap() throws Exception {
        Path snap = tmp.resolve("snap.json.gz");
        Run r = run("collect", "--primary-region", "us-east-1", "--recovery-region", "eu-west-1",
                "--endpoint-url", closedEndpoint(), "--call-timeout", "1s", "--out", snap.toString());
        assertEquals(4, r.exit(), r::err);
        assertTrue(r.err().contains("failready: AWS did not answer (sts:GetCallerIdentity: ConnectionFailed)"), r::err);
        JsonNode s = Json.MAPPER.readTree(new java.util.zip.GZIPInputStream(Files.newInputStream(snap)));
        assertEquals(0, s.path("accounts").size());
        assertEquals(List.of("unknown us-east-1 sts GetCallerIdentity ConnectionFailed"), gaps(s));
    }

    @Test
    void organizationListingUnansweredIsAGapNotAnError() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(AwsStub.op("organizations:ListAccounts"), AwsStub.FaultKind.SERVER_ERROR);
            Path snap = tmp.resolve("snap.json");
            Run r = run("collect", "--primary-region", "us-east-1", "--recovery-region", "eu-west-1", "--organization",
                    "--role-name", "failready-audit", "--endpoint-url", stub.endpoint().toString(), "--call-timeout", "1s",
                    "--out", snap.toString());
            assertEquals(4, r.exit(), r::err);
            assertTrue(r.err().contains("failready: AWS did not answer (organizations:ListAccounts: "), r::err);
            JsonNode s = Json.MAPPER.readTree(snap.toFile());
            assertEquals(0, s.path("accounts").size());
            List<String> g = gaps(s);
            assertEquals(1, g.size(), g::toString);
            assertTrue(g.get(0).startsWith(A + " global organizations ListAccounts "), g::toString);
        }
    }
}
