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
