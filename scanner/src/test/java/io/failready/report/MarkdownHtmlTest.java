package io.failready.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MarkdownHtmlTest {
    @Test
    void rendersTheSubsetRuleDocsUse() {
        String md = "# Title\n\n## Rationale\nLine one\nline **two** with `x<y`.\n\n- a\n- *b*\n\n1. one\n2. two\n\n```yaml\nk: <v>\n```\n";
        assertEquals("<h3>Title</h3>\n<h4>Rationale</h4>\n<p>Line one line <strong>two</strong> with <code>x&lt;y</code>.</p>\n"
                + "<ul>\n<li>a</li>\n<li><em>b</em></li>\n</ul>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"
                + "<pre><code class=\"language-yaml\">k: &lt;v&gt;</code></pre>\n", MarkdownHtml.render(md, 2));
    }

    @Test
    void rawHtmlLinksAndImagesStayText() {
        assertEquals("<p>&lt;img src=x onerror=alert(1)&gt; [x](javascript:alert(1)) ![i](http://e/x.png)</p>\n",
                MarkdownHtml.render("<img src=x onerror=alert(1)> [x](javascript:alert(1)) ![i](http://e/x.png)", 0));
        // an info string only contributes [A-Za-z0-9_+-] to the class attribute
        assertEquals("<pre><code class=\"language-a\">y</code></pre>\n", MarkdownHtml.render("```a\"onload=\"x\ny\n```", 0));
    }

    @Test
    void unterminatedFenceAndEmptyInput() {
        assertEquals("<pre><code>code &amp; more</code></pre>\n", MarkdownHtml.render("```\ncode & more", 0));
        assertEquals("", MarkdownHtml.render(null, 0));
        assertEquals("", MarkdownHtml.render("  \n", 0));
    }
}
