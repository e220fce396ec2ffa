package io.failready.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/checklist.md is the generated checklist, and stays so. */
class ChecklistDocTest {
    static final Path DOC = Path.of("../docs/checklist.md");

    @Test
    void committedChecklistIsWhatTheCatalogGenerates() throws IOException {
        var r = CliTestSupport.run("rules", "list", "--format", "markdown");
        assertEquals(0, r.exit(), r.all());
        assertEquals(r.out(), Files.readString(DOC), "docs/checklist.md is stale: regenerate it with '" + RulesCommand.CHECKLIST_COMMAND + "'");
    }

    @Test
    void checklistNamesEveryRuleWithItsSectionSeverityAndTheScoreDefinition() throws IOException {
        String doc = Files.readString(DOC);
        var catalog = RulesCommand.catalog(java.util.List.of());
        for (var m : catalog.rules().values()) {
            int at = doc.indexOf("| `" + m.id() + "` | " + m.severity() + " |");
            assertTrue(at > doc.indexOf("## Section: " + m.section()), m.id() + " missing or outside its section " + m.section());
            m.parameters().forEach((k, v) -> assertTrue(doc.contains("`" + k + "` = " + v), m.id() + " parameter " + k));
        }
        assertTrue(doc.contains("Severity weights: CRITICAL 10, HIGH 5, MEDIUM 2, LOW 1."), doc);
        assertTrue(doc.contains("otherwise UNKNOWN if any blocking rule has INSUFFICIENT_DATA"), doc);
    }

    @Test
    void markdownWithSectionIsRefused() {
        var r = CliTestSupport.run("rules", "list", "--format", "markdown", "--section", "data");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.err().contains("drop --section"), r.err());
    }
}
