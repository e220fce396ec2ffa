package io.failready.cli;

import io.failready.schema.SchemaCheck;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The schema-check switch as a user meets it: same gate answer either way, a typo refused before anything is written. */
class SchemaCheckSwitchTest {
    @TempDir Path tmp;

    @AfterEach
    void clear() { System.clearProperty(SchemaCheck.PROPERTY); }

    private Path demoReport() {
        Path out = tmp.resolve("scan");
        CliTestSupport.Result scan = CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "json");
        assertTrue(Files.isRegularFile(out.resolve("report.json")), scan.all());
        return out.resolve("report.json");
    }

    @Test
    void theGateAnswersTheSameWithTheReferenceValidator() {
        Path report = demoReport();
        CliTestSupport.Result fast = CliTestSupport.run("gate", "--report", report.toString());
        System.setProperty(SchemaCheck.PROPERTY, "reference");
        CliTestSupport.Result reference = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(fast.exit(), reference.exit(), fast.all() + "\n---\n" + reference.all());
        assertEquals(fast.out(), reference.out());
    }

    @Test
    void anUnknownValueIsAUsageErrorAndNothingIsWritten() throws Exception {
        Path report = demoReport();
        System.setProperty(SchemaCheck.PROPERTY, "refrence");
        CliTestSupport.Result gate = CliTestSupport.run("gate", "--report", report.toString());
        assertEquals(2, gate.exit(), gate.all());
        assertTrue(gate.err().contains(SchemaCheck.PROPERTY) && gate.err().contains("'refrence'") && gate.err().contains("'reference'"),
                gate.err());

        Path out = tmp.resolve("rendered");
        CliTestSupport.Result render = CliTestSupport.run("report", report.toString(), "--out", out.toString(), "--format", "html,md");
        assertEquals(2, render.exit(), render.all());
        assertFalse(Files.exists(out) && Files.list(out).findAny().isPresent(), "nothing half-written in " + out);
    }
}
