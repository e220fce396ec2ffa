package io.failready.report;

import io.failready.model.Report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opens the HTML report in a real headless Chromium with no network, dumps the DOM after the
 * page's script ran, and checks the scorecard, the hash-driven filters and sorting, and that no
 * injected element exists. Takes a screenshot to target/report-samples/screenshot.png.
 * Skipped (with a message) only when /usr/bin/chromium is absent: apt-get install -y chromium.
 */
class ChromiumReportTest {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static Path html;
    static Report report;

    @BeforeAll
    static void render() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium not installed at /usr/bin/chromium (apt-get install -y chromium); skipping the browser test");
        report = TestReports.small();
        Path dir = Path.of("target", "chromium-report").toAbsolutePath();
        ReportWriters.write(report, TestReports.build(2, true, 1), dir, EnumSet.of(ReportFormat.HTML), TestReports.DOCS);
        html = dir.resolve("report.html");
    }

    @Test
    void scorecardRendersWithChartsAndVerdict() throws Exception {
        String dom = dumpDom("");
        assertTrue(dom.contains("data-verdict=\"NOT_READY\""), "verdict");
        assertTrue(dom.contains("class=\"gauge gauge-"), "score gauge");
        assertTrue(count(dom, "<rect class=\"bar-value\"") >= 7, "section bars");
        assertTrue(dom.contains("Blocking findings"), "blocking findings");
        assertEquals(report.summary().evaluations(), rows(dom).size(), "all rows on one page without filters");
        assertTrue(dom.matches("(?s).*id=\"fr-status\"[^>]*>Showing 1–60 of 60 matching.*"), "status line");
    }

    @Test
    void severityFilterFromTheHashShowsOnlyMatchingRows() throws Exception {
        List<String> rows = rows(dumpDom("#severity=CRITICAL"));
        long expected = count(e -> e.getSeverity().name().equals("CRITICAL"));
        assertTrue(expected > 0);
        assertEquals(expected, rows.size());
        for (String r : rows) assertTrue(r.contains("data-severity=\"CRITICAL\""), r);
    }

    @Test
    void combinedFiltersAndFreeText() throws Exception {
        List<String> rows = rows(dumpDom("#type=NON_COMPLIANT&severity=HIGH"));
        long expected = count(e -> !e.isWaived() && e.getComplianceType() == ComplianceType.NON_COMPLIANT
                && e.getSeverity().name().equals("HIGH"));
        assertEquals(expected, rows.size());
        for (String r : rows) assertTrue(r.contains("data-type=\"NON_COMPLIANT\"") && r.contains("data-severity=\"HIGH\""), r);

        List<String> text = rows(dumpDom("#q=payments-lambda"));
        assertEquals(count(e -> e.getResourceId() != null && e.getResourceId().contains("payments-lambda")), text.size());
    }

    @Test
    void sortingFromTheHash() throws Exception {
        List<String> rows = rows(dumpDom("#sort=severity&dir=desc"));
        assertTrue(rows.get(0).contains("data-severity=\"LOW\""), rows.get(0));
        assertTrue(rows.get(rows.size() - 1).contains("data-severity=\"CRITICAL\""));
    }

    @Test
    void injectedValuesRenderAsTextAndCreateNoElements() throws Exception {
        String dom = dumpDom("#q=alert");
        assertFalse(Pattern.compile("<img\\b", Pattern.CASE_INSENSITIVE).matcher(dom).find(), "an injected <img> exists");
        Matcher scripts = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(dom);
        int n = 0;
        while (scripts.find()) n++;
        assertEquals(2, n, "only the template's two script elements");
        Matcher tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(dom);
        while (tags.find()) assertFalse(tags.group().replaceAll("\"[^\"]*\"", "\"\"").toLowerCase().matches("(?s).*\\son[a-z]+\\s*=.*"), tags.group());
        List<String> rows = rows(dom);
        assertFalse(rows.isEmpty(), "rows carrying the payloads are listed");
        // the payload is in the table, as text
        assertTrue(dom.contains("<td class=\"mono\">&lt;script&gt;alert(1)&lt;/script&gt;</td>"), "name rendered as text");
    }

    @Test
    void screenshotForHumans() throws Exception {
        Path png = html.resolveSibling("screenshot.png");
        Files.deleteIfExists(png);
        run(List.of("--window-size=1400,2400", "--screenshot=" + png), "");
        assertTrue(Files.size(png) > 20_000, "screenshot is too small to show the report");
    }

    /**
     * A report with two workloads opens with the portfolio table, worst first, and names accounts
     * (hostile names stay text); the screenshot (target/chromium-portfolio/portfolio.png, never
     * committed) is produced and is not blank.
     */
    @Test
    void portfolioTableRendersWorstFirstAndTheScreenshotShowsIt() throws Exception {
        Report named = ScorecardsTest.named(report);
        Path dir = Path.of("target", "chromium-portfolio").toAbsolutePath();
        ReportWriters.write(named, TestReports.build(2, true, 1), dir, EnumSet.of(ReportFormat.HTML), TestReports.DOCS);
        Path page = dir.resolve("report.html");
        String dom = run(page, List.of("--dump-dom"), "");
        int table = dom.indexOf("class=\"portfolio-table\"");
        assertTrue(table > 0, "portfolio table in the DOM");
        List<String> order = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"verdict-row-[a-z-]+\" data-workload=\"([^\"]+)\"").matcher(dom);
        while (m.find()) order.add(m.group(1));
        List<String> expected = Scorecards.workloads(named, ReportDiff.of(TestReports.build(2, true, 1), named), w -> null).stream()
                .map(r -> r.workload().name()).toList();
        assertEquals(expected, order, "worst first");
        assertEquals(2, order.size());
        assertTrue(dom.contains("<th scope=\"col\">Trend</th>"), "column headers with scope");
        assertTrue(dom.contains("id=\"fix-first\""), "fix first");
        assertTrue(dom.contains("&lt;img src=x onerror=alert(1)&gt; | *prod* @team (" + TestReports.ACCOUNT_A + ")"), "account named, as text");
        assertFalse(dom.contains("<img src=\"x\""), "no element from a hostile account name");

        Path png = dir.resolve("portfolio.png");
        Files.deleteIfExists(png);
        run(page, List.of("--window-size=1400,1800", "--screenshot=" + png), "");
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertTrue(img != null && img.getWidth() == 1400, "a PNG of the requested size");
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 7) for (int x = 0; x < img.getWidth(); x += 7) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 20, "the screenshot is not blank: " + colours.size() + " colours");
    }

    // --- helpers ------------------------------------------------------------------------------

    static long count(Predicate<Evaluation> p) {
        return ReportFacts.allEvaluations(report).stream().filter(p).count();
    }

    static List<String> rows(String dom) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"row( open)?\"[^>]*>").matcher(dom);
        while (m.find()) out.add(m.group());
        return out;
    }

    static int count(String s, String sub) { return HtmlEscapingTest.count(s, sub); }

    static String dumpDom(String hash) throws Exception {
        return run(List.of("--dump-dom"), hash);
    }

    static String run(List<String> extra, String hash) throws Exception { return run(html, extra, hash); }

    /** Runs headless Chromium on a page with every network path closed; returns stdout. */
    static String run(Path page, List<String> extra, String hash) throws Exception {
        Path profile = Files.createTempDirectory("failready-chromium");
        Path stdout = Files.createTempFile("chromium", ".out");
        Path stderr = Files.createTempFile("chromium", ".err");
        List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars",
                "--host-resolver-rules=MAP * ~NOTFOUND", "--user-data-dir=" + profile, "--virtual-time-budget=5000"));
        cmd.addAll(extra);
        cmd.add(page.toUri() + hash);
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new AssertionError("chromium did not finish in 90 s");
            }
            String out = Files.readString(stdout, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("chromium exited " + p.exitValue() + ": " + Files.readString(stderr, StandardCharsets.UTF_8));
            }
            return out;
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
            deleteTree(profile);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
