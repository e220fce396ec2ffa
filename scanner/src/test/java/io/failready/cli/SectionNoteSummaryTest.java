package io.failready.cli;

import io.failready.report.SectionNotesTest;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal summary names a section that judged nothing, with what to configure. */
class SectionNoteSummaryTest {
    @Test
    void theSummaryPrintsTheNoteOfASectionThatJudgedNothing() {
        StringWriter out = new StringWriter();
        try (PrintWriter pw = new PrintWriter(out)) {
            Reports.summary(SectionNotesTest.report(), pw);
        }
        String text = out.toString();
        assertTrue(text.contains("  traffic: nothing judged. all 1 evaluations are NOT_APPLICABLE for workload first-look"), text);
        assertTrue(text.contains("  capacity: nothing judged. no rule of this section produced an evaluation"), text);
        assertTrue(!text.contains("  data: nothing judged"), text);
    }
}
