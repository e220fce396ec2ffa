package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Rule directories are code. Each hostile rule runs in a real child process (the CLI's own main,
 * on this build's class path), because what is tested is how the process ends: never with 0, 3
 * or 4, always naming the rule, never with a report.
 */
class RuleSandboxProcessTest {
    @TempDir Path tmp;

    record Proc(int exit, String err) {}

    Path rule(String id, String body) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("rules/" + id));
        Files.writeString(dir.resolve(id + ".drl"), RuleBudgetTest.HEADER + body.replace("@META", RuleBudgetTest.META.formatted(id)));
        return tmp.resolve("rules");
    }

    Proc run(List<String> jvm, String command, Path rules, String... extra) throws Exception {
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
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.failready.cli.FailReady", command,
                "--snapshot", snap.toString(), "--config", cfg.toString(), "--rules", rules.toString(),
                "--out", tmp.resolve("out").toString(), "--format", "json"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        Process p = pb.start();
        // a safety net so a guard that fails cannot hang the build; not a timing assertion
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail("the child process did not end: " + Files.readString(tmp.resolve("err.txt")));
        }
        return new Proc(p.exitValue(), Files.readString(tmp.resolve("err.txt")));
    }

    void assertFailedNaming(Proc p, String rule) {
        assertTrue(p.exit() == 1 || p.exit() == 2, "exit " + p.exit() + ": " + p.err());
        assertTrue(p.err().contains(rule), p.err());
        assertFalse(Files.exists(tmp.resolve("out/report.json")), "no report from a run a rule broke");
    }

    @Test
    void aBusyLoopInsideOneConsequenceIsStoppedByTheTimeBudget() throws Exception {
        Path rules = rule("SPINNING_RULE", """
                rule "SPINNING_RULE"
                @META
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    long n = 0;
                    while ($r != null) { n++; }
                end
                """);
        Proc p = run(List.of(), "gate", rules, "--rule-timeout", "2s");
        assertEquals(2, p.exit(), p.err());
        assertFailedNaming(p, "SPINNING_RULE");
        assertTrue(p.err().contains("did not return"), p.err());
    }

    @Test
    void aLoopInAConditionIsStoppedToo() throws Exception {
        Path rules = rule("SPINNING_CONDITION", """
                function boolean spin(Object o) { while (o != null) { o.hashCode(); } return false; }
                rule "SPINNING_CONDITION"
                @META
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                    eval( spin($r) )
                then
                end
                """);
        Proc p = run(List.of(), "evaluate", rules, "--rule-timeout", "2s");
        assertEquals(2, p.exit(), p.err());
        assertTrue(p.err().contains("did not return") && p.err().contains("SPINNING_CONDITION"), p.err());
        assertFalse(Files.exists(tmp.resolve("out/report.json")));
    }

    @Test
    void systemExitFromARuleCannotPassTheGate() throws Exception {
        Path rules = rule("EXITING_RULE", """
                rule "EXITING_RULE"
                @META
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    io.failready.cli.HostileRuleHelpers.exit(0);
                end
                """);
        Proc p = run(List.of(), "gate", rules);
        assertEquals(2, p.exit(), p.err());
        assertFailedNaming(p, "EXITING_RULE");
        assertTrue(p.err().contains("System.exit"), p.err());
    }

    @Test
    void anExitFromAThreadARuleLeftBehindIsNotSuccess() throws Exception {
        Path rules = rule("LATE_EXIT_RULE", """
                rule "LATE_EXIT_RULE"
                @META
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    io.failready.cli.HostileRuleHelpers.exitLater(0);
                end
                """);
        // the rule returns at once and its thread ends the process long before failready has decided
        Proc p = run(List.of(), "gate", rules);
        assertTrue(p.exit() == 1 || p.exit() == 2, "exit " + p.exit() + ": " + p.err());
        assertTrue(p.err().contains("rule"), p.err());
    }

    @Test
    void aRuleThatExhaustsTheHeapFailsNamingIt() throws Exception {
        Path rules = rule("HUNGRY_RULE", """
                rule "HUNGRY_RULE"
                @META
                when
                    $r : Resource( resourceType == "AWS::S3::Bucket" )
                then
                    java.util.List l = new java.util.ArrayList();
                    while ($r != null) { l.add(new long[1 << 20]); }
                end
                """);
        Proc p = run(List.of("-Xmx192m"), "gate", rules);
        assertEquals(2, p.exit(), p.err());
        assertFailedNaming(p, "HUNGRY_RULE");
        assertTrue(p.err().contains("out of memory"), p.err());
    }
}
