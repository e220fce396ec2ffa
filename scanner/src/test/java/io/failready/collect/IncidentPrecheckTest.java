package io.failready.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.cli.FailReady;
import io.failready.tooling.AwsStub;
import io.failready.util.Hashing;
import io.failready.util.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The incident pre-check end to end: `gate --live --to eu-west-1 --baseline SNAPSHOT` through the CLI,
 * the real SDK and role assumption, against the AWS-protocol stub serving the ReadyEstate while its
 * primary region us-east-1 is down: every call signed for us-east-1 (STS included) answers 500,
 * except the global services, whose clients sign for us-east-1 as their home. The recovery region
 * answers. The baseline is the same estate's snapshot from 26 hours earlier.
 */
class IncidentPrecheckTest {
    static final String A = TestAws.ACCOUNT, B = TestAws.ACCOUNT_B, E = TestAws.US_EAST_1, W = TestAws.EU_WEST_1;
    /** Clients of these sign for us-east-1 wherever the estate is: they are not the region's endpoints. */
    static final Set<String> GLOBAL = Set.of("iam", "route53", "cloudfront", "organizations", "account");
    /** The regional outage: whatever is sent to us-east-1's own endpoints fails. */
    static final Predicate<AwsStub.Call> PRIMARY_DOWN = c -> c.region().equals(E) && !GLOBAL.contains(c.service())
            && !c.action().equals("s3:ListBuckets") && !c.action().equals("s3:GetBucketLocation");

    @TempDir static Path dir;
    static Path goodBaseline;

    record Run(int exit, String out, String err) {
        String all() { return out + err; }
    }

    static Run run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), args);
        return new Run(exit, o.toString(), e.toString());
    }

    /** The last good snapshot: a healthy scan's --snapshot-out, dated 26 hours back. */
    @BeforeAll
    static void baseline() throws Exception {
        Path snap = dir.resolve("healthy.json");
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            Run r = run("scan", "--config", FaultInjectionScanTest.config().toString(), "--endpoint-url", stub.endpoint().toString(),
                    "--call-timeout", "5s", "--as-of", FaultInjectionScanTest.AS_OF, "--out", dir.resolve("healthy-out").toString(),
                    "--format", "json", "--snapshot-out", snap.toString());
            assertEquals(0, r.exit(), r::all);
        }
        goodBaseline = rewrite(snap, "baseline.json", s -> s.put("collectedAt", hoursAgo(26)));
    }

    static String hoursAgo(long h) { return Instant.now().minus(Duration.ofHours(h)).truncatedTo(ChronoUnit.SECONDS).toString(); }

    interface Edit { void apply(ObjectNode snapshot); }

    static Path rewrite(Path from, String name, Edit edit) throws Exception {
        ObjectNode s = (ObjectNode) Json.MAPPER.readTree(from.toFile());
        edit.apply(s);
        Path to = dir.resolve(name);
        Json.MAPPER.writeValue(to.toFile(), s);
        return to;
    }

    Run gate(AwsStub stub, Path out, String... extra) {
        List<String> args = new ArrayList<>(List.of("gate", "--live", "--config", FaultInjectionScanTest.config().toString(), "--to", W,
                "--endpoint-url", stub.endpoint().toString(), "--call-timeout", "5s",
                "--write-reports", "--out", out.toString(), "--format", "json,md"));
        args.addAll(List.of(extra));
        return run(args.toArray(String[]::new));
    }

    static long callsToDeadRegion(AwsStub stub) { return stub.calls().stream().filter(PRIMARY_DOWN).count(); }

    @Test
    void primaryDownWithBaselineDecidesGoFromLiveRecoveryDataPlusTheBaseline() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(PRIMARY_DOWN, AwsStub.FaultKind.SERVER_ERROR);
            Path out = dir.resolve("go");
            Run r = gate(stub, out, "--baseline", goodBaseline.toString());
            assertEquals(0, r.exit(), r::all);
            assertTrue(r.out().contains("GO  orders failover us-east-1 -> eu-west-1"), r::out);
            assertTrue(r.out().contains("BASELINE " + goodBaseline + " collected "), r::out);
            assertTrue(r.out().contains("stands in for " + A + "/us-east-1, which answered no call"), r::out);
            assertTrue(r.out().contains("stands in for " + B + "/us-east-1, which answered no call"), r::out);
            assertTrue(r.out().contains("used the baseline") && r.out().contains("[from baseline, 26 h old]"), r::out);

            // a dead region is given up on after a few calls instead of every collector's retries
            long dead = callsToDeadRegion(stub);
            long bound = 2L * (RegionHealth.FAILED_CALLS + io.failready.collect.CollectRequest.DEFAULT_CONCURRENCY) * ClientFactory.MAX_ATTEMPTS
                    + ClientFactory.MAX_ATTEMPTS; // + sts:GetCallerIdentity, asked in us-east-1 first
            assertTrue(dead <= bound, "calls to the dead region: " + dead + " > " + bound + "\n" + stub.callsByOperation());

            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            JsonNode b = report.path("sources").path("baseline");
            assertEquals(goodBaseline.toString(), b.path("path").asText());
            assertEquals(Hashing.sha256(goodBaseline), b.path("sha256").asText());
            assertTrue(b.path("ageSeconds").asLong() >= 26 * 3600, b::toString);
            List<String> stood = new ArrayList<>();
            for (JsonNode s : b.path("stoodInFor")) stood.add(s.path("accountId").asText() + "/" + s.path("region").asText());
            assertEquals(List.of(A + "/us-east-1", B + "/us-east-1"), stood);

            int marked = 0, liveJudged = 0;
            for (JsonNode e : report.path("workloads").get(0).path("evaluations")) {
                if (e.has("baseline")) {
                    marked++;
                    assertTrue(e.path("annotation").asText().startsWith("[from baseline, 26 h old] "), e::toString);
                    assertEquals(b.path("collectedAt").asText(), e.path("baseline").path("collectedAt").asText());
                }
                // a rule of the live side (@incident("live") in its DRL) is never judged from the baseline
                if (e.path("ruleId").asText().equals("ACCOUNT_RECOVERY_REGION_ENABLED")) {
                    liveJudged++;
                    assertFalse(e.has("baseline"), e::toString);
                    assertEquals("COMPLIANT", e.path("complianceType").asText(), e::toString);
                }
            }
            assertEquals(2, liveJudged, "both accounts' recovery region was judged live");
            assertTrue(marked > 0, "findings that used the baseline carry its age");
            String md = Files.readString(out.resolve("summary.md"));
            assertTrue(md.contains("from baseline, 26 h old"), md);

            JsonNode decision = Json.MAPPER.readTree(out.resolve("gate-decision.json").toFile());
            boolean listed = false;
            for (JsonNode in : decision.path("inputs")) {
                listed |= in.path("role").asText().equals("baseline") && in.path("sha256").asText().equals(b.path("sha256").asText());
            }
            assertTrue(listed, decision::toString);
            assertEquals(2, decision.path("baseline").path("stoodInFor").size(), decision::toString);
        }
    }

    /** During a failback the load leaves the recovery region: that is the one whose outage a baseline stands in for. */
    static final Predicate<AwsStub.Call> RECOVERY_DOWN = c -> c.region().equals(W) && !GLOBAL.contains(c.service())
            && !c.action().equals("s3:ListBuckets") && !c.action().equals("s3:GetBucketLocation");

    @Test
    void failbackWithTheRecoveryRegionDownTakesItFromTheBaselineAndReadsThePrimaryLive() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(RECOVERY_DOWN, AwsStub.FaultKind.SERVER_ERROR);
            Path out = dir.resolve("failback");
            List<String> args = new ArrayList<>(List.of("gate", "--live", "--config", FaultInjectionScanTest.config().toString(), "--to", E,
                    "--endpoint-url", stub.endpoint().toString(), "--call-timeout", "5s",
                    "--write-reports", "--out", out.toString(), "--format", "json", "--baseline", goodBaseline.toString()));
            Run r = run(args.toArray(String[]::new));
            assertTrue(r.out().contains("stands in for " + A + "/eu-west-1, which answered no call"), r::all);
            assertTrue(r.out().contains("stands in for " + B + "/eu-west-1, which answered no call"), r::all);
            assertFalse(r.out().contains("/us-east-1, which answered no call"), r::all);

            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            List<String> stood = new ArrayList<>();
            for (JsonNode s : report.path("sources").path("baseline").path("stoodInFor")) stood.add(s.path("accountId").asText() + "/" + s.path("region").asText());
            assertEquals(List.of(A + "/eu-west-1", B + "/eu-west-1"), stood);
            JsonNode wl = report.path("workloads").get(0);
            assertEquals("recovery-to-primary", wl.path("direction").asText(), wl::toString);
            int marked = 0, liveTarget = 0;
            for (JsonNode e : wl.path("evaluations")) {
                if (e.has("baseline")) {
                    marked++;
                    assertTrue(e.path("annotation").asText().startsWith("[from baseline, 26 h old] "), e::toString);
                }
                // the primary is the failback's target: read live, never from the baseline
                if (e.path("ruleId").asText().equals("ACCOUNT_RECOVERY_REGION_ENABLED")) {
                    liveTarget++;
                    assertFalse(e.has("baseline"), e::toString);
                    assertEquals("COMPLIANT", e.path("complianceType").asText(), e::toString);
                }
            }
            assertEquals(2, liveTarget, "both accounts' primary was judged live as the target");
            assertTrue(marked > 0, "findings that used the baseline for eu-west-1 carry its age");
            for (JsonNode g : report.path("collectionGaps")) {
                assertFalse(g.path("region").asText().equals(W) && g.path("errorCode").asText().equals("RegionUnreachable"),
                        "the stood-in region's live gaps are replaced by the baseline: " + g);
            }
            assertTrue(r.exit() == 0 || r.exit() == 3, "decided from live primary data plus the baseline, not UNKNOWN: " + r.all());
        }
    }

    @Test
    void baselineWithBothDirectionsIsRefusedBeforeAwsIsRead() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            Run r = run("scan", "--config", FaultInjectionScanTest.config().toString(), "--endpoint-url", stub.endpoint().toString(),
                    "--out", dir.resolve("both").toString(), "--direction", "both", "--baseline", goodBaseline.toString());
            assertEquals(2, r.exit(), r::all);
            assertTrue(r.err().contains("--direction both") && r.err().contains("one direction"), r::err);
            assertEquals(0, stub.totalCalls(), "refused before AWS is read");
            assertFalse(Files.exists(dir.resolve("both").resolve("report.json")));
        }
    }

    /**
     * The baseline knows a primary secret the live recovery region has no copy of: during the outage
     * that is a configuration finding judged from the baseline, so the answer is NO-GO, not GO and not
     * UNKNOWN, and the blocking line says which secret and how old the knowledge is.
     */
    @Test
    void primaryDownWithBaselineDecidesNoGoWhenTheBaselineShowsASecretTheRecoveryRegionLacks() throws Exception {
        String name = "orders/payments-api-key";
        String arn = "arn:aws:secretsmanager:us-east-1:" + A + ":secret:" + name + "-XyZ123";
        Path baseline = rewrite(goodBaseline, "unreplicated-secret.json", s -> {
            ObjectNode secret = null;
            for (JsonNode r : s.path("resources")) {
                if (r.path("resourceType").asText().equals("AWS::SecretsManager::Secret") && r.path("accountId").asText().equals(A)
                        && r.path("awsRegion").asText().equals(E)) secret = ((ObjectNode) r).deepCopy();
            }
            assertTrue(secret != null, "the healthy baseline holds the orders secret in " + E);
            secret.put("resourceId", arn).put("resourceName", name);
            ObjectNode cfg = (ObjectNode) secret.path("configuration");
            cfg.put("name", name);
            cfg.remove("replicationStatus");
            cfg.remove("replicaLinks");
            ((ArrayNode) s.path("resources")).add(secret);
        });
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(PRIMARY_DOWN, AwsStub.FaultKind.SERVER_ERROR);
            Path out = dir.resolve("no-go");
            Run r = gate(stub, out, "--baseline", baseline.toString());
            assertEquals(3, r.exit(), r::all);
            assertTrue(r.out().contains("NO-GO  orders failover us-east-1 -> eu-west-1"), r::out);
            String block = r.out().lines().filter(l -> l.startsWith("  BLOCK ")).findFirst().orElse("");
            assertTrue(block.contains("CRITICAL") && block.contains("SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION")
                    && block.contains("[from baseline, 26 h old]") && block.contains(name)
                    && block.contains("no replica in eu-west-1"), r::out);
            assertEquals(1, r.out().lines().filter(l -> l.startsWith("  BLOCK ")).count(), "only the unreplicated secret blocks:\n" + r.out());

            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            JsonNode found = null;
            for (JsonNode e : report.path("workloads").get(0).path("evaluations")) {
                if (e.path("resourceId").asText().equals(arn)) found = e;
            }
            assertTrue(found != null, "the baseline's secret was judged");
            assertEquals("NON_COMPLIANT", found.path("complianceType").asText(), found::toString);
            assertTrue(found.path("annotation").asText().startsWith("[from baseline, 26 h old] "), found::toString);
            assertEquals(report.path("sources").path("baseline").path("collectedAt").asText(), found.path("baseline").path("collectedAt").asText());

            JsonNode decision = Json.MAPPER.readTree(out.resolve("gate-decision.json").toFile());
            JsonNode w = decision.path("workloads").get(0);
            assertEquals("NOT_READY", w.path("verdict").asText(), w::toString);
            assertEquals(1, w.path("blocking").size(), w::toString);
            assertTrue(w.path("blocking").get(0).toString().contains(arn), w::toString);
            String md = Files.readString(out.resolve("summary.md"));
            assertTrue(md.contains(name) && md.contains("from baseline, 26 h old"), md);
        }
    }

    @Test
    void primaryDownWithoutBaselineIsUnknownAsBefore() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(PRIMARY_DOWN, AwsStub.FaultKind.SERVER_ERROR);
            Path out = dir.resolve("unknown");
            Run r = gate(stub, out);
            assertEquals(4, r.exit(), r::all);
            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            boolean regionGap = false;
            for (JsonNode g : report.path("collectionGaps")) {
                regionGap |= g.path("errorCode").asText().equals("RegionUnreachable") && g.path("region").asText().equals(E)
                        && g.path("accountId").asText().equals(A) && g.path("service").asText().equals("*");
            }
            assertTrue(regionGap, () -> report.path("collectionGaps").toString());
            assertTrue(callsToDeadRegion(stub) <= 2L * (RegionHealth.FAILED_CALLS + CollectRequest.DEFAULT_CONCURRENCY) * ClientFactory.MAX_ATTEMPTS
                    + ClientFactory.MAX_ATTEMPTS, () -> "" + stub.callsByOperation());
        }
    }

    /** Nothing answers at all, STS included: no region was judged, so the gate must not claim that every region answered. */
    @Test
    void nothingAnsweringIsUnknownAndNeverClaimsTheRegionsAnswered() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> true, AwsStub.FaultKind.SERVER_ERROR);
            Run r = gate(stub, dir.resolve("nothing-answers"), "--baseline", goodBaseline.toString());
            assertEquals(4, r.exit(), r::all);
            assertFalse(r.out().contains("region answered."), r::out);
            assertTrue(r.out().contains(": not used: no primary region was recorded as unreachable"), r::out);
        }
    }

    @Test
    void healthyPrimaryLeavesTheBaselineUnused() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            Path out = dir.resolve("healthy-gate");
            Run r = gate(stub, out, "--baseline", goodBaseline.toString());
            assertEquals(0, r.exit(), r::all);
            assertTrue(r.out().contains(": not used: no primary region was recorded as unreachable"), r::out);
            JsonNode report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
            assertEquals(0, report.path("sources").path("baseline").path("stoodInFor").size());
            for (JsonNode e : report.path("workloads").get(0).path("evaluations")) assertFalse(e.has("baseline"), e::toString);
        }
    }

    /** Refused before any AWS call: exit 2, one message naming the file, nothing written. */
    void refused(Path baseline, String why, String... extra) {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            Path out = dir.resolve("refused-" + baseline.getFileName());
            List<String> args = new ArrayList<>(List.of("--baseline", baseline.toString()));
            args.addAll(List.of(extra));
            Run r = gate(stub, out, args.toArray(String[]::new));
            assertEquals(2, r.exit(), r::all);
            assertTrue(r.err().contains(baseline.toString()) && r.err().contains(why), r::err);
            assertEquals(0, stub.totalCalls(), "a bad baseline is refused before AWS is read");
            assertFalse(Files.exists(out.resolve("report.json")));
        }
    }

    @Test
    void staleBaselineIsRefusedWithItsAge() throws Exception {
        refused(rewrite(goodBaseline, "stale.json", s -> s.put("collectedAt", hoursAgo(8 * 24))), "8d 0h ago, older than --max-baseline-age 7d");
        refused(goodBaseline, "older than --max-baseline-age 12h", "--max-baseline-age", "12h");
    }

    @Test
    void baselineFromTheFutureIsRefused() throws Exception {
        refused(rewrite(goodBaseline, "future.json", s -> s.put("collectedAt", Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString())),
                "in the future");
    }

    @Test
    void corruptOrForgedBaselineIsRefused() throws Exception {
        Path truncated = dir.resolve("truncated.json");
        String text = Files.readString(goodBaseline);
        Files.writeString(truncated, text.substring(0, text.length() / 2));
        refused(truncated, "");
        // a resource planted in an account the snapshot does not say it covered
        refused(rewrite(goodBaseline, "forged.json", s -> {
            ObjectNode r = ((ObjectNode) s.path("resources").get(0)).deepCopy();
            r.put("accountId", "999999999999");
            ((ArrayNode) s.path("resources")).add(r);
        }), "inconsistent");
    }

    @Test
    void baselineOfOtherAccountsIsRefused() throws Exception {
        refused(rewrite(goodBaseline, "other-accounts.json", s -> {
            s.set("accounts", Json.MAPPER.createArrayNode().add("333333333333"));
            s.set("resources", Json.MAPPER.createArrayNode());
            s.set("collectionGaps", Json.MAPPER.createArrayNode());
        }), "does not cover workload orders");
    }

    @Test
    void baselineThatCouldNotReadThePrimaryItselfIsRefused() throws Exception {
        refused(rewrite(goodBaseline, "gappy.json", s -> {
            ObjectNode g = Json.MAPPER.createObjectNode().put("accountId", A).put("region", E).put("service", "*").put("operation", "*")
                    .put("errorCode", "RegionUnreachable").put("message", "down then too");
            ((ArrayNode) s.withArray("collectionGaps")).add(g);
        }), "is not a good one");
    }

    @Test
    void scanNeverWritesItsSnapshotOverTheBaseline() throws Exception {
        Path copy = Files.copy(goodBaseline, dir.resolve("keep.json"));
        String before = Hashing.sha256(copy);
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            Run r = run("scan", "--config", FaultInjectionScanTest.config().toString(), "--endpoint-url", stub.endpoint().toString(),
                    "--baseline", copy.toString(), "--snapshot-out", copy.toString(), "--out", dir.resolve("keep-out").toString());
            assertEquals(2, r.exit(), r::all);
            assertTrue(r.err().contains("--snapshot-out would overwrite the --baseline snapshot"), r::err);
            assertEquals(0, stub.totalCalls());
        }
        assertEquals(before, Hashing.sha256(copy));
    }

    @Test
    void baselineIsOnlyForALiveCollection() {
        Run r = run("gate", "--demo", "--baseline", goodBaseline.toString());
        assertEquals(2, r.exit(), r::all);
        assertTrue(r.err().contains("--baseline needs --live"), r::err);
        r = run("scan", "--demo", "--baseline", goodBaseline.toString());
        assertEquals(2, r.exit(), r::all);
        assertTrue(r.err().contains("--baseline needs a live scan with --config"), r::err);
    }
}
