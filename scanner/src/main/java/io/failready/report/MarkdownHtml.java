package io.failready.report;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders the safe subset of Markdown that rule documentation uses — ATX headings, paragraphs,
 * fenced code blocks, bullet and numbered lists, inline code, bold and italics — to HTML.
 * Every piece of source text is HTML-escaped before any tag is added, and no raw HTML, link or
 * image syntax is honoured, so the output is safe to embed even when the Markdown is not trusted
 * (custom rule directories). Headings are shifted down so they nest under the report's own.
 */
public final class MarkdownHtml {
    private MarkdownHtml() {}

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})\\s+(.*?)\\s*#*\\s*$");
    private static final Pattern BULLET = Pattern.compile("^\\s{0,3}[-*+]\\s+(.*)$");
    private static final Pattern NUMBERED = Pattern.compile("^\\s{0,3}\\d{1,9}[.)]\\s+(.*)$");
    private static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~)\\s*([A-Za-z0-9_+-]*).*$");
    private static final Pattern CODE_SPAN = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*(?=\\S)(.+?)(?<=\\S)\\*\\*");
    private static final Pattern ITALIC = Pattern.compile("(?<![\\w*])\\*(?=\\S)([^*]+?)(?<=\\S)\\*(?![\\w*])");

    /** @param headingOffset added to each heading level (an "# X" becomes h(1+offset), capped at h6) */
    public static String render(String markdown, int headingOffset) {
        if (markdown == null || markdown.isBlank()) return "";
        String[] lines = markdown.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        StringBuilder out = new StringBuilder(markdown.length() + 256);
        List<String> para = new ArrayList<>();
        String listTag = null;
        int i = 0;
        while (i < lines.length) {
            String line = lines[i];
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                flushPara(out, para);
                listTag = closeList(out, listTag);
                String marker = fence.group(1);
                String lang = fence.group(2);
                StringBuilder code = new StringBuilder();
                i++;
                while (i < lines.length && !lines[i].trim().startsWith(marker)) {
                    if (code.length() > 0) code.append('\n');
                    code.append(lines[i]);
                    i++;
                }
                i++; // closing fence (or end of input)
                out.append("<pre><code");
                if (!lang.isEmpty()) out.append(" class=\"language-").append(escape(lang)).append('"');
                out.append('>').append(escape(code.toString())).append("</code></pre>\n");
                continue;
            }
            if (line.isBlank()) {
                flushPara(out, para);
                listTag = closeList(out, listTag);
                i++;
                continue;
            }
            Matcher h = HEADING.matcher(line);
            if (h.matches()) {
                flushPara(out, para);
                listTag = closeList(out, listTag);
                int level = Math.min(6, h.group(1).length() + Math.max(0, headingOffset));
                out.append("<h").append(level).append('>').append(inline(h.group(2))).append("</h").append(level).append(">\n");
                i++;
                continue;
            }
            Matcher b = BULLET.matcher(line);
            Matcher n = NUMBERED.matcher(line);
            if (b.matches() || n.matches()) {
                flushPara(out, para);
                String tag = b.matches() ? "ul" : "ol";
                if (!tag.equals(listTag)) {
                    closeList(out, listTag);
                    out.append('<').append(tag).append(">\n");
                    listTag = tag;
                }
                StringBuilder item = new StringBuilder(b.matches() ? b.group(1) : n.group(1));
                // lazy continuation lines: indented text that is not a new item
                while (i + 1 < lines.length && !lines[i + 1].isBlank() && lines[i + 1].startsWith(" ")
                        && !BULLET.matcher(lines[i + 1]).matches() && !NUMBERED.matcher(lines[i + 1]).matches()
                        && !FENCE.matcher(lines[i + 1]).matches()) {
                    item.append(' ').append(lines[++i].trim());
                }
                out.append("<li>").append(inline(item.toString())).append("</li>\n");
                i++;
                continue;
            }
            listTag = closeList(out, listTag);
            para.add(line.trim());
            i++;
        }
        flushPara(out, para);
        closeList(out, listTag);
        return out.toString();
    }

    private static void flushPara(StringBuilder out, List<String> para) {
        if (para.isEmpty()) return;
        out.append("<p>").append(inline(String.join(" ", para))).append("</p>\n");
        para.clear();
    }

    private static String closeList(StringBuilder out, String tag) {
        if (tag != null) out.append("</").append(tag).append(">\n");
        return null;
    }

    /** Escape first, then add emphasis and code spans on the escaped text (markers contain no escaped chars). */
    static String inline(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = CODE_SPAN.matcher(text);
        int last = 0;
        while (m.find()) {
            out.append(emphasis(escape(text.substring(last, m.start()))));
            out.append("<code>").append(escape(m.group(1))).append("</code>");
            last = m.end();
        }
        out.append(emphasis(escape(text.substring(last))));
        return out.toString();
    }

    private static String emphasis(String escaped) {
        String s = BOLD.matcher(escaped).replaceAll("<strong>$1</strong>");
        return ITALIC.matcher(s).replaceAll("<em>$1</em>");
    }

    /** HTML escaping for text and double-quoted attribute values. */
    public static String escape(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }
}
