package io.failready.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** AWS-derived values crafted as HTML/JS injections render as text, never as markup. */
class HtmlEscapingTest {
    static String html;

    @BeforeAll
    static void render() {
        html = HtmlReportWriter.render(TestReports.small(), TestReports.build(2, true, 1), TestReports.DOCS);
    }

    @Test
    void injectedMarkupNeverAppearsUnescaped() {
        assertFalse(html.contains(TestReports.XSS_SCRIPT), "raw <script>alert(1)</script>");
        assertFalse(html.contains("<img src=x"), "raw <img> injection");
        Matcher tags = Pattern.compile("<[a-zA-Z][^>]*>").matcher(html);
        while (tags.find()) assertFalse(tags.group().replaceAll("\"[^\"]*\"", "\"\"").toLowerCase().matches("(?s).*\\son[a-z]+\\s*=.*"), "event handler attribute: " + tags.group());
        assertFalse(html.contains("<script>alert"), "script injection");
        assertFalse(html.contains("<b>risk</b>"), "waiver reason markup");
        // the payloads are there, as text
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
    }

    @Test
    void onlyTheTwoScriptElementsOfTheTemplateExist() {
        Matcher m = Pattern.compile("<script\\b[^>]*>", Pattern.CASE_INSENSITIVE).matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
            String tag = m.group();
            assertTrue(tag.equals("<script type=\"application/json\" id=\"fr-data\">") || tag.equals("<script>"), tag);
        }
        assertEquals(2, n);
        assertEquals(2, count(html.toLowerCase(), "</script"), "a value closed a script element");
    }

    @Test
    void dataIslandCannotBreakOutAndRoundTrips() throws Exception {
        String island = island(html);
        for (String bad : new String[]{"<", ">", "&", "\u2028", "\u2029"}) {
            assertFalse(island.contains(bad), "unescaped " + bad.codePointAt(0) + " in data island");
        }
        JsonNode data = Json.MAPPER.readTree(island);
        assertEquals(TestReports.small().summary().evaluations(), data.get("rows").size());
        boolean foundScript = false, foundLineSep = false;
        for (JsonNode row : data.get("rows")) {
            if (TestReports.XSS_SCRIPT.equals(row.get(11).asText())) foundScript = true;
            if (row.get(13).asText().contains("\u2028")) foundLineSep = true;
        }
        assertTrue(foundScript, "the resource name survives the round trip unchanged");
        assertTrue(foundLineSep, "U+2028 survives as data");
    }

    @Test
    void ruleDocMarkdownIsEscapedToo() {
        assertTrue(html.contains("recovery region &lt;script&gt;alert(3)&lt;/script&gt;."));
        assertTrue(html.contains("<pre><code>aws secretsmanager replicate-secret-to-regions --secret-id x\n</code></pre>"), "fenced code renders as a code block");
    }

    @Test
    void contentSecurityPolicyForbidsNetworkAndForeignScripts() {
        Matcher m = Pattern.compile("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]+)\">").matcher(html);
        assertTrue(m.find());
        String csp = m.group(1).replace("&#39;", "'");
        assertTrue(csp.contains("default-src 'none'"), csp);
        assertTrue(csp.matches(".*script-src 'sha256-[A-Za-z0-9+/=]+'.*"), csp);
        assertFalse(csp.contains("unsafe-inline"), csp);
        assertFalse(html.matches("(?s).*(src|href)=\"(https?:)?//.*"), "no external resource may be referenced");
    }

    static String island(String html) {
        int start = html.indexOf("<script type=\"application/json\" id=\"fr-data\">");
        assertNotNull(start >= 0 ? "" : null, "data island missing");
        start = html.indexOf('>', start) + 1;
        return html.substring(start, html.indexOf("</script>", start));
    }

    static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) n++;
        return n;
    }
}
