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
