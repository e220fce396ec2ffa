package io.failready.report;

import io.failready.cli.HistoryCommandTest;
import io.failready.model.Report;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The history page of six monthly reports in a real headless Chromium with no network: the SVG
 * line charts exist in the rendered DOM with a point per report, and the screenshot
 * (target/history-chromium/screenshot.png, never committed) is not blank.
 */
class HistoryChromiumTest {
    static Path html;

    @BeforeAll
    static void render() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(ChromiumReportTest.CHROMIUM),
                "Chromium not installed at /usr/bin/chromium (apt-get install -y chromium); skipping the browser test");
        Path dir = Path.of("target", "history-chromium").toAbsolutePath();
        ChromiumReportTest.deleteTree(dir);
        List<Report> made = new ArrayList<>();
        Path folder = HistoryCommandTest.sixMonthlyReports(dir.resolve("reports"), made);
        History h = History.of(History.read(folder, w -> {}), new Report.Tool("failready", "test"), p -> folder.relativize(p).toString());
        HistoryWriter.write(h, dir, Set.of(HistoryWriter.Format.HTML), HistoryModel.DEFAULT_TOP);
        html = dir.resolve("history.html");
    }

    @Test
    void theChartsRenderInTheDomWithAPointPerReport() throws Exception {
        String dom = ChromiumReportTest.run(html, List.of("--dump-dom"), "");
        assertTrue(dom.contains("<svg"), "an svg element");
        // overview, and score / sections / accounts of the one workload
        assertEquals(4, count(dom, "<figure class=\"chart line-chart\""));
        Matcher m = Pattern.compile("<g class=\"series line-s0\">(.*?)</g>", Pattern.DOTALL).matcher(dom);
        assertTrue(m.find(), "the first series");
        assertEquals(6, count(m.group(1), "<circle"), "one point per monthly report");
        assertTrue(dom.contains("<title id=\"overview-t\">Score per workload</title>"), "accessible title");
        assertTrue(dom.contains("<desc id=\"overview-d\">"), "accessible description");
        assertEquals(6, count(dom, "<tr class=\"step\">"), "the report-by-report table");
    }

    @Test
    void screenshotIsNotBlank() throws Exception {
        Path png = html.resolveSibling("screenshot.png");
        Files.deleteIfExists(png);
        ChromiumReportTest.run(html, List.of("--window-size=1300,1800", "--screenshot=" + png), "");
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(1300, img.getWidth());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) colours.add(img.getRGB(x, y));
        assertTrue(colours.size() > 50, "a blank or near-blank screenshot: " + colours.size() + " colours");
    }

    static int count(String s, String sub) { return HtmlEscapingTest.count(s, sub); }
}
