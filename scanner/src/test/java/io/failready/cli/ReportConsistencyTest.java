package io.failready.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo (waived findings, non-blocking MEDIUM/LOW findings, account-level and global checks)
 * rendered in every format: the numbers a reader compares agree, JUnit fails on exactly what
 * blocks, and account-level checks are named by account and region.
 */
class ReportConsistencyTest {
    @TempDir static Path out;
    static CliTestSupport.Result result;
    static JsonNode report;
    static String html, md, junit;

    @BeforeAll
    static void scan() throws Exception {
        result = CliTestSupport.run("scan", "--demo", "--out", out.toString(), "--format", "all");
        report = Json.MAPPER.readTree(out.resolve("report.json").toFile());
        html = Files.readString(out.resolve("report.html"));
        md = Files.readString(out.resolve("summary.md"));
        junit = Files.readString(out.resolve("junit.xml"));
    }

    /** Counts from report.json with waived evaluations in their own bucket. */
    static long[] expected() {
        long[] c = new long[6]; // nc, id, compliant, na, waived, total
        for (JsonNode w : report.path("workloads")) for (JsonNode e : w.path("evaluations")) {
            c[5]++;
            if (e.hasNonNull("waiver")) { c[4]++; continue; }
            switch (e.path("complianceType").asText()) {
                case "NON_COMPLIANT" -> c[0]++;
                case "INSUFFICIENT_DATA" -> c[1]++;
                case "COMPLIANT" -> c[2]++;
                default -> c[3]++;
            }
        }
        return c;
    }

    static long[] find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertTrue(m.find(), "no match for " + regex + " in:\n" + text);
        long[] out = new long[m.groupCount()];
        for (int i = 0; i < out.length; i++) out[i] = Long.parseLong(m.group(i + 1));
        return out;
    }

    @Test
    void outcomeCountsAgreeInCliHtmlAndMarkdown() {
        long[] c = expected();
        assertTrue(c[4] > 0 && c[0] > 0, "the demo has waived and open findings");
        long[] cli = find(result.out(), "evaluations: (\\d+) \\((\\d+) non-compliant, (\\d+) insufficient data, (\\d+) compliant, "
                + "(\\d+) not applicable, (\\d+) waived; waived ones counted only as waived\\)");
        assertEquals(List.of(c[5], c[0], c[1], c[2], c[3], c[4]), List.of(cli[0], cli[1], cli[2], cli[3], cli[4], cli[5]));
        long[] mdc = find(md, "(\\d+) evaluations: (\\d+) non-compliant, (\\d+) insufficient data, (\\d+) compliant, (\\d+) not applicable, (\\d+) waived");
        assertEquals(List.of(c[5], c[0], c[1], c[2], c[3], c[4]), List.of(mdc[0], mdc[1], mdc[2], mdc[3], mdc[4], mdc[5]));
        List<Long> cards = new ArrayList<>();
        Matcher m = Pattern.compile("href=\"#type=(\\w+)\"><span class=\"total-count\">(\\d+)</span>").matcher(html);
        while (m.find()) cards.add(Long.parseLong(m.group(2)));
        assertEquals(List.of(c[0], c[1], c[2], c[3], c[4]), cards, "HTML cards: non-compliant, insufficient, compliant, n/a, waived");
    }

    @Test
    void junitFailsOnExactlyWhatBlocksAndAgreesWithTheSummaries() throws Exception {
        JsonNode w = report.path("workloads").get(0);
        long blocking = w.path("blocking").path("nonCompliant").asLong(), lacking = w.path("blocking").path("insufficientData").asLong();
        long[] cli = find(result.out(), "blocking: (\\d+) non-compliant, (\\d+) lacking data");
        assertEquals(List.of(blocking, lacking), List.of(cli[0], cli[1]));
        long[] mdRow = find(md, "\\| (\\d+) \\| (\\d+) \\|\\n");
        assertEquals(List.of(blocking, lacking), List.of(mdRow[0], mdRow[1]), "Markdown Blocking / Lacking data columns");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve("junit.xml").toFile());
        Element root = doc.getDocumentElement();
        assertEquals(String.valueOf(blocking), root.getAttribute("failures"));
        assertEquals(String.valueOf(lacking), root.getAttribute("errors"));
        assertEquals(blocking, doc.getElementsByTagName("failure").getLength());
        assertEquals(lacking, doc.getElementsByTagName("error").getLength());
        assertEquals(String.valueOf(expected()[5]), root.getAttribute("tests"));
        // a non-blocking finding is reported, not failed
        boolean reportedNotFailed = false;
        NodeList skipped = doc.getElementsByTagName("skipped");
        for (int i = 0; i < skipped.getLength(); i++) {
            String msg = ((Element) skipped.item(i)).getAttribute("message");
            if (msg.startsWith("NON_COMPLIANT, does not block (") && msg.contains("is below fail-on HIGH")) reportedNotFailed = true;
        }
        assertTrue(reportedNotFailed, "a MEDIUM/LOW finding is a skipped testcase saying why it does not block");
    }

    @Test
    void accountLevelAndGlobalChecksAreNamedByAccountAndRegion() {
        for (String f : List.of(html, md, junit)) {
            assertFalse(f.contains("eu-west-1 → eu-west-1") || f.contains("us-east-1 → us-east-1"), "a region paired with itself");
            assertFalse(f.contains("global → "), "global shown as a region pair");
        }
        // the demo configuration names the account: "name (id)"
        assertTrue(junit.contains("name=\"account payments-prod (111122223333) [eu-west-1]\""), "account-level testcase named by account and region");
    }
}
