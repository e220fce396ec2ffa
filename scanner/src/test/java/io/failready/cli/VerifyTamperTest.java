package io.failready.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * verify on a real report (scan --demo --snapshot-out): each field changed by hand is caught and
 * named with its evaluation key (or item), field, the report's value and the reproduced one.
 */
class VerifyTamperTest {
    @TempDir static Path tmp;
    static Path report, snapshot;
    static String original;

    @BeforeAll
    static void demoReport() throws IOException {
        snapshot = tmp.resolve("snapshot.json");
        Path out = tmp.resolve("out");
        var r = CliTestSupport.run("scan", "--demo", "--snapshot-out", snapshot.toString(), "--out", out.toString(), "--format", "json");
        assertEquals(3, r.exit(), r.all());
        report = out.resolve("report.json");
        original = Files.readString(report);
    }

    @Test
    void demoReportWithItsSnapshotVerifies() {
        var r = CliTestSupport.run("verify", report.toString(), "--snapshot", snapshot.toString(), "--demo");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("VERIFIED"), r.out());
    }

    @Test
    void gzippedReportIsComparedAsWritten() throws IOException {
        Path gz = tmp.resolve("report.json.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(original.replaceFirst("\"owner\" : \"[^\"]*\"", "\"owner\" : \"forged@example.com\"").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        var r = CliTestSupport.run("verify", gz.toString(), "--snapshot", snapshot.toString(), "--demo");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("workload payments: owner: report has \"forged@example.com\""), r.out());
    }

    @Test
    void demoReportWithoutSnapshotSaysHowToKeepOne() throws IOException {
        Path out = tmp.resolve("nosnap");
        CliTestSupport.run("scan", "--demo", "--no-snapshot", "--out", out.toString(), "--format", "json");
        assertFalse(Files.exists(out.resolve("snapshot.json.gz")), "--no-snapshot keeps none");
        var r = CliTestSupport.run("verify", out.resolve("report.json").toString(), "--snapshot", snapshot.toString(), "--demo");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("no SHA-256 for its snapshot (it was scanned with --no-snapshot; scan keeps one by default)"), r.out());
    }

    @Test
    void scanKeepsTheSnapshotBesideTheReportByDefaultAndItVerifies() throws IOException {
        Path out = tmp.resolve("kept");
        var scan = CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "json");
        assertEquals(3, scan.exit(), scan.all());
        assertTrue(scan.out().contains("wrote " + out.resolve("snapshot.json.gz")), scan.out());
        var r = CliTestSupport.run("verify", out.resolve("report.json").toString(), "--snapshot", out.resolve("snapshot.json.gz").toString(), "--demo");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().startsWith("VERIFIED"), r.out());
    }

    @Test
    void noSnapshotWithSnapshotOutIsRefusedBeforeAnythingIsWritten() {
        Path out = tmp.resolve("both");
        var r = CliTestSupport.run("scan", "--demo", "--no-snapshot", "--snapshot-out", tmp.resolve("s.json.gz").toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("--no-snapshot and --snapshot-out contradict"), r.err());
        assertFalse(Files.exists(out));
    }

    static ObjectNode workload(JsonNode root) { return (ObjectNode) root.path("workloads").get(0); }

    static ObjectNode eval(JsonNode root, Predicate<JsonNode> which) {
        for (JsonNode e : workload(root).path("evaluations")) if (which.test(e)) return (ObjectNode) e;
        throw new AssertionError("the demo report has no such evaluation");
    }

    static final Predicate<JsonNode> ANY = e -> true;
    /** The Auto Scaling evaluation the expectations below name; pinned so new rules earlier in the order do not move it. */
    static final Predicate<JsonNode> WITH_COUNTERPART = e -> e.path("counterpart").isObject()
            && e.path("ruleId").asText().equals("AUTOSCALING_RECOVERY_CAPACITY_SUFFICIENT");
    static final Predicate<JsonNode> WAIVED = e -> e.path("waiver").isObject();
    static final Predicate<JsonNode> NOT_WAIVED = e -> !e.path("waived").asBoolean();

    static Arguments tamper(String what, Consumer<ObjectNode> edit, String... expected) {
        return Arguments.of(what, edit, expected);
    }

    static Stream<Arguments> tampers() {
        return Stream.of(
                tamper("severity", r -> eval(r, ANY).put("severity", "LOW"), ": severity: report has \"LOW\", re-evaluation gives \"CRITICAL\""),
                tamper("section", r -> eval(r, ANY).put("section", "traffic"), ": section: report has \"traffic\", re-evaluation gives \"requirements\""),
                tamper("complianceType", r -> eval(r, ANY).put("complianceType", "NOT_APPLICABLE"), ": complianceType: report has \"NOT_APPLICABLE\""),
                tamper("resourceType", r -> eval(r, ANY).put("resourceType", "AWS::S3::Bucket"), ": resourceType: report has \"AWS::S3::Bucket\""),
                tamper("resourceName", r -> eval(r, WITH_COUNTERPART).put("resourceName", "other"), ": resourceName: report has \"other\", re-evaluation gives \"payments-api-use1\""),
                tamper("accountId", r -> eval(r, WITH_COUNTERPART).put("accountId", "999999999999"), ": accountId: report has \"999999999999\", re-evaluation gives \"111122223333\""),
                tamper("region", r -> eval(r, WITH_COUNTERPART).put("region", "us-west-2"), "|us-west-2|eu-west-1: report has it, re-evaluation gives (not reproduced)",
                        "|us-east-1|eu-west-1: report has (missing from the report)"),
                tamper("recoveryRegion", r -> eval(r, WITH_COUNTERPART).put("recoveryRegion", "us-west-2"), "|us-east-1|us-west-2: report has it, re-evaluation gives (not reproduced)"),
                tamper("resourceId", r -> eval(r, WITH_COUNTERPART).put("resourceId", "forged"), "evaluation AUTOSCALING_RECOVERY_CAPACITY_SUFFICIENT|forged|us-east-1|eu-west-1: report has it"),
                tamper("counterpart resourceId", r -> ((ObjectNode) eval(r, WITH_COUNTERPART).path("counterpart")).put("resourceId", "elsewhere"),
                        ": counterpart.resourceId: report has \"elsewhere\", re-evaluation gives \"arn:aws:autoscaling:eu-west-1"),
                tamper("counterpart dropped", r -> eval(r, WITH_COUNTERPART).putNull("counterpart"), ": counterpart: report has null, re-evaluation gives {\"resourceId\""),
                tamper("annotation", r -> eval(r, ANY).put("annotation", "all good"), ": annotation: report has \"all good\""),
                tamper("waived flag", r -> eval(r, WAIVED).put("waived", false), ": waived: report has false, re-evaluation gives true"),
                tamper("waiver reason", r -> ((ObjectNode) eval(r, WAIVED).path("waiver")).put("reason", "because"), ": waiver.reason: report has \"because\""),
                tamper("waiver expiry", r -> ((ObjectNode) eval(r, WAIVED).path("waiver")).put("expires", "2099-01-01"), ": waiver.expires: report has \"2099-01-01\", re-evaluation gives \"2027-03-31\""),
                tamper("waiver approver", r -> ((ObjectNode) eval(r, WAIVED).path("waiver")).put("approver", "me@example.com"), ": waiver.approver: report has \"me@example.com\""),
                tamper("waiver added", r -> eval(r, NOT_WAIVED).put("waived", true).putObject("waiver").put("reason", "x"), ": waived: report has true, re-evaluation gives false",
                        ": waiver: report has {\"reason\":\"x\"}, re-evaluation gives (no such field)"),
                tamper("extra field", r -> eval(r, ANY).put("approvedBy", "ciso"), ": approvedBy: report has \"ciso\", re-evaluation gives (no such field)"),
                tamper("evaluation removed", r -> ((ArrayNode) workload(r).path("evaluations")).remove(0), ": report has (missing from the report)"),
                tamper("evaluation duplicated", r -> ((ArrayNode) workload(r).path("evaluations")).add(eval(r, ANY).deepCopy()), ": report has more than once, re-evaluation gives once"),
                tamper("verdict", r -> workload(r).put("verdict", "READY"), "workload payments: verdict: report has \"READY\", re-evaluation gives \"NOT_READY\""),
                tamper("score", r -> workload(r).put("score", 99.5), "workload payments: score: report has 99.5, re-evaluation gives "),
                tamper("blocking count", r -> ((ObjectNode) workload(r).path("blocking")).put("nonCompliant", 0), "workload payments: blocking.nonCompliant: report has 0, re-evaluation gives "),
                tamper("blocking policy", r -> ((ObjectNode) workload(r).path("blocking")).put("failOn", "CRITICAL"), "workload payments: blocking.failOn: report has \"CRITICAL\""),
                tamper("section score", r -> ((ObjectNode) workload(r).path("sections").get(0)).put("score", 1.0), "workload payments, section requirements: score: report has 1.0, re-evaluation gives 100.0"),
                tamper("section count", r -> ((ObjectNode) workload(r).path("sections").get(0)).put("compliant", 40), "workload payments, section requirements: compliant: report has 40, re-evaluation gives 4"),
                tamper("account score", r -> ((ObjectNode) workload(r).path("accounts").get(0)).put("score", 90.0), "workload payments, account 111122223333: score: report has 90.0, re-evaluation gives "),
                tamper("region pair score", r -> ((ObjectNode) workload(r).path("regionPairs").get(0)).put("score", 90.0), "workload payments, region pair us-east-1->eu-west-1: score: report has 90.0"),
                tamper("waiver notices", r -> workload(r).putArray("waiverNotices"), "workload payments: waiverNotices: report has [], re-evaluation gives [\"Waiver for CLOUDWATCH_ALARMS"),
                tamper("owner", r -> workload(r).put("owner", "someone@example.com"), "workload payments: owner: report has \"someone@example.com\""),
                tamper("rto", r -> workload(r).put("rtoMinutes", 5), "workload payments: rtoMinutes: report has 5, re-evaluation gives 30"),
                tamper("summary evaluations", r -> ((ObjectNode) r.path("summary")).put("evaluations", 300), "summary.evaluations: report has 300, re-evaluation gives "),
                tamper("summary by type", r -> ((ObjectNode) r.path("summary").path("byComplianceType")).put("COMPLIANT", 200), "summary.byComplianceType.COMPLIANT: report has 200, re-evaluation gives "),
                tamper("summary by severity", r -> ((ObjectNode) r.path("summary").path("bySeverity")).put("HIGH", 1), "summary.bySeverity.HIGH: report has 1, re-evaluation gives "),
                tamper("summary gaps", r -> ((ObjectNode) r.path("summary")).put("collectionGaps", 0), "summary.collectionGaps: report has 0, re-evaluation gives "),
                tamper("collection gap removed", r -> ((ArrayNode) r.path("collectionGaps")).remove(0), "gap {\"accountId\":\"111122223333\"", "report has (missing from the report)"),
                tamper("collection gap edited", r -> ((ObjectNode) r.path("collectionGaps").get(0)).put("errorCode", "Throttling"), "\"errorCode\":\"Throttling\"", "report has it, re-evaluation gives (not reproduced)"),
                tamper("rule severity", r -> ((ObjectNode) r.path("rules").get(0)).put("severity", "LOW"), "rule ACCOUNT_RECOVERY_REGION_ENABLED: severity: report has \"LOW\", re-evaluation gives \"CRITICAL\""),
                tamper("snapshot time", r -> ((ObjectNode) r.path("sources").path("snapshot")).put("collectedAt", "2026-12-01T00:00:00Z"),
                        "sources.snapshot.collectedAt: report has \"2026-12-01T00:00:00Z\", re-evaluation gives \"2026-11-20T06:00:00Z\""),
                tamper("collection window", r -> ((ObjectNode) r.path("sources").path("collectionWindow")).put("startedAt", "2026-11-20T06:00:00Z"),
                        "sources.collectionWindow.startedAt: report has \"2026-11-20T06:00:00Z\", re-evaluation gives \"2026-11-20T05:58:12Z\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tampers")
    void tamperedFieldFailsVerification(String what, Consumer<ObjectNode> edit, String[] expected) throws IOException {
        ObjectNode root = (ObjectNode) Json.MAPPER.readTree(original);
        edit.accept(root);
        Path forged = tmp.resolve("forged.json");
        Files.writeString(forged, Json.MAPPER.writeValueAsString(root));
        var r = CliTestSupport.run("verify", forged.toString(), "--snapshot", snapshot.toString(), "--demo");
        assertEquals(3, r.exit(), what + ": " + r.all());
        assertTrue(r.out().startsWith("NOT VERIFIED " + forged), r.out());
        for (String e : expected) assertTrue(r.out().contains(e), what + ": expected '" + e + "' in:\n" + r.out());
    }

    @Test
    void duplicateKeysAreRefusedNamingTheLine() throws IOException {
        Path forged = tmp.resolve("dup.json");
        Files.writeString(forged, original.replaceFirst("\"verdict\" : \"NOT_READY\"", "\"verdict\" : \"NOT_READY\", \"verdict\" : \"READY\""));
        var r = CliTestSupport.run("verify", forged.toString(), "--snapshot", snapshot.toString(), "--demo");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(forged.toString()) && r.err().contains("verdict"), r.err());
    }
}
