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
        assertTrue(md.contains("| orders | us-east-1 → eu-west-1 | ❌ NOT\\_READY |"), md);
        assertTrue(md.contains("### Blocking findings ("), md);
        assertTrue(md.contains("### Collection gaps (2)"), md);
        assertFalse(md.contains("<script>"), "HTML must be escaped: GitHub renders inline HTML");
        assertEquals("&lt;script&gt;alert\\(1\\)&lt;/script&gt;", MarkdownSummaryWriter.esc(TestReports.XSS_SCRIPT));
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
    void pipesAndNewlinesCannotBreakATable() {
        assertEquals("a \\| b c", MarkdownSummaryWriter.cell("a | b\nc"));
    }
}
