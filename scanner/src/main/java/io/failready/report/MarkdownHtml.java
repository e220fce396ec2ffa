package io.failready.report;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders rule documentation (Markdown) to HTML with commonmark-java, configured so the output
 * is safe to embed even when the Markdown is not trusted (custom rule directories): raw HTML is
 * escaped, link URLs are sanitised (no javascript:), and images become their alt text so the
 * offline report never loads anything. Headings are shifted down to nest under the report's own.
 */
public final class MarkdownHtml {
    private MarkdownHtml() {}

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    /** @param headingOffset added to each heading level (an "# X" becomes h(1+offset), capped at h6) */
    public static String render(String markdown, int headingOffset) {
        if (markdown == null || markdown.isBlank()) return "";
        Node doc = PARSER.parse(markdown);
        doc.accept(new AbstractVisitor() {
            @Override public void visit(Heading h) {
                h.setLevel(Math.min(6, h.getLevel() + headingOffset));
                visitChildren(h);
            }

            @Override public void visit(Image img) {
                StringBuilder alt = new StringBuilder();
                for (Node c = img.getFirstChild(); c != null; c = c.getNext()) if (c instanceof Text t) alt.append(t.getLiteral());
                img.insertBefore(new Text(alt.toString()));
                img.unlink();
            }
        });
        return RENDERER.render(doc);
    }
}
