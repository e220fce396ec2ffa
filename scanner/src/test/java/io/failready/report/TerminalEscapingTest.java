package io.failready.report;

import io.failready.model.Report;

import io.failready.cli.DiffCommand;
import io.failready.cli.GateCommand;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import io.failready.util.Terminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What reaches a terminal carries no control, escape or bidi character from AWS data. */
class TerminalEscapingTest {
    /** Clears the screen, retitles the terminal, rewrites the line, forges a line, reverses text. */
    static final String HOSTILE = "db\u001b[2J\u001b]0;pwned\u0007\rREADY\n  GO\u202eevil\u2066x\u2069\u0085";

    @TempDir Path tmp;

    @Test
    void escapesControlsAnsiNewlinesAndBidiVisibly() {
        assertEquals("db\\x1b[2J\\x1b]0;pwned\\x07\\rREADY\\n  GO\\u202eevil\\u2066x\\u2069\\x85", Terminal.safe(HOSTILE));
        assertEquals("plain text é 日本", Terminal.safe("plain text é 日本"));
        assertEquals("a\nb\\x1b", Terminal.safeLines("a\nb\u001b"));
    }

    static Report hostileReport(String at, ComplianceType t) {
        Evaluation e = new Evaluation("S3_BUCKET_REPLICATED_TO_RECOVERY_REGION", "data", Severity.CRITICAL, t, "AWS::S3::Bucket",
                "arn:aws:s3:::" + HOSTILE, HOSTILE, "111122223333", "us-east-1", "eu-west-1", null, "Bucket " + HOSTILE + " has no replica.", null);
        return ReportDiffTest.report(at, 50.0, List.of(e));
    }

    static void assertClean(String s) {
        for (char c : s.toCharArray()) {
            assertFalse(c == '\u001b' || c == '\r' || c == '\u0007' || c == '\u0085' || (c >= '\u202a' && c <= '\u202e')
                    || (c >= '\u2066' && c <= '\u2069'), () -> "raw U+" + Integer.toHexString(c) + " in:\n" + s);
        }
        assertFalse(s.contains("\n  GO"), "no forged line:\n" + s);
    }

    String run(Object command, int expectExit, String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        assertEquals(expectExit, code, err.toString());
        return out + err.toString();
    }

    @Test
    void diffTextIsEscaped() throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        ReportWriters.write(hostileReport("2026-03-01T00:00:00Z", ComplianceType.COMPLIANT), null, a, EnumSet.of(ReportFormat.JSON), id -> null);
        ReportWriters.write(hostileReport("2026-04-01T00:00:00Z", ComplianceType.NON_COMPLIANT), null, b, EnumSet.of(ReportFormat.JSON), id -> null);
        String text = run(new DiffCommand(), 0, a.resolve("report.json").toString(), b.resolve("report.json").toString());
        assertTrue(text.contains("\\x1b[2J"), text);
        assertClean(text);
    }

    @Test
    void gateReasonsAreEscaped() throws Exception {
        ReportWriters.write(hostileReport("2026-04-01T00:00:00Z", ComplianceType.NON_COMPLIANT), null, tmp, EnumSet.of(ReportFormat.JSON), id -> null);
        String text = run(new GateCommand(), 3, "--report", tmp.resolve("report.json").toString());
        assertTrue(text.contains("BLOCK") && text.contains("\\u202eevil"), text);
        assertClean(text);
    }
}
