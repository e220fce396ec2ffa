package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A user rule that loops, explodes or throws is stopped with a clear error naming the rule. */
class RuleBudgetTest {
    @TempDir Path tmp;

    static final String HEADER = """
            package rules.custom;
            import io.failready.facts.Resource;
            import io.failready.facts.RegionPair;
            import java.util.Map;
            // Scenarios: none (a deliberately broken rule for the budget test)
            """;

    static final String META = """
                @id("%s") @title("Broken on purpose") @section("operations") @severity("LOW") @resourceType("AWS::S3::Bucket")
            """;

    Path rule(String id, String body) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules/" + id));
        Files.writeString(dir.resolve(id + ".drl"), HEADER + "rule \"" + id + "\"\n" + META.formatted(id) + body);
        return tmp.resolve("rules");
    }

    CliTestSupport.Result evaluate(Path rules, String... extra) throws IOException {
        Path snap = tmp.resolve("s.json");
        Files.writeString(snap, """
                {"schemaVersion": "1.0", "resources": [
                  {"resourceType": "AWS::S3::Bucket", "resourceId": "arn:aws:s3:::b", "accountId": "111111111111", "awsRegion": "us-east-1"}],
                 "collectionGaps": []}
                """);
        Path cfg = tmp.resolve("c.yaml");
        Files.writeString(cfg, """
                workloads:
                  - {name: w, accounts: [{id: "111111111111"}], primaryRegion: us-east-1, recoveryRegions: [eu-west-1], strategy: pilot-light}
                """);
        String[] base = {"evaluate", "--snapshot", snap.toString(), "--config", cfg.toString(), "--rules", rules.toString(), "--out", tmp.resolve("out").toString()};
        String[] all = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return CliTestSupport.run(all);
    }

    @Test
    void ruleThatRetriggersItselfIsStoppedByTheFiringBudget() throws IOException {
        Path rules = rule("LOOPING_RULE", """
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    update($r);
                end
                """);
        var r = evaluate(rules, "--max-rule-firings", "20000");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("LOOPING_RULE") && r.err().contains("20000 rule firings"), r.err());
        assertFalse(Files.exists(tmp.resolve("out/report.json")), "no report from a broken evaluation");
    }

    @Test
    void ruleThatInsertsFactsWithoutEndIsStoppedByTheTimeBudget() throws IOException {
        Path rules = rule("EXPLODING_RULE", """
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    for (int i = 0; i < 1000; i++) {
                        insert(new Resource("AWS::S3::Bucket", $r.getResourceId() + "/" + java.util.UUID.randomUUID(), null,
                            "111111111111", "us-east-1", null, null));
                    }
                end
                """);
        var r = evaluate(rules, "--rule-timeout", "2s");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("EXPLODING_RULE"), r.err());
        assertTrue(r.err().contains("stopped after 2 s") || r.err().contains("rule firings"), r.err());
    }

    @Test
    void ruleThatThrowsIsReportedByName() throws IOException {
        Path rules = rule("THROWING_RULE", """
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    Object o = ((Map) null).get("x");
                end
                """);
        var r = evaluate(rules);
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("THROWING_RULE") && r.err().contains("NullPointerException"), r.err());
    }

    @Test
    void overlappingOutcomeRulesAreAnErrorNamingTheRule() throws IOException {
        Path rules = rule("OVERLAPPING_RULE", """
                when
                    $p : RegionPair()
                    $r : Resource( resourceType == "AWS::S3::Bucket", awsRegion == $p.primary )
                then
                    io.failready.rules.api.Judge.judge(kcontext, $p, $r, io.failready.rules.api.Verdict.compliant("fine.", null));
                end
                rule "OVERLAPPING_RULE - non compliant"
                when
                    $p : RegionPair()
                    $r : Resource( resourceType == "AWS::S3::Bucket", awsRegion == $p.primary )
                then
                    io.failready.rules.api.Judge.judge(kcontext, $p, $r, io.failready.rules.api.Verdict.nonCompliant("not fine.", null));
                end
                """);
        var r = evaluate(rules);
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("OVERLAPPING_RULE") && r.err().contains("twice"), r.err());
        assertFalse(Files.exists(tmp.resolve("out/report.json")), "no report from a broken evaluation");
    }

    @Test
    void aRuleFiringAgainWithTheSameJudgementAfterAnUpdateIsOneEvaluation() throws IOException {
        // another rule touches the bucket once; the checking rule re-fires and says the same thing
        Path rules = rule("REPEATING_RULE", """
                when
                    $p : RegionPair()
                    $r : Resource( resourceType == "AWS::S3::Bucket", awsRegion == $p.primary )
                then
                    io.failready.rules.api.Judge.judge(kcontext, $p, $r, io.failready.rules.api.Verdict.nonCompliant("Bucket " + $r.getName() + " is not fine.", null));
                end
                rule "REPEATING_RULE - touch once"
                    salience -1
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                    not String( this == "touched" )
                then
                    insert("touched");
                    update($r);
                end
                """);
        var r = evaluate(rules, "--format", "json");
        assertEquals(3, r.exit(), r.all());
        String json = Files.readString(tmp.resolve("out/report.json"));
        assertEquals(1, json.split("\"ruleId\":\"REPEATING_RULE\"", -1).length - 1, json);
    }

    @Test
    void aRuleFileCallingSystemExitIsRefusedAtLoadNamingFileAndLine() throws IOException {
        Path rules = rule("EXIT_AT_LOAD", """
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    System.exit(0);
                end
                """);
        var r = evaluate(rules);
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(rules.resolve("EXIT_AT_LOAD/EXIT_AT_LOAD.drl") + ":11:5:"), r.err());
        assertTrue(r.err().contains("System.exit"), r.err());
        assertFalse(Files.exists(tmp.resolve("out/report.json")));
    }
}
