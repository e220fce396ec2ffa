package io.failready.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.report.FrameworkView;
import io.failready.report.ReportFacts;
import io.failready.report.ReportReader;
import io.failready.rules.Frameworks;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleSources;
import io.failready.util.InputException;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The framework mappings (rules/mappings/*.yaml) and --framework on scan and report. */
class FrameworkOptionTest {
    @TempDir static Path tmp;
    static Path out;
    static Report full;

    @BeforeAll
    static void scan() throws IOException {
        out = tmp.resolve("soc2");
        var r = CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "json,html,md,csv,junit,sarif", "--framework", "SOC2");
        assertEquals(3, r.exit(), r.err());
        full = ReportReader.read(out.resolve("report.json"));
    }

    @Test
    void theBundledFrameworksAreTheFourAskedForPlusWellArchitected() {
        assertEquals(new TreeSet<>(List.of("dora", "iso-27001-2022", "nist-sp-800-53-r5", "soc2", "well-architected-reliability")),
                new TreeSet<>(Frameworks.bundled().all().stream().map(Frameworks.Framework::key).toList()));
        Map<String, List<String>> nist = Frameworks.bundled().get("nist-sp-800-53-r5").controlsByRule();
        assertTrue(nist.get("DR_DRILL_RECENT").contains("CP-4"));
        assertTrue(nist.get("BACKUP_INDEPENDENT_OF_REPLICATION").contains("CP-9"));
        assertTrue(nist.get("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION").contains("CP-6"));
        assertTrue(nist.get("KMS_KEY_AVAILABLE_IN_RECOVERY_REGION").contains("SC-12"));
        for (String c : List.of("CP-2", "CP-6", "CP-7", "CP-9", "CP-10")) {
            assertTrue(nist.values().stream().anyMatch(l -> l.contains(c)), "NIST control " + c + " is mapped");
        }
        assertControls("iso-27001-2022", "A.5.29", "A.5.30", "A.8.13", "A.8.14");
        assertControls("soc2", "A1.2", "A1.3");
        assertControls("dora", "Art. 11", "Art. 12");
    }

    static void assertControls(String key, String... ids) {
        List<String> have = Frameworks.bundled().get(key).controls().stream().map(Frameworks.Control::id).toList();
        for (String id : ids) assertTrue(have.contains(id), key + " lacks " + id);
    }

    /** Every rule id in a mapping exists in the catalog read from the DRL, and every mapped rule says why. */
    @Test
    void everyMappedRuleExistsAndEveryNewFrameworkSaysWhy() {
        Set<String> catalog = RuleCatalog.read(RuleSources.bundledPlus(List.of())).rules().keySet();
        Frameworks fw = Frameworks.read(RuleSources.bundledRoot().resolve("mappings"), catalog);
        List<String> problems = new ArrayList<>();
        for (Frameworks.Framework f : fw.all()) {
            if (f.key().equals(Frameworks.WELL_ARCHITECTED)) continue;
            for (Frameworks.Control c : f.controls()) {
                for (String r : c.rules()) if (c.why().getOrDefault(r, "").isBlank()) problems.add(f.key() + " " + c.id() + " " + r + ": no why");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void anUnknownRuleInAMappingIsAnErrorNamingFileAndLine() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mappings"));
        Files.writeString(dir.resolve("made-up.yaml"), """
                framework: Made Up
                controls:
                  - id: X-1
                    title: "Something"
                    rules: [DR_DRILL_RECENT,
                            NO_SUCH_RULE]
                """);
        InputException e = assertThrows(InputException.class, () -> Frameworks.read(dir, Set.of("DR_DRILL_RECENT")));
        assertTrue(e.describe().startsWith("rules/mappings/made-up.yaml:6:") && e.getMessage().contains("NO_SUCH_RULE"), e.describe());
        assertEquals(6, e.getLine());
        Files.writeString(dir.resolve("made-up.yaml"), """
                framework: Made Up
                controls:
                  - id: X-1
                    title: "Something"
                    rules: [DR_DRILL_RECENT]
                    why: {RUNBOOKS_DEFINED: "not in the list"}
                """);
        e = assertThrows(InputException.class, () -> Frameworks.read(dir, Set.of("DR_DRILL_RECENT")));
        assertTrue(e.getMessage().contains("RUNBOOKS_DEFINED") && e.getLine() == 6, e.getMessage());
    }

    @Test
    void anUnknownFrameworkIsAUsageErrorBeforeAnyWork() {
        var r = CliTestSupport.run("scan", "--demo", "--out", tmp.resolve("x").toString(), "--framework", "nist-800-53");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("unknown framework 'nist-800-53'") && r.err().contains("nist-sp-800-53-r5"), r.err());
        assertFalse(Files.exists(tmp.resolve("x").resolve("report.json")));
        var rep = CliTestSupport.run("report", out.resolve("report.json").toString(), "--out", tmp.resolve("y").toString(), "--framework", "hipaa");
        assertEquals(2, rep.exit());
    }

    @Test
    void viewsKeepOnlyTheFrameworksRulesButTheJsonReportAndVerdictStayWhole() throws IOException {
        String unmapped = "DATA_RESIDENCY_RECOVERY_REGION_APPROVED"; // SOC 2's availability criteria do not cover residency
        assertFalse(Frameworks.bundled().get("soc2").ruleIds().contains(unmapped));
        // the contract and the gate's test report keep every evaluation: the gate re-derives from them
        assertTrue(ReportFacts.allEvaluations(full).stream().anyMatch(e -> e.getRuleId().equals(unmapped)));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains(unmapped));

        List<String> csv = Files.readAllLines(out.resolve("evaluations.csv"));
        String[] header = csv.get(0).split(",");
        assertTrue(List.of(header).contains("frameworkControls"), csv.get(0));
        assertTrue(csv.stream().noneMatch(l -> l.contains("," + unmapped + ",")), "the CSV shows only the framework's rules");
        String drill = csv.stream().filter(l -> l.contains(",DR_DRILL_RECENT,")).findFirst().orElseThrow();
        assertTrue(drill.contains(",A1.3,"), drill);

        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("id=\"framework\"") && html.contains("A1.2") && html.contains("Recovery plan procedures supporting system recovery are tested"));
        assertFalse(html.contains("rule-" + unmapped), "the HTML shows only the framework's rules");
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("SOC 2 Trust Services Criteria controls") && md.contains("`A1.3`"), md);
        assertTrue(md.contains("NOT_READY"), "the verdict is the whole checklist's");

        JsonNode sarif = Json.MAPPER.readTree(out.resolve("report.sarif").toFile());
        Set<String> soc2 = Frameworks.bundled().get("soc2").ruleIds();
        for (JsonNode r : sarif.path("runs").get(0).path("results")) assertTrue(soc2.contains(r.path("ruleId").asText()));

        // re-rendering a saved report through another framework, no re-evaluation
        var rep = CliTestSupport.run("report", out.resolve("report.json").toString(), "--out", tmp.resolve("dora").toString(),
                "--format", "csv", "--framework", "dora");
        assertEquals(0, rep.exit(), rep.err());
        String drillDora = Files.readAllLines(tmp.resolve("dora").resolve("evaluations.csv")).stream()
                .filter(l -> l.contains(",DR_DRILL_RECENT,")).findFirst().orElseThrow();
        assertTrue(drillDora.contains(",Art. 11; Art. 12,"), drillDora);
    }

    @Test
    void aControlsStatusIsItsWorstUnwaivedEvaluationAndNothingEvaluatedIsNotAPass() {
        Frameworks.Framework fw = new Frameworks.Framework("t", "T", List.of(
                new Frameworks.Control("A", "a", List.of("R1", "R2"), Map.of()),
                new Frameworks.Control("B", "b", List.of("R2"), Map.of()),
                new Frameworks.Control("C", "c", List.of("R3"), Map.of()),
                new Frameworks.Control("D", "d", List.of("R4"), Map.of())));
        Evaluation nc = eval("R1", ComplianceType.NON_COMPLIANT);
        Evaluation waived = eval("R3", ComplianceType.NON_COMPLIANT);
        waived.setWaiver(new Evaluation.WaiverRef("accepted", "ciso", "team", "2099-01-01", null));
        Report r = new Report("1.2", null, "2026-01-01T00:00:00Z", null, null, List.of(), List.of(new Report.WorkloadReport("w", null, null,
                "us-east-1", List.of("us-west-2"), null, null, "NOT_READY", 0.0, null, List.of(), List.of(), List.of(), List.of(),
                List.of(nc, eval("R2", ComplianceType.INSUFFICIENT_DATA), eval("R2", ComplianceType.COMPLIANT), waived))), List.of(), null);
        List<FrameworkView.ControlStatus> s = FrameworkView.status(r, fw);
        assertEquals(List.of("NON_COMPLIANT", "INSUFFICIENT_DATA", "NOT_APPLICABLE", "INSUFFICIENT_DATA"), s.stream().map(FrameworkView.ControlStatus::status).toList());
        assertEquals(1, s.get(2).waived());
        assertEquals(0, s.get(3).evaluations());
    }

    static Evaluation eval(String rule, ComplianceType t) {
        return new Evaluation(rule, "data", io.failready.model.Severity.HIGH, t, "AWS::S3::Bucket", "arn:aws:s3:::" + rule + t,
                rule, "111122223333", "us-east-1", "us-west-2", null, rule + " " + t + ".", null);
    }
}
