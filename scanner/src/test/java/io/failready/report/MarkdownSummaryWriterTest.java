package io.failready.report;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownSummaryWriterTest {
    @Test
    void verdictScoresAndBlockingFindings() {
        String md = MarkdownSummaryWriter.render(TestReports.small(), null);
        assertTrue(md.startsWith("## ❌ failready: NOT_READY — score "), md);
        assertTrue(md.contains("| orders | team-orders@\u200bexample.com | us-east-1 → eu-west-1 | ❌ NOT\\_READY |"), "workload, owner, regions, verdict: " + md);
        assertTrue(md.contains("### Blocking findings ("), md);
        assertTrue(md.contains("### Collection gaps (2)"), md);
        assertFalse(md.contains("<script>"), "HTML must be escaped: GitHub renders inline HTML");
        assertEquals("\\<script\\>alert\\(1\\)\\</script\\>", MarkdownSummaryWriter.esc(TestReports.XSS_SCRIPT));
        assertTrue(md.contains("| Workload | Severity | Rule |"), "several workloads: findings name theirs");
    }

    @Test
    void capsFindingsAndStaysUnder64KiBAtScale() {
        String md = MarkdownSummaryWriter.render(TestReports.large(50_000), TestReports.large(20_000));
        assertTrue(md.getBytes(StandardCharsets.UTF_8).length < 64 * 1024, "too big: " + md.length());
        assertTrue(md.matches("(?s).*_…and \\d+ more; see report.html or evaluations.csv._.*"), "and N more");
        assertTrue(md.contains("### Since the previous report"));
        long tableRows = md.lines().filter(l -> l.matches("\\| \\w+ \\| (CRITICAL|HIGH) \\|.*")).count();
        assertEquals(MarkdownSummaryWriter.TOP_FINDINGS, tableRows);
    }

    @Test
    void hardCapCutsAtALine() {
        String big = "line\n".repeat(30_000);
        String capped = MarkdownSummaryWriter.capped(big);
        assertTrue(capped.getBytes(StandardCharsets.UTF_8).length <= MarkdownSummaryWriter.MAX_BYTES);
        assertTrue(capped.endsWith("_…summary truncated to fit; see report.html._\n"));
    }

    @Test
    void mentionsAndAutolinksFromAwsDataAreNeutralised() {
        String z = "\u200b";
        assertEquals("ping @" + z + "security-team and @" + z + "octocat", MarkdownSummaryWriter.esc("ping @security-team and @octocat"));
        assertEquals("see https" + z + "://evil.example/x and www" + z + ".evil.example", MarkdownSummaryWriter.esc(
                "see https://evil.example/x and www.evil.example"));
        assertEquals("HTTP" + z + "://a mailto" + z + ":a@" + z + "b.example", MarkdownSummaryWriter.esc("HTTP://a mailto:a@b.example"));
        assertEquals("\\<https" + z + "://evil.example\\>", MarkdownSummaryWriter.esc("<https://evil.example>"));
        assertEquals("\\$x\\$ \\&amp; \\*b\\*", MarkdownSummaryWriter.esc("$x$ &amp; *b*"));
        // ARNs and plain names are untouched apart from Markdown punctuation
        assertEquals("arn:aws:s3:::orders-eu", MarkdownSummaryWriter.esc("arn:aws:s3:::orders-eu"));
    }

    @Test
    void bidiOverridesAndC1ControlsDoNotReachTheMarkdown() {
        // a resource named "invoice\u202etxt.exe" reads as "invoiceexe.txt" in a PR comment
        String t = MarkdownSummaryWriter.esc("invoice\u202etxt.exe\u202c \u2066x\u2069 \u200fy \u009b2J \u2028z");
        for (char c : new char[]{'\u202e', '\u202c', '\u2066', '\u2069', '\u200f', '\u009b', '\u2028'}) {
            assertEquals(-1, t.indexOf(c), "U+" + Integer.toHexString(c) + " in " + t);
        }
        assertEquals("invoice\uFFFDtxt.exe\uFFFD", t.substring(0, t.indexOf(' ')));
    }

    @Test
    void pipesAndNewlinesCannotBreakATable() {
        assertEquals("a \\| b c", MarkdownSummaryWriter.cell("a | b\nc"));
    }
}
