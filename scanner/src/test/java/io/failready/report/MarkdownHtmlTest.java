package io.failready.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MarkdownHtmlTest {
    @Test
    void rendersRuleDocumentationWithHeadingsShifted() {
        String md = "# Title\n\n## Rationale\nLine one\nline **two** with `x<y`.\n\n- a\n- *b*\n\n1. one\n2. two\n\n```yaml\nk: <v>\n```\n";
        assertEquals("<h3>Title</h3>\n<h4>Rationale</h4>\n<p>Line one\nline <strong>two</strong> with <code>x&lt;y</code>.</p>\n"
                + "<ul>\n<li>a</li>\n<li><em>b</em></li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"
                + "<pre><code class=\"language-yaml\">k: &lt;v&gt;\n</code></pre>\n", MarkdownHtml.render(md, 2));
    }

    @Test
    void rawHtmlIsEscapedScriptUrlsDroppedAndImagesBecomeText() {
        String html = MarkdownHtml.render("<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![logo](http://e/x.png)\n\n<script>alert(1)</script>", 0);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("javascript:"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt;"), html);
        assertTrue(html.contains("logo"), "the image's alt text stays: " + html);
    }

    @Test
    void infoStringCannotBreakOutOfTheClassAttribute() {
        String html = MarkdownHtml.render("```a\"onload=\"x\ny\n```", 0);
        assertFalse(html.contains("\"onload"), html);
    }

    @Test
    void emptyInput() {
        assertEquals("", MarkdownHtml.render(null, 0));
        assertEquals("", MarkdownHtml.render("  \n", 0));
    }
}
