package io.failready.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleSources;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The quick start: `failready scan --demo` shows a realistic NOT_READY estate covering the whole checklist. */
class DemoScanTest {
    @TempDir static Path out;
    static CliTestSupport.Result result;
    static JsonNode report;

    @BeforeAll
    static void scan() throws Exception {
        result = CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "all");
        report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
    }

    @Test
    void exitsNotReadyAndWritesEveryFormat() {
        assertEquals(3, result.exit(), result.all());
        for (String f : List.of("report.json", "report.html", "junit.xml", "summary.md", "evaluations.csv")) {
            assertTrue(Files.exists(out.resolve(f)), f);
        }
        assertTrue(result.out().contains("payments: NOT_READY"), result.out());
    }

    @Test
    void showsEveryComplianceTypeAndEverySection() {
        Set<String> types = new TreeSet<>(), sections = new TreeSet<>();
        for (JsonNode e : report.path("workloads").get(0).path("evaluations")) {
            types.add(e.path("complianceType").asText());
            sections.add(e.path("section").asText());
        }
        assertEquals(Set.of("COMPLIANT", "INSUFFICIENT_DATA", "NON_COMPLIANT", "NOT_APPLICABLE"), types);
        assertEquals(new TreeSet<>(io.failready.rules.RuleMetadata.SECTIONS), sections);
        for (JsonNode s : report.path("workloads").get(0).path("sections")) assertTrue(s.path("score").isNumber(), s.toString());
    }

    /** demo/estate/56-restore-testing.json: the eu-west-1 restore testing plan has one passing and one failed job. */
    @Test
    void restoreTestingShowsAPassingAndAFailedRestoreOfTheRecoveryRegionCopies() {
        java.util.Map<String, String> got = new java.util.TreeMap<>();
        for (JsonNode e : report.path("workloads").get(0).path("evaluations")) {
            if (e.path("ruleId").asText().equals("BACKUP_RESTORE_TESTED")) got.put(e.path("resourceId").asText(), e.path("complianceType") + " " + e.path("annotation"));
        }
        assertTrue(got.get("arn:aws:dynamodb:us-east-1:111122223333:table/payments-ledger").startsWith("\"COMPLIANT\""), got.toString());
        String tokens = got.get("arn:aws:dynamodb:us-east-1:111122223333:table/payments-card-tokens");
        assertTrue(tokens.startsWith("\"NON_COMPLIANT\"") && tokens.contains("FAILED: Access denied to KMS key"), tokens);
        assertTrue(got.get("arn:aws:dynamodb:us-east-1:111122223333:table/payments-merchant-config").contains("tests it only in us-east-1"), got.toString());
    }

    /**
     * demo/estate/55-recovery-evidence.json: the Region switch plan's evaluation needs action (one
     * active warning) and its measured failover missed the RTO; DR_DRILL_RECENT says so from the
     * measured execution, not from the declared drill. The HTML report shows all three evidence
     * findings; the Markdown summary (capped at the top blocking findings, CRITICAL first) shows the
     * restore testing group among the rules to fix first.
     */
    @Test
    void recoveryEvidenceShowsThePlanWarningTheMeasuredDrillAndTheFailedRestore() throws Exception {
        java.util.Map<String, JsonNode> by = new java.util.TreeMap<>();
        for (JsonNode e : report.path("workloads").get(0).path("evaluations")) {
            String rule = e.path("ruleId").asText();
            if (rule.equals("REGION_SWITCH_PLAN_READY") || rule.equals("DR_DRILL_RECENT")) {
                assertEquals(null, by.put(rule, e), "one evaluation of " + rule);
            }
        }
        JsonNode plan = by.get("REGION_SWITCH_PLAN_READY");
        assertEquals("NON_COMPLIANT", plan.path("complianceType").asText(), plan::toString);
        assertTrue(plan.path("annotation").asText().contains("actionRequired, not passed; 1 active warning: step 'scale-authorizer'"), plan::toString);
        JsonNode drill = by.get("DR_DRILL_RECENT");
        assertEquals("NON_COMPLIANT", drill.path("complianceType").asText(), drill::toString);
        assertTrue(drill.path("annotation").asText().contains("Region switch plan payments-failover execution rs-exec-2026-11-20")
                && drill.path("annotation").asText().contains("actual recovery time 41m exceeded the 30 min RTO"), drill::toString);

        String html = Files.readString(out.resolve("report.html"));
        for (String shown : List.of("REGION_SWITCH_PLAN_READY", "scale-authorizer", "DR_DRILL_RECENT", "actual recovery time 41m exceeded the 30 min RTO",
                "BACKUP_RESTORE_TESTED", "FAILED: Access denied to KMS key")) {
            assertTrue(html.contains(shown), "report.html shows " + shown);
        }
        String md = Files.readString(out.resolve("summary.md"));
        String fixFirst = md.substring(md.indexOf("### Fix first"), md.indexOf("### Blocking findings"));
        assertTrue(fixFirst.contains("| `BACKUP_RESTORE_TESTED` | payments |"), fixFirst);
    }

    @Test
    void everyCatalogRuleJudgesSomethingInTheDemo() {
        Set<String> judged = new TreeSet<>();
        for (JsonNode e : report.path("workloads").get(0).path("evaluations")) judged.add(e.path("ruleId").asText());
        Set<String> all = new TreeSet<>(RuleCatalog.read(RuleSources.bundledPlus(List.of())).rules().keySet());
        all.removeAll(judged);
        assertEquals(Set.of(), all, "rules with no demo resource");
    }

    @Test
    void waivedFindingStaysVisibleAndTheExpiredWaiverIsExplained() {
        JsonNode w = report.path("workloads").get(0);
        boolean waived = false;
        for (JsonNode e : w.path("evaluations")) {
            if (e.path("waived").asBoolean()) {
                waived = true;
                assertTrue(e.path("waiver").path("approver").asText().contains("@"), e.toString());
                assertTrue(e.path("waiver").path("expires").asText().matches("\\d{4}-\\d{2}-\\d{2}"), e.toString());
            }
        }
        assertTrue(waived, "the demo has an approved waiver");
        assertTrue(w.path("waiverNotices").toString().contains("expired on 2026-10-31"), w.path("waiverNotices").toString());
    }

    @Test
    void sameInputGivesTheSameReportBytesApartFromTheGenerationTime() throws Exception {
        Path again = out.resolve("again");
        CliTestSupport.run("scan", "--demo", "--out", again.toString(), "--format", "json,csv,junit");
        for (String f : List.of("report.json", "evaluations.csv", "junit.xml")) {
            // the kept snapshot is named by where it was written (--out differs between the two runs)
            String a = Files.readString(out.resolve(f)).replace(out.toString(), "OUT").replaceAll("20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z?", "T");
            String b = Files.readString(again.resolve(f)).replace(again.toString(), "OUT").replaceAll("20\\d\\d-\\d\\d-\\d\\dT[0-9:.]+Z?", "T");
            assertEquals(a, b, f + " is not byte-stable");
        }
    }
}
