package io.failready.report;

import io.failready.model.Report;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Not timed (CI machines vary): renders 50k evaluations and checks nothing was cut; prints the time. */
class LargeReportTest {
    @TempDir Path tmp;

    @Test
    void rendersFiftyThousandEvaluationsCompletely() throws Exception {
        Report r = TestReports.large(50_000);
        long n = r.summary().evaluations();
        assertTrue(n >= 50_000, "built " + n);
        // warm up class loading and template parsing so the printed time is the rendering
        ReportWriters.write(TestReports.small(), null, tmp.resolve("warm"), EnumSet.allOf(ReportFormat.class), TestReports.DOCS);

        long t0 = System.nanoTime();
        ReportWriters.write(r, null, tmp, EnumSet.of(ReportFormat.HTML, ReportFormat.JSON), TestReports.DOCS);
        long htmlJson = (System.nanoTime() - t0) / 1_000_000;
        long t1 = System.nanoTime();
        ReportWriters.write(r, null, tmp, EnumSet.of(ReportFormat.JUNIT, ReportFormat.MD, ReportFormat.CSV), TestReports.DOCS);
        long others = (System.nanoTime() - t1) / 1_000_000;
        System.out.printf("[LargeReportTest] %d evaluations: HTML+JSON %d ms (html %.1f MB, json %.1f MB); JUnit+MD+CSV %d ms%n",
                n, htmlJson, Files.size(tmp.resolve("report.html")) / 1e6, Files.size(tmp.resolve("report.json")) / 1e6, others);

        String html = Files.readString(tmp.resolve("report.html"));
        assertTrue(html.endsWith("</html>\n"), "HTML is complete");
        JsonNode island = Json.MAPPER.readTree(HtmlEscapingTest.island(html));
        assertEquals(n, island.get("rows").size(), "every evaluation is in the data island");
        JsonNode json = Json.MAPPER.readTree(tmp.resolve("report.json").toFile());
        long inJson = 0;
        for (JsonNode w : json.get("workloads")) inJson += w.get("evaluations").size();
        assertEquals(n, inJson);
        assertEquals(n + 1, Files.readAllLines(tmp.resolve("evaluations.csv")).size());
    }
}
