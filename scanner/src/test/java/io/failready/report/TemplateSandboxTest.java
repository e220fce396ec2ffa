package io.failready.report;

import io.failready.cli.ReportCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A --template directory is code a user loads: it may render, never run commands or reach Java classes. */
class TemplateSandboxTest {
    @TempDir Path tmp;
    Path json;
    final StringWriter out = new StringWriter(), err = new StringWriter();

    @BeforeEach
    void report() throws Exception {
        ReportWriters.write(TestReports.build(1, true, 0), null, tmp.resolve("in"), EnumSet.of(ReportFormat.JSON), id -> null);
        json = tmp.resolve("in/report.json");
    }

    int render(String reportFtlh) throws Exception {
        Path t = Files.createDirectories(tmp.resolve("tpl"));
        Files.writeString(t.resolve("report.ftlh"), reportFtlh);
        CommandLine cl = new CommandLine(new ReportCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(json.toString(), "--format", "html", "--out", tmp.resolve("o").toString(), "--template", t.toString());
    }

    void assertRefused(int code, Path marker) {
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains(tmp.resolve("tpl/report.ftlh") + ":"), "names the template file and line: " + err);
        assertFalse(err.toString().contains("internal error"), err.toString());
        if (marker != null) assertFalse(Files.exists(marker), "the template ran a command");
        assertFalse(Files.exists(tmp.resolve("o/report.html")), "no report from a refused template");
    }

    @Test
    void executeViaNewIsRefusedAndRunsNothing() throws Exception {
        Path marker = tmp.resolve("pwned");
        int code = render("<#assign ex = \"freemarker.template.utility.Execute\"?new()>\n${ex(\"touch " + marker + "\")}");
        assertRefused(code, marker);
        assertTrue(err.toString().contains("Execute is not allowed"), err.toString());
    }

    @Test
    void objectConstructorViaNewIsRefused() throws Exception {
        Path marker = tmp.resolve("pwned2");
        int code = render("<#assign oc = \"freemarker.template.utility.ObjectConstructor\"?new()>\n"
                + "${oc(\"java.lang.ProcessBuilder\", [\"touch\", \"" + marker + "\"]).start()}");
        assertRefused(code, marker);
    }

    @Test
    void apiBuiltinAndClassAccessAreRefused() throws Exception {
        assertRefused(render("<#assign x = model?api>\n${x}"), null);
    }

    @Test
    void aTemplateErrorInAUserTemplateIsAnInputErrorNamingIt() throws Exception {
        assertRefused(render("\n${model.noSuchThing.either}"), null);
        assertTrue(err.toString().contains("report.ftlh:2:"), err.toString());
    }

    /** A template that never finishes is stopped by a time budget, named, and leaves no file behind. */
    @Test
    void aLoopingTemplateIsStoppedByItsTimeBudget() throws Exception {
        for (String loop : new String[]{"<#list 1..999999999 as i>x</#list>", "<#list 1..999999999 as i><#assign j = i></#list>"}) {
            System.setProperty(HtmlReportWriter.BUDGET_PROPERTY, "1500");
            try {
                int code = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(60), () -> render("\n" + loop));
                assertRefused(code, null);
                assertTrue(err.toString().contains("did not finish within"), err.toString());
                try (var left = Files.list(tmp.resolve("o"))) {
                    assertTrue(left.allMatch(f -> f.getFileName().toString().equals(io.failready.util.OutputSet.LOCK_FILE)),
                            "nothing half-written is left in --out");
                }
            } finally {
                System.clearProperty(HtmlReportWriter.BUDGET_PROPERTY);
                err.getBuffer().setLength(0);
            }
        }
    }
}
