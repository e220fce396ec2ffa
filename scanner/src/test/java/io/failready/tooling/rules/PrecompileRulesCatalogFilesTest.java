package io.failready.tooling.rules;

import io.failready.model.Severity;
import io.failready.rules.RuleIndex;
import io.failready.rules.RuleSet;
import io.failready.rules.RuleSources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gate judges a saved report's severities by the index the build puts in the bundle. A build
 * through the launcher runs no tests, so an index copied from the repository could lag an edited
 * {@code @severity}: a finding raised to CRITICAL would then not block the gate. The build writes
 * the index from the DRL it compiles instead.
 */
class PrecompileRulesCatalogFilesTest {
    @TempDir Path classes;

    @Test
    void theIndexTheGateReadsIsWrittenFromTheDrlBeingBuilt() throws Exception {
        String id = "CLOUDWATCH_ALARMS_PRESENT_IN_RECOVERY_REGION";
        List<RuleSet.DrlSource> edited = new ArrayList<>();
        boolean found = false;
        for (RuleSet.DrlSource s : RuleSources.scanBundled(RuleSources.bundledRoot())) {
            if (s.displayName().contains(id)) {
                assertTrue(s.text().contains("@severity(\"MEDIUM\")"), s.text());
                s = new RuleSet.DrlSource(s.path(), s.displayName(), s.packageName(), s.text().replace("@severity(\"MEDIUM\")", "@severity(\"CRITICAL\")"), true);
                found = true;
            }
            edited.add(s);
        }
        assertTrue(found, id);

        PrecompileRules.writeCatalogFiles(classes, edited);

        RuleIndex index;
        try (InputStream in = Files.newInputStream(classes.resolve(RuleIndex.resource().substring(1)))) {
            index = RuleIndex.parse(in);
        }
        assertEquals(Severity.CRITICAL, index.get(id).severity());
        assertEquals(50, index.ids().size(), index.ids().toString());
    }
}
