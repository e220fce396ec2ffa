package io.failready.rules;

import io.failready.util.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The load-time check on user DRL: obvious ways out of a rule are refused naming file and line. */
class UnsafeDrlTest {
    static final String HEAD = "package rules.custom;\nrule \"X\"\n@title(\"Thread and Runtime are fine in a title\")\nwhen\nthen\n";

    @ParameterizedTest
    @ValueSource(strings = {
            "System.exit(0);", "System . exit(0);", "Runtime.getRuntime().halt(0);", "new ProcessBuilder(\"sh\").start();",
            "new Thread(() -> {}).start();", "Class.forName(\"java.lang.Runtime\");", "$r.getClass().getClassLoader();",
            "java.lang.reflect.Method m = null;", "java.nio.file.Files.delete(null);", "Sys\\u0074em.exit(0);",
            "System.getenv(\"AWS_SECRET_ACCESS_KEY\");", "java.util.concurrent.Executors.newSingleThreadExecutor();",
            "String.class.getClassLoader();", "org.mvel2.MVEL.eval(\"1\");", "new org.kie.internal.utils.KieHelper();",
            "new freemarker.template.utility.Execute();"})
    void unsafeConsequencesAreRefusedNamingFileAndLine(String code) {
        InputException e = assertThrows(InputException.class, () -> UnsafeDrl.check(HEAD + "    " + code + "\nend\n", "my-rules/x.drl"));
        assertEquals("my-rules/x.drl", e.getFile());
        assertEquals(6, e.getLine(), e.describe());
        assertTrue(e.describe().contains("rule directories may not"), e.describe());
    }

    static final String CLASS = "package com.example.rules;\nimport io.failready.rules.api.Verdict;\n\npublic final class D {\n";

    @ParameterizedTest
    @ValueSource(strings = {
            "static { System.exit(0); }", "public static Verdict decide() { new Thread(() -> {}).start(); return null; }",
            "@Override protected void finalize() { }", "static final java.lang.ref.Cleaner C = null;",
            "static final Object C = Cleaner.create();", "static native void escape();",
            "static Object f() throws Exception { return java.nio.file.Files.readString(null); }",
            "static Object f() throws Exception { return D.class.getDeclaredMethods(); }"})
    void unsafeDecisionClassesAreRefusedNamingFileAndLine(String code) {
        InputException e = assertThrows(InputException.class, () -> UnsafeDrl.checkJava(CLASS + "    " + code + "\n}\n", "my-rules/D.java"));
        assertEquals("my-rules/D.java", e.getFile());
        assertEquals(5, e.getLine(), e.describe());
        assertTrue(e.describe().contains("decision class uses") && e.describe().contains("rule directories may not"), e.describe());
    }

    @Test
    void theExampleDecisionClassPassesTheCheck() throws java.io.IOException {
        java.nio.file.Path ex = java.nio.file.Path.of("..", "examples", "custom-rules", "operations", "LAMBDA_RUNTIME_SAME_IN_RECOVERY_REGION",
                "LambdaRuntimeSameInRecoveryRegion.java");
        UnsafeDrl.checkJava(java.nio.file.Files.readString(ex), ex.toString());
    }

    @Test
    void wordsInStringsAndCommentsAreNotCode() {
        UnsafeDrl.check(HEAD + "    // System.exit is not called here\n    String s = \"Runtime \\\" Thread\";\n    /* Process\n */\nend\n", "x.drl");
    }

    @Test
    void everyBundledRuleFilePassesTheCheck() {
        List<RuleSet.DrlSource> bundled = RuleSources.scan(RuleSources.bundledRoot(), true);
        assertTrue(bundled.size() > 20, "bundled rules found");
        for (RuleSet.DrlSource s : bundled) UnsafeDrl.check(s.text(), s.displayName());
    }
}
