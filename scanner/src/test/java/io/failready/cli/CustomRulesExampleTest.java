package io.failready.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * examples/custom-rules is a user rule folder shaped like the bundled ones (DRL, decision class, doc,
 * fixtures); users run it with `failready rules test`, and so does the build. User directories are
 * compiled at load time, decision classes included, beside the precompiled catalog.
 */
class CustomRulesExampleTest {
    static final Path EXAMPLE = Path.of("..", "examples", "custom-rules");
    static final Path RULE = EXAMPLE.resolve("operations/LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION");

    @Test
    void exampleFolderPassesItsFixturesThroughTheCli() {
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", EXAMPLE.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("5 passed, 0 failed"), r.all());
        for (String outcome : new String[]{"compliant-", "non_compliant-", "not_applicable-", "insufficient_data-"}) {
            assertTrue(r.out().contains("PASS " + EXAMPLE + "/operations/LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION/fixtures/" + outcome), outcome + "\n" + r.all());
        }
    }

    @Test
    void exampleHasTheShapeOfABundledRule() {
        for (String f : new String[]{"LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION.drl", "LambdaRuntimeSameInRecoveryRegion.java",
                "LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION.md"}) {
            assertTrue(Files.isRegularFile(RULE.resolve(f)), f);
        }
    }

    @Test
    void exampleRuleJudgesTheDemoEstate(@TempDir Path out) throws IOException {
        CliTestSupport.Result r = CliTestSupport.run("scan", "--demo", "--rules", EXAMPLE.toString(), "--out", out.toString(), "--format", "json");
        assertEquals(3, r.exit(), r.all());
        assertTrue(Files.readString(out.resolve("report.json")).contains("\"ruleId\" : \"LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION\"")
                || Files.readString(out.resolve("report.json")).contains("\"ruleId\":\"LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION\""), r.all());
    }

    @Test
    void aDecisionClassThatDoesNotCompileIsAnInputErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path rule = copyExample(dir);
        Path java = rule.resolve("LambdaRuntimeSameInRecoveryRegion.java");
        Files.writeString(java, Files.readString(java).replace("return Verdict.compliant(who", "return Verdict.compliant(whom"));
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(java + ":37"), r.all());
        assertTrue(r.err().contains("decision class does not compile") && r.err().contains("whom"), r.all());
    }

    @Test
    void aRuleFileThatDoesNotCompileIsAnInputErrorNamingTheUsersFile(@TempDir Path dir) throws IOException {
        Path rule = copyExample(dir);
        Path drl = rule.resolve("LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION.drl");
        Files.writeString(drl, Files.readString(drl).replace("inScope, awsRegion == $p.primary )", "inScope, awsRegion == $p.primary, noSuchField == 1 )"));
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(drl.toString()) && r.err().contains("noSuchField"), r.all());
    }

    @Test
    void aMissingDecisionClassIsAnInputErrorNamingTheRuleFile(@TempDir Path dir) throws IOException {
        Path rule = copyExample(dir);
        Files.delete(rule.resolve("LambdaRuntimeSameInRecoveryRegion.java"));
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(rule.resolve("LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION.drl").toString())
                && r.err().contains("com.example.rules.operations.LambdaRuntimeSameInRecoveryRegion"), r.all());
        assertFalse(r.err().contains("src/main/java"), "names generated code instead of the user's file: " + r.all());
    }

    @Test
    void anUnsafeDecisionClassIsRefusedBeforeItIsCompiled(@TempDir Path dir) throws IOException {
        Path rule = copyExample(dir);
        Path java = rule.resolve("LambdaRuntimeSameInRecoveryRegion.java");
        Files.writeString(java, Files.readString(java).replace("String who = Labels.of(fn);", "String who = Labels.of(fn); System.exit(0);"));
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(java + ":18") && r.err().contains("decision class uses \"System.exit\""), r.all());
    }

    @Test
    void aDecisionClassMayNotTakeTheNameOfAFailreadyClass(@TempDir Path dir) throws IOException {
        Path rule = copyExample(dir);
        Path java = rule.resolve("LambdaRuntimeSameInRecoveryRegion.java");
        Path judge = rule.resolve("Verdict.java");
        Files.writeString(judge, "package io.failready.rules.api;\npublic final class Verdict {}\n");
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains(judge.toString()) && r.err().contains("io.failready.rules.api.Verdict"), r.all());
        assertTrue(Files.exists(java));
    }

    @Test
    void aUserPackageNamedLikeABundledOneStillRunsItsOwnRules(@TempDir Path dir) throws IOException {
        // the generated model classes are named from the package: the user's must not resolve to the jar's
        Path rule = copyExample(dir);
        Path drl = rule.resolve("LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION.drl");
        Files.writeString(drl, Files.readString(drl).replace("package com.example.rules.operations;", "package rules.operations;"));
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.out().contains("5 passed, 0 failed"), r.all());
    }

    @Test
    void unitTestsBesideTheRuleAreNotCompiledIntoTheRules(@TempDir Path dir) throws IOException {
        Path rule = copyExample(dir);
        Files.writeString(rule.resolve("LambdaRuntimeSameInRecoveryRegionTest.java"),
                "package com.example.rules.operations;\nimport org.junit.jupiter.api.Test;\nclass LambdaRuntimeSameInRecoveryRegionTest { @Test void t() {} }\n");
        CliTestSupport.Result r = CliTestSupport.run("rules", "test", dir.toString());
        assertEquals(0, r.exit(), r.all());
    }

    private static Path copyExample(Path dir) throws IOException {
        Path target = dir.resolve("LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION");
        try (Stream<Path> s = Files.walk(RULE)) {
            for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                Path t = target.resolve(RULE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
        assertFalse(Files.notExists(target));
        return target;
    }
}
