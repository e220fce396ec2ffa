package io.failready.cli;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate earns every READY: what it reads from a saved report, a snapshot or a config is checked
 * against the rule catalog and the declared workloads, never taken on trust. The estate is
 * GateCommandTest's: one secret without a replica (a CRITICAL finding), every other rule disabled.
 */
class GateTrustTest {
    static final String RULE = "SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION";

    @TempDir Path tmp;
    Path snapshot;
    final GateCommandTest base = new GateCommandTest();

    @BeforeEach
    void estate() throws IOException {
        snapshot = tmp.resolve("snapshot.json");
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false));
    }

    Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    Path config(String extra) throws IOException {
        return write("c.yaml", base.config(extra));
    }

    /** report.json of evaluating the estate under {@code cfg}. */
    Path report(Path cfg) {
        Path out = tmp.resolve("out-" + cfg.getFileName());
        var r = CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", cfg.toString(), "--out", out.toString());
        assertTrue(r.exit() == 0 || r.exit() == 3 || r.exit() == 4, r.all());
        return out.resolve("report.json");
    }

    static void assertInputError(CliTestSupport.Result r, String... fragments) {
        assertEquals(2, r.exit(), r.all());
        for (String f : fragments) assertTrue(r.err().contains(f), "stderr should say " + f + ": " + r.err());
        assertFalse(r.err().contains("\tat io.failready"), r.err());
    }

    // --- duplicate keys ---------------------------------------------------------------------------

    @Test
    void reportWithADuplicateKeyIsRefusedNamingFileAndLine() throws IOException {
        Path report = report(config(""));
        String json = Files.readString(report);
        // the second "severity" would be the one a parser keeps: a forged LOW after the real CRITICAL
        String forged = json.replaceFirst("\"severity\":\"CRITICAL\",\"complianceType\"",
                "\"severity\":\"CRITICAL\",\"severity\":\"LOW\",\"complianceType\"");
        assertFalse(forged.equals(json), "fixture: the evaluation line is where the test expects it");
        Files.writeString(report, forged);
        int line = lineOf(forged, "\"severity\":\"LOW\"");
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertInputError(r, report + ":" + line, "'severity' appears twice");
    }

    @Test
    void reportWithTextAfterItsJsonObjectIsRefusedNamingFileAndLine() throws IOException {
        Path report = report(config(""));
        String json = Files.readString(report).stripTrailing() + "\n {\"x\":1}\n";
        Files.writeString(report, json);
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertInputError(r, report + ":" + lineOf(json, "{\"x\":1}") + ":", "after the JSON");
    }

    @Test
    void reportWithNoWorkloadSaysSo() throws IOException {
        Path report = report(config(""));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.failready.util.Json.MAPPER.readTree(report.toFile());
        tree.putArray("workloads");
        Files.writeString(report, io.failready.util.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertInputError(r, report.toString(), "has no workload");
        assertFalse(r.err().contains("'null'"), r.err());
    }

    @Test
    void reportWithTwoWorkloadsOfTheSameNameIsRefused() throws IOException {
        Path report = report(config(""));
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) io.failready.util.Json.MAPPER.readTree(report.toFile());
        var workloads = (com.fasterxml.jackson.databind.node.ArrayNode) tree.get("workloads");
        var copy = workloads.get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) copy.get("evaluations")).removeAll();
        workloads.add(copy);
        Files.writeString(report, io.failready.util.Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertInputError(r, report + ":", "workload 'payments' appears twice");
        assertInputError(CliTestSupport.run("report", report.toString(), "--out", tmp.resolve("r").toString()), "appears twice");
    }

    @Test
    void snapshotWithADuplicateKeyIsRefused() throws IOException {
        Files.writeString(snapshot, GateCommandTest.snapshotJson(false).replace("\"accountId\": \"111111111111\", \"awsRegion\"",
                "\"accountId\": \"111111111111\", \"accountId\": \"222222222222\", \"awsRegion\""));
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", config("").toString());
        assertInputError(r, snapshot.toString(), "'accountId' appears twice");
    }

    @Test
    void configWithADuplicateYamlKeyIsRefusedNamingTheLine() throws IOException {
        String text = base.config("    primaryRegion: eu-west-1\n");
        Path c = write("dup.yaml", text);
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        int line = text.split("\n").length;
        assertInputError(r, c + ":" + line, "'primaryRegion' appears twice");
    }

    @Test
    void waiverFileWithADuplicateYamlKeyIsRefused() throws IOException {
        Path wf = write("waivers.yaml", """
                version: 1
                waivers:
                  - rule: %s
                    resource: "*"
                    reason: r
                    approver: a@example.com
                    approver: b@example.com
                    expires: %s
                """.formatted(RULE, LocalDate.now().plusDays(5)));
        var r = CliTestSupport.run("gate", "--report", report(config("")).toString(), "--waivers", wf.toString());
        assertInputError(r, wf + ":7", "'approver' appears twice");
    }

    // --- gate --report re-derives what it judges by ----------------------------------------------

    static final String FINDING = "\"severity\":\"CRITICAL\",\"complianceType\":\"NON_COMPLIANT\"";

    Path forged(Path report, String from, String to) throws IOException {
        String json = Files.readString(report);
        assertTrue(json.contains(from), "fixture: " + from + " in " + json);
        Files.writeString(report, json.replace(from, to));
        return report;
    }

    @Test
    void reportClaimingACriticalFindingIsLowStillBlocks() throws IOException {
        Path report = forged(report(config("")), FINDING, "\"severity\":\"LOW\",\"complianceType\":\"NON_COMPLIANT\"");
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("BLOCK CRITICAL " + RULE), r.out());
    }

    @Test
    void reportMovingAFindingToAnotherSectionIsJudgedByItsCatalogSection() throws IOException {
        // the workload lowers the rule to LOW, so only the section block can make it block
        Path c = config("    severityOverrides:\n      " + RULE + ": LOW\n");
        Path report = forged(report(c), "\"section\":\"security\",\"severity\":\"LOW\"", "\"section\":\"operations\",\"severity\":\"LOW\"");
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--block-section", "security");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("BLOCK LOW      " + RULE), "the recorded override still applies: " + r.out());
        assertEquals(0, CliTestSupport.run("gate", "--report", report.toString()).exit(), "LOW does not block by itself");
    }

    @Test
    void reportNamingARuleOutsideTheCatalogIsRefusedUnlessItsDirectoryIsGiven() throws IOException {
        Path report = forged(report(config("")), "\"ruleId\":\"" + RULE + "\"", "\"ruleId\":\"MY_TEAM_RULE\"");
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertInputError(r, report.toString(), "MY_TEAM_RULE", "not in the rule catalog", "--rules DIR");
        Path dir = Files.createDirectories(tmp.resolve("team-rules/MY_TEAM_RULE"));
        Files.writeString(dir.resolve("MY_TEAM_RULE.drl"), """
                package rules.team;
                import io.failready.facts.Resource;
                rule "MY_TEAM_RULE"
                    @id("MY_TEAM_RULE") @title("Team rule") @section("operations") @severity("HIGH") @resourceType("AWS::S3::Bucket")
                when
                    Resource( resourceType == "nothing" )
                then
                end
                """);
        var ok = CliTestSupport.run("gate", "--report", report.toString(), "--rules", tmp.resolve("team-rules").toString());
        assertEquals(3, ok.exit(), ok.all());
        assertTrue(ok.out().contains("BLOCK HIGH     MY_TEAM_RULE"), "severity from the team's DRL, not the report: " + ok.out());
    }

    @Test
    void evaluationMarkedWaivedWithoutAWaiverIsNotWaived() throws IOException {
        Path report = forged(report(config("")), "\"waived\":false}", "\"waived\":true}");
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("has no approver and does not apply"), r.out());
    }

    @Test
    void waiverWithoutApproverOrExpiryInAReportDoesNotApply() throws IOException {
        String expires = LocalDate.now().plusDays(30).toString();
        Path c = config(GateCommandTest.waiver(expires, "ciso@example.com"));
        Path report = report(c);
        assertEquals(0, CliTestSupport.run("gate", "--report", report.toString()).exit(), "fixture: the waiver applies");
        forged(report, ",\"expires\":\"" + expires + "\"", "");
        var noExpiry = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(3, noExpiry.exit(), noExpiry.all());
        assertTrue(noExpiry.out().contains("has no expiry date"), noExpiry.out());
        forged(report, "\"approver\":\"ciso@example.com\",", "");
        assertTrue(CliTestSupport.run("gate", "--report", report.toString()).out().contains("has no approver"));
    }

    @Test
    void waiverWithoutAReasonInAReportDoesNotApply() throws IOException {
        String expires = LocalDate.now().plusDays(30).toString();
        Path report = report(config(GateCommandTest.waiver(expires, "ciso@example.com")));
        assertEquals(0, CliTestSupport.run("gate", "--report", report.toString()).exit(), "fixture: the waiver applies");
        forged(report, "\"reason\":\"Replica is created by the DR pipeline at failover time (RISK-142).\",", "");
        var r = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("has no reason"), r.out());
    }

    @Test
    void underAConfigAReportCarriedWaiverTheConfigDoesNotGrantDoesNotApply() throws IOException {
        // a forged waiver object (approver, reason, far expiry) on a CRITICAL finding the config never waived
        Path c = config("");
        Path report = forged(report(c), "\"waived\":false}",
                "\"waived\":true,\"waiver\":{\"reason\":\"trust me\",\"approver\":\"me\",\"expires\":\"2099-01-01\"}}");
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--config", c.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("is not granted by"), r.out());
        // the config's own waiver is applied again, under its waiverPolicy
        String expires = LocalDate.now().plusDays(30).toString();
        Path granted = config(GateCommandTest.waiver(expires, "ciso@example.com"));
        Path ok = report(granted);
        assertEquals(0, CliTestSupport.run("gate", "--report", ok.toString(), "--config", granted.toString()).exit());
        Path capped = write("capped.yaml", Files.readString(granted).replace("workloads:", "waiverPolicy:\n  maxDuration: 7d\nworkloads:"));
        var refused = CliTestSupport.run("gate", "--report", ok.toString(), "--config", capped.toString());
        assertEquals(3, refused.exit(), refused.all());
    }

    // --- a report is judged only under the configuration that declares it -------------------------

    @Test
    void reportForARegionPairTheConfigDoesNotDeclareIsRefused() throws IOException {
        Path report = report(config(""));
        Path other = write("other.yaml", base.config("").replace("recoveryRegions: [eu-west-1]", "recoveryRegions: [us-west-2]"));
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--config", other.toString());
        assertInputError(r, report.toString(), "us-east-1 -> eu-west-1", "declares us-east-1 -> us-west-2");
        Path renamed = write("renamed.yaml", base.config("").replace("name: payments", "name: ledger"));
        var n = CliTestSupport.run("gate", "--report", report.toString(), "--config", renamed.toString());
        assertInputError(n, "workload 'payments'", "does not declare");
        assertEquals(3, CliTestSupport.run("gate", "--report", report.toString(), "--config", config("").toString()).exit());
    }

    // --- each workload under its own policy ----------------------------------------------------------

    /** Two workloads over the same estate: payments relaxes the secret rule, ledger does not. */
    Path twoWorkloads() throws IOException {
        String one = base.config("""
                    gate:
                      warnOnly: [SECRETSMANAGER_*]
                      allowUnknown: true
                """);
        String ledger = one.substring(one.indexOf("  - name: payments")).replace("name: payments", "name: ledger")
                .replace("      warnOnly: [SECRETSMANAGER_*]\n      allowUnknown: true\n", "      failOn: HIGH\n");
        return write("two.yaml", one + ledger);
    }

    @Test
    void eachWorkloadIsGatedByItsOwnPolicyNotTheFirstOnes() throws IOException {
        Path c = twoWorkloads();
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("READY  payments") && r.out().contains("NOT_READY  ledger"), r.out());
        // the report records each workload's policy, so gating it without the config decides the same
        Path report = report(c);
        String json = Files.readString(report);
        assertTrue(json.contains("\"allowUnknown\" : true"), json);
        var g = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(3, g.exit(), g.all());
        assertTrue(g.out().contains("READY  payments") && g.out().contains("NOT_READY  ledger"), g.out());
        assertEquals(0, CliTestSupport.run("gate", "--report", report.toString(), "--workload", "payments").exit());
    }

    @Test
    void aWaiverOfOneWorkloadDoesNotWaiveAnother() throws IOException {
        String expires = LocalDate.now().plusDays(30).toString();
        String one = base.config(GateCommandTest.waiver(expires, "ciso@example.com"));
        String ledger = one.substring(one.indexOf("  - name: payments"), one.indexOf("    waivers:")).replace("name: payments", "name: ledger");
        Path c = write("w2.yaml", one + ledger);
        Path plain = write("plain.yaml", base.config("") + ledger);
        Path report = report(plain);
        var r = CliTestSupport.run("gate", "--report", report.toString(), "--config", c.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("READY  payments") && r.out().contains("NOT_READY  ledger"), r.out());
    }

    // --- names a user types are checked ---------------------------------------------------------------

    @Test
    void misspelledRuleIdsGlobsAndSectionsAreRefusedWithASuggestion() throws IOException {
        Path report = report(config(""));
        var typo = CliTestSupport.run("gate", "--report", report.toString(), "--warn-only", "SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGON");
        assertInputError(typo, "--warn-only", "Did you mean " + RULE + "?");
        var glob = CliTestSupport.run("gate", "--report", report.toString(), "--block-rule", "SECRETS_MANAGER_*");
        assertInputError(glob, "--block-rule 'SECRETS_MANAGER_*' matches no rule id");
        var section = CliTestSupport.run("gate", "--report", report.toString(), "--block-section", "secrity");
        assertInputError(section, "--block-section 'secrity'", "Did you mean security?");
        var snap = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", config("").toString(), "--warn-only", "NOPE_*");
        assertInputError(snap, "--warn-only 'NOPE_*' matches no rule id");
    }

    // --- waiver policy ---------------------------------------------------------------------------------

    String blanketWaiver(String expires, String reason) {
        return """
                    waivers:
                      - rule: %s
                        resource: "*"
                        %s
                        approver: ciso@example.com
                        expires: %s
                """.formatted(RULE, reason == null ? "" : "reason: " + reason, expires);
    }

    @Test
    void blanketWaiverOfACriticalRuleIsRefusedByDefaultAndListedWithTheReason() throws IOException {
        String expires = LocalDate.now().plusDays(10).toString();
        Path c = config(blanketWaiver(expires, "accepted (RISK-1)"));
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("waiverPolicy.allowBlanketCritical"), r.out());
        Path allowed = write("allowed.yaml", "waiverPolicy:\n  allowBlanketCritical: true\n" + base.config(blanketWaiver(expires, "accepted (RISK-1)")));
        assertEquals(0, CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", allowed.toString()).exit());
    }

    @Test
    void waiverPolicyCapsDurationAndABlankReasonIsNoReason() throws IOException {
        String far = LocalDate.now().plusDays(200).toString();
        String policy = "waiverPolicy:\n  allowBlanketCritical: true\n  maxDuration: 90d\n";
        Path tooLong = write("long.yaml", policy + base.config(blanketWaiver(far, "accepted (RISK-1)")));
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", tooLong.toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.out().contains("more than waiverPolicy.maxDuration 90d"), r.out());
        Path noReason = write("noreason.yaml", policy + base.config(blanketWaiver(LocalDate.now().plusDays(10).toString(), "\"  \"")));
        var n = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", noReason.toString());
        assertEquals(3, n.exit(), n.all());
        assertTrue(n.out().contains("has no reason"), n.out());
        // the same policy holds for waivers applied to a saved report
        Path report = report(config(""));
        Path wf = write("wf.yaml", """
                version: 1
                waivers:
                  - rule: %s
                    resource: "*"
                    reason: accepted
                    approver: ciso@example.com
                    expires: %s
                """.formatted(RULE, LocalDate.now().plusDays(10)));
        var g = CliTestSupport.run("gate", "--report", report.toString(), "--waivers", wf.toString());
        assertEquals(3, g.exit(), g.all());
        assertTrue(g.out().contains("waiverPolicy.allowBlanketCritical"), g.out());
        Path bad = write("bad.yaml", "waiverPolicy:\n  maxDuration: soon\n" + base.config(""));
        assertInputError(CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", bad.toString()), "bad.yaml:2");
    }

    // --- names in the configuration are checked --------------------------------------------------------

    @Test
    void misspelledNamesInTheConfigAreRefusedWithASuggestion() throws IOException {
        Path c = write("typo.yaml", base.config("""
                    gate:
                      warnOnly: [SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGON]
                """));
        assertInputError(CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", c.toString()),
                "typo.yaml:", "Did you mean " + RULE + "?");
        Path s = write("sec.yaml", base.config("""
                    gate:
                      blockSections: [secrity]
                """));
        assertInputError(CliTestSupport.run("gate", "--report", report(config("")).toString(), "--config", s.toString()),
                "sec.yaml:", "Did you mean security?");
        Path o = write("ovr.yaml", base.config("""
                    severityOverrides:
                      SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGON: LOW
                """));
        assertInputError(CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", o.toString()),
                "Did you mean " + RULE + "?");
    }

    // --- disabled and warn-only rules are shown wherever a verdict is ---------------------------------

    @Test
    void disabledAndWarnOnlyRulesAreShownInTheGateOutput() throws IOException {
        var r = CliTestSupport.run("gate", "--snapshot", snapshot.toString(), "--config", config("").toString(), "--warn-only", RULE);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("WARN   CRITICAL " + RULE + ": Secrets Manager secret prod/payments/db has no replica"), r.out());
        assertTrue(r.out().contains("(warn-only; would have blocked)"), r.out());
        assertTrue(r.out().matches("(?s).*DISABLED \\d+ rules, not evaluated \\(disabledRules in " + java.util.regex.Pattern.quote(tmp.resolve("c.yaml").toString()) + "\\).*"), r.out());
        assertTrue(r.out().contains("NOTE READY depends on this: 1 blocking finding is warn-only;"), r.out());
    }

    @Test
    void disabledAndWarnOnlyRulesAreShownInEveryReport() throws IOException {
        Path c = config("""
                    gate:
                      warnOnly: [%s]
                """.formatted(RULE));
        Path out = tmp.resolve("all");
        var e = CliTestSupport.run("evaluate", "--snapshot", snapshot.toString(), "--config", c.toString(), "--out", out.toString(), "--format", "all");
        assertEquals(0, e.exit(), e.all());
        String json = Files.readString(out.resolve("report.json"));
        assertTrue(json.contains("\"warnOnlyWouldBlock\" : 1"), json);
        assertTrue(json.contains("\"disabledRules\" : [{\"rule\":\"ACCOUNT_RECOVERY_REGION_ENABLED\",\"source\":\"" + c + ":3\"}"),
                "each disabled rule with where: " + json);
        String md = Files.readString(out.resolve("summary.md"));
        assertTrue(md.contains("relaxed by policy: warn-only, 1 finding would have blocked (`" + RULE + "`)"), md);
        assertTrue(md.contains("disabled, not evaluated: `ACCOUNT_RECOVERY_REGION_ENABLED`"), md);
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Warn-only: " + RULE + ", 1 finding would have blocked."), "html");
        assertTrue(html.contains("Disabled: ACCOUNT_RECOVERY_REGION_ENABLED, not evaluated (disabledRules in "), "html");
        // and the gate reading that report says the same as the one that evaluated it
        var g = CliTestSupport.run("gate", "--report", out.resolve("report.json").toString());
        assertEquals(0, g.exit(), g.all());
        assertTrue(g.out().contains("WARN   CRITICAL " + RULE) && g.out().contains("DISABLED "), g.out());
    }

    static int lineOf(String text, String fragment) {
        int at = text.indexOf(fragment);
        return (int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    }
}
