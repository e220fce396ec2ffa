package io.failready.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.failready.cli.FailReady;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * --format ocsf, asff and sarif on the demo estate (every section, every outcome) and on a report
 * full of hostile strings, each checked by an independent validator where one ships as a package:
 * SARIF by Microsoft's SARIF Multitool (npm, installed by test.sh), ASFF by AWS's own Security Hub
 * model in botocore (Python, installed with boto3 by test.sh). No package carries the OCSF schema,
 * so OCSF is checked against the Compliance Finding class's required attributes and enum ids as the
 * OCSF schema defines them. A missing validator fails the test under CI and skips it elsewhere.
 */
class SecurityFormatsTest {
    static final Path MULTITOOL = Path.of("..", "tools", "validators", "node_modules", ".bin", "sarif-multitool").toAbsolutePath().normalize();
    static final Path ASFF_CHECK = Path.of("src", "test", "resources", "validators", "asff_botocore.py").toAbsolutePath();

    @TempDir static Path tmp;
    static Path demo, hostile;
    static Report demoReport;

    @BeforeAll
    static void write() throws IOException {
        demo = tmp.resolve("demo");
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan", "--demo", "--out", demo.toString(),
                "--format", "json,ocsf,asff,sarif");
        assertEquals(3, code, e.toString());
        demoReport = ReportReader.read(demo.resolve("report.json"));
        hostile = tmp.resolve("hostile");
        ReportWriters.write(TestReports.small(), null, hostile, EnumSet.of(ReportFormat.OCSF, ReportFormat.ASFF, ReportFormat.SARIF), TestReports.DOCS);
    }

    // ---------------------------------------------------------------- SARIF

    @Test
    void sarifPassesTheSarifMultitoolValidator() throws Exception {
        requireTool(Files.isExecutable(MULTITOOL), "SARIF Multitool (" + MULTITOOL + "; ./test.sh installs it with npm)");
        Path broken = tmp.resolve("broken.sarif");
        ObjectNode b = (ObjectNode) Json.MAPPER.readTree(demo.resolve("report.sarif").toFile());
        ((ObjectNode) b.path("runs").get(0).path("tool").path("driver")).remove("name");
        Json.MAPPER.writeValue(broken.toFile(), b);
        Map<String, List<String>> errors = multitoolErrors(demo.resolve("report.sarif"), hostile.resolve("report.sarif"), broken);
        assertEquals(List.of(), errors.get("report.sarif"), "the multitool found errors in our SARIF");
        assertFalse(errors.get("broken.sarif").isEmpty(), "the validator must catch a tool without a name (a required property), or it proves nothing");
    }

    @Test
    void sarifHasOneRulePerChecklistIdAndResultsOnlyForWhatNeedsAction() throws IOException {
        JsonNode run = Json.MAPPER.readTree(demo.resolve("report.sarif").toFile()).path("runs").get(0);
        assertEquals("2.1.0", Json.MAPPER.readTree(demo.resolve("report.sarif").toFile()).path("version").asText());
        List<String> ruleIds = new ArrayList<>();
        run.path("tool").path("driver").path("rules").forEach(r -> ruleIds.add(r.path("id").asText()));
        assertEquals(demoReport.rules().stream().map(Report.RuleRef::id).toList(), ruleIds);
        JsonNode s3 = run.path("tool").path("driver").path("rules").get(ruleIds.indexOf("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION"));
        assertTrue(s3.path("help").path("markdown").asText().contains("## Remediation"), "help comes from the rule's doc");

        List<Evaluation> all = ReportFacts.allEvaluations(demoReport);
        long expected = all.stream().filter(e -> e.getComplianceType() == ComplianceType.NON_COMPLIANT
                || e.getComplianceType() == ComplianceType.INSUFFICIENT_DATA).count();
        assertEquals(expected, run.path("results").size());
        Set<String> prints = new HashSet<>();
        int suppressed = 0;
        for (JsonNode r : run.path("results")) {
            String type = r.path("properties").path("complianceType").asText();
            String level = r.path("level").asText();
            if (type.equals("INSUFFICIENT_DATA")) assertEquals("warning", level, r.toString());
            assertTrue(Set.of("error", "warning", "note").contains(level));
            assertEquals(ruleIds.get(r.path("ruleIndex").asInt()), r.path("ruleId").asText());
            assertTrue(r.path("locations").get(0).path("logicalLocations").get(0).path("fullyQualifiedName").asText().length() > 0);
            assertEquals("demo/payments.yaml", r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
            assertTrue(prints.add(r.path("partialFingerprints").path("failreadyFinding/v1").asText()), "fingerprints are unique");
            if (r.has("suppressions")) suppressed++;
        }
        assertEquals(all.stream().filter(e -> e.isWaived() && e.getComplianceType() == ComplianceType.NON_COMPLIANT).count(), suppressed,
                "a waived finding stays, suppressed");
    }

    @Test
    void findingIdsAreStableAcrossRunsSoReimportsUpdate() throws IOException {
        Path again = tmp.resolve("again");
        int code = FailReady.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), "report",
                demo.resolve("report.json").toString(), "--format", "sarif,asff", "--out", again.toString());
        assertEquals(0, code);
        assertEquals(fingerprints(demo.resolve("report.sarif")), fingerprints(again.resolve("report.sarif")));
        assertEquals(asffIds(demo.resolve("findings.asff.json")), asffIds(again.resolve("findings.asff.json")));
    }

    // ---------------------------------------------------------------- ASFF

    @Test
    void asffPassesAwsSecurityHubModelFromBotocore() throws Exception {
        requireTool(pythonHasBotocore(), "python3 with botocore (./test.sh installs boto3)");
        Path broken = tmp.resolve("broken.asff.json");
        JsonNode b = Json.MAPPER.readTree(demo.resolve("findings.asff.json").toFile());
        ObjectNode f = (ObjectNode) b.get(0).path("Findings").get(0);
        f.remove("ProductArn");
        ((ObjectNode) f.path("Compliance")).put("Status", "OK");
        Json.MAPPER.writeValue(broken.toFile(), b);
        assertEquals("", run(List.of("python3", ASFF_CHECK.toString(), demo.resolve("findings.asff.json").toString(),
                hostile.resolve("findings.asff.json").toString())));
        String out = run(List.of("python3", ASFF_CHECK.toString(), broken.toString()));
        assertTrue(out.contains("ProductArn") && out.contains("'OK' is not one of"), out);
    }

    @Test
    void asffBatchesAreImportableAsTheyStand() throws IOException {
        JsonNode batches = Json.MAPPER.readTree(demo.resolve("findings.asff.json").toFile());
        int findings = 0;
        Map<String, String> statusOf = Map.of("COMPLIANT", "PASSED", "NON_COMPLIANT", "FAILED", "INSUFFICIENT_DATA", "WARNING", "NOT_APPLICABLE", "NOT_AVAILABLE");
        for (JsonNode batch : batches) {
            assertEquals(Set.of("Findings"), fieldNames(batch), "a batch is exactly a BatchImportFindings request body");
            JsonNode fs = batch.path("Findings");
            assertTrue(fs.size() >= 1 && fs.size() <= 100, "1..100 findings per call");
            Set<String> arns = new HashSet<>();
            for (JsonNode f : fs) {
                findings++;
                String account = f.path("AwsAccountId").asText();
                arns.add(f.path("ProductArn").asText());
                assertTrue(f.path("ProductArn").asText().matches("arn:aws:securityhub:[a-z0-9-]+:" + account + ":product/" + account + "/default"), f.toString());
                assertTrue(f.path("ProductArn").asText().contains(":" + f.path("Region").asText() + ":"));
                assertEquals("2018-10-08", f.path("SchemaVersion").asText());
                assertEquals(statusOf.get(f.path("ProductFields").path("failready/complianceType").asText()), f.path("Compliance").path("Status").asText());
                assertEquals("failready/" + f.path("ProductFields").path("failready/ruleId").asText(), f.path("GeneratorId").asText());
            }
            assertEquals(1, arns.size(), "one product ARN (account and region) per batch: Security Hub imports a batch in one region");
        }
        assertEquals(ReportFacts.allEvaluations(demoReport).size(), findings, "one finding per evaluation");
        JsonNode nist = null;
        for (JsonNode f : batches.get(0).path("Findings")) if (f.path("Compliance").path("RelatedRequirements").size() > 0) nist = f;
        assertTrue(nist != null && nist.path("Compliance").path("RelatedRequirements").toString().contains("NIST SP 800-53 Rev. 5"),
                "framework controls travel as RelatedRequirements");
    }

    // ---------------------------------------------------------------- OCSF

    /**
     * From the OCSF schema: base_event requires activity_id, category_uid, class_uid, metadata
     * (product, version), severity_id, time, type_uid (= class_uid * 100 + activity_id); finding
     * requires finding_info (uid); compliance_finding requires compliance (standards), whose
     * status_id is 1 Pass, 2 Warning (no result for missing information), 3 Fail or 99 Other.
     * The cloud profile requires cloud.provider.
     */
    @Test
    void ocsfFindingsCarryTheComplianceFindingRequiredAttributes() throws IOException {
        for (Path file : List.of(demo.resolve("findings.ocsf.json"), hostile.resolve("findings.ocsf.json"))) {
            JsonNode all = Json.MAPPER.readTree(file.toFile());
            assertTrue(all.isArray() && all.size() > 0);
            Set<String> uids = new HashSet<>();
            for (JsonNode f : all) {
                for (String req : List.of("activity_id", "category_uid", "class_uid", "metadata", "severity_id", "time", "type_uid",
                        "finding_info", "compliance", "cloud")) {
                    assertTrue(f.has(req), "missing required " + req + " in " + f);
                }
                assertEquals(2003, f.path("class_uid").asInt());
                assertEquals(2, f.path("category_uid").asInt());
                assertTrue(Set.of(1, 2, 3).contains(f.path("activity_id").asInt()));
                assertEquals(2003 * 100 + f.path("activity_id").asInt(), f.path("type_uid").asInt());
                assertTrue(Set.of(0, 1, 2, 3, 4, 5, 6, 99).contains(f.path("severity_id").asInt()));
                assertTrue(f.path("time").isIntegralNumber() && f.path("time").asLong() > 0);
                assertTrue(f.path("metadata").path("version").asText().matches("1\\.\\d+\\.\\d+"));
                assertEquals("failready", f.path("metadata").path("product").path("name").asText());
                assertTrue(uids.add(f.path("finding_info").path("uid").asText()), "finding uids are unique");
                JsonNode c = f.path("compliance");
                assertTrue(c.path("standards").isArray() && c.path("standards").size() > 0);
                assertTrue(Set.of(1, 2, 3, 99).contains(c.path("status_id").asInt()));
                assertEquals(Map.of("COMPLIANT", 1, "NON_COMPLIANT", 3, "INSUFFICIENT_DATA", 2, "NOT_APPLICABLE", 99).get(c.path("status_code").asText()),
                        c.path("status_id").asInt());
                assertEquals("AWS", f.path("cloud").path("provider").asText());
                assertTrue(f.path("resources").isArray() && f.path("resources").get(0).path("uid").asText().length() > 0);
                assertTrue(Set.of(1, 3).contains(f.path("status_id").asInt()));
            }
        }
        JsonNode first = Json.MAPPER.readTree(demo.resolve("findings.ocsf.json").toFile());
        assertEquals(ReportFacts.allEvaluations(demoReport).size(), first.size(), "one finding per evaluation");
        boolean pair = false, controls = false;
        for (JsonNode f : first) {
            pair |= f.path("resources").size() == 2 && f.path("resources").get(1).path("labels").toString().contains("counterpart")
                    && !f.path("resources").get(1).path("region").asText().equals(f.path("resources").get(0).path("region").asText());
            controls |= f.path("compliance").path("requirements").toString().contains("ISO/IEC 27001:2022 Annex A A.8.13");
        }
        assertTrue(pair, "the region pair: the resource and its counterpart in the recovery region");
        assertTrue(controls, "framework controls as compliance.requirements");
    }

    // ---------------------------------------------------------------- helpers

    static void requireTool(boolean present, String what) {
        if (present) return;
        if (System.getenv("CI") != null) fail(what + " is missing: the format cannot be validated (run ./test.sh).");
        org.junit.jupiter.api.Assumptions.abort(what + " is not installed; run ./test.sh to install it");
    }

    static boolean pythonHasBotocore() {
        try {
            Process p = new ProcessBuilder("python3", "-c", "import botocore").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a validator; returns its output (empty when it found nothing). */
    static String run(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "validator timed out");
        return out.trim();
    }

    /** File name -> the multitool's error-level results for it (its exit code is 0 even then, so read its log). */
    static Map<String, List<String>> multitoolErrors(Path... files) throws Exception {
        Path log = Files.createTempDirectory(tmp, "multitool").resolve("validation.sarif");
        List<String> cmd = new ArrayList<>(List.of(MULTITOOL.toString(), "validate", "-o", log.toString()));
        for (Path f : files) cmd.add(f.toString());
        String out = run(cmd);
        assertTrue(Files.exists(log), "the multitool wrote no log: " + out);
        Map<String, List<String>> errors = new TreeMap<>();
        for (Path f : files) errors.put(f.getFileName().toString(), new ArrayList<>());
        for (JsonNode r : Json.MAPPER.readTree(log.toFile()).path("runs").get(0).path("results")) {
            if (!"error".equals(r.path("level").asText())) continue;
            String uri = r.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText();
            String name = uri.substring(uri.lastIndexOf('/') + 1);
            errors.computeIfAbsent(name, k -> new ArrayList<>()).add(r.path("ruleId").asText() + " " + r.path("message").toString());
        }
        return errors;
    }

    static List<String> fingerprints(Path sarif) throws IOException {
        List<String> out = new ArrayList<>();
        Json.MAPPER.readTree(sarif.toFile()).path("runs").get(0).path("results").forEach(r -> out.add(r.path("partialFingerprints").toString()));
        return out;
    }

    static List<String> asffIds(Path asff) throws IOException {
        List<String> out = new ArrayList<>();
        for (JsonNode b : Json.MAPPER.readTree(asff.toFile())) b.path("Findings").forEach(f -> out.add(f.path("Id").asText()));
        return out;
    }

    static Set<String> fieldNames(JsonNode n) {
        Set<String> s = new HashSet<>();
        n.fieldNames().forEachRemaining(s::add);
        return s;
    }
}
