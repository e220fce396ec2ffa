package io.failready.report;

import io.failready.model.Report;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every output that says "as of" names when the inventory was collected, and separately when the
 * report was written: a report written today from an old snapshot must not look fresh.
 */
class InventoryTimesTest {
    static final String OLD_INVENTORY = "2026-02-10T06:00:00Z";
    static final String NEW_INVENTORY = "2026-03-28T06:00:00Z";

    /** The test report, re-stamped as if evaluated from a snapshot collected at {@code inventory}. */
    static Report collectedAt(Report r, String inventory) {
        Report.Sources s = r.sources();
        return new Report(r.schemaVersion(), r.tool(), r.generatedAt(), r.asOf(),
                new Report.Sources(new Report.Source("snapshot.json.gz", "a".repeat(64), inventory), s.config(), s.rules(),
                        new TreeMap<>(Map.of("finishedAt", inventory))),
                r.rules(), r.workloads(), r.collectionGaps(), r.summary());
    }

    @Test
    void inventoryTimeComesFromTheSnapshotThenTheCollectionWindow() {
        Report r = collectedAt(TestReports.small(), OLD_INVENTORY);
        assertEquals(OLD_INVENTORY, r.inventoryAt());
        Report windowOnly = new Report(r.schemaVersion(), r.tool(), r.generatedAt(), r.asOf(),
                new Report.Sources(null, null, null, Map.of("finishedAt", NEW_INVENTORY)), r.rules(), r.workloads(), r.collectionGaps(), r.summary());
        assertEquals(NEW_INVENTORY, windowOnly.inventoryAt());
        assertFalse(Json().contains("inventoryAt"), "a derived value, not a new field of the JSON contract");
    }

    private static String Json() {
        try {
            return io.failready.util.Json.MAPPER.writeValueAsString(collectedAt(TestReports.small(), OLD_INVENTORY));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void markdownSummaryNamesInventoryAndWrittenTimesApart() {
        Report now = collectedAt(TestReports.build(2, false, 1), NEW_INVENTORY);
        Report previous = collectedAt(TestReports.build(2, false, 0), OLD_INVENTORY);
        String md = MarkdownSummaryWriter.render(now, previous);
        assertTrue(md.contains("Inventory collected " + NEW_INVENTORY + "; report written " + now.generatedAt()), md);
        assertFalse(md.contains("from inventory as of"), md);
        if (md.contains(" since ")) assertTrue(md.contains("since the inventory of " + OLD_INVENTORY), md);
    }

    @Test
    void htmlScorecardAndChangesNameInventoryAndWrittenTimesApart() {
        Report now = collectedAt(TestReports.build(2, false, 1), NEW_INVENTORY);
        Report previous = collectedAt(TestReports.build(2, false, 0), OLD_INVENTORY);
        String html = HtmlReportWriter.render(now, previous, TestReports.DOCS);
        assertTrue(html.contains("Inventory collected <time class=\"inventory-at\">" + NEW_INVENTORY + "</time>"), "scorecard inventory time");
        assertTrue(html.contains("Report written <time class=\"generated-at\">" + now.generatedAt() + "</time>"), "scorecard written time");
        assertTrue(html.contains("<time class=\"previous-inventory-at\">" + OLD_INVENTORY + "</time>"), "previous report's inventory");
        assertFalse(html.contains("Inventory as of"), "the evaluation clock is not labelled as the inventory time");
    }

    @Test
    void diffHeadersCompareInventoriesAndSayWhenTheReportsWereWritten() {
        Report now = collectedAt(TestReports.build(2, false, 1), NEW_INVENTORY);
        Report previous = collectedAt(TestReports.build(2, false, 0), OLD_INVENTORY);
        ReportDiff d = ReportDiff.of(previous, now);
        String head = "inventory collected " + OLD_INVENTORY + " -> " + NEW_INVENTORY + " (reports written "
                + previous.generatedAt() + " -> " + now.generatedAt() + ")";
        assertTrue(DiffWriter.text(d).startsWith("failready diff: " + head + "\n"), DiffWriter.text(d));
        String md = DiffWriter.markdown(d);
        assertTrue(md.contains("inventory collected " + OLD_INVENTORY + " → " + NEW_INVENTORY)
                && md.contains("reports written " + previous.generatedAt() + " → " + now.generatedAt()), md);
        assertTrue(DiffWriter.json(d).contains("\"inventoryAt\" : \"" + OLD_INVENTORY + "\""), DiffWriter.json(d));
    }
}
