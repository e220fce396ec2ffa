package io.failready.util;

/**
 * The one place text from AWS, reports, snapshots or configuration is made safe to print to a
 * terminal. Resource names, tags, annotations and error messages are attacker-influenced: an ESC
 * can restyle or retitle the terminal, a carriage return or newline can forge an extra "READY"
 * line, and bidi controls (U+202A-U+202E, U+2066-U+2069) can make text read differently from
 * its bytes. Such characters are shown as visible escapes ({@code \x1b}, {@code \n},
 * {@code \u202e}), so the bytes stay recoverable and nothing is silently dropped.
 */
public final class Terminal {
    private Terminal() {}

    /** One value on one line: every control and bidi character escaped, newlines included. */
    public static String safe(String s) {
        return escape(s, false);
    }

    /** A message that may span lines: like {@link #safe} but keeps newlines and tabs. */
    public static String safeLines(String s) {
        return escape(s, true);
    }

    /** Objects printed with toString() (enum constants, numbers, lists of values). */
    public static String safe(Object o) {
        return o == null ? "null" : safe(o.toString());
    }

    private static String escape(String s, boolean keepLines) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = keepLines && (c == '\n' || c == '\t') ? null : replacement(c);
            if (rep != null && out == null) out = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (out != null) {
                if (rep != null) out.append(rep);
                else out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    private static String replacement(char c) {
        switch (c) {
            case '\n': return "\\n";
            case '\r': return "\\r";
            case '\t': return "\\t";
            case '\u001b': return "\\x1b";
            default: break;
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return String.format("\\x%02x", (int) c);
        if (isBidiOrInvisible(c)) return String.format("\\u%04x", (int) c);
        return null;
    }

    /**
     * Text for a file people read with {@code cat} or in a review (CSV, Markdown): every character
     * {@link #isUnsafeInFile} becomes U+FFFD, so the file cannot run terminal escape sequences,
     * overwrite a line or read differently from its bytes. Tabs and newlines stay; a CR stays only
     * as part of a CRLF line break, which becomes a newline.
     */
    public static String neutralise(String s) {
        if (s == null) return null;
        String t = s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n") : s;
        StringBuilder out = null;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            boolean bad = isUnsafeInFile(c);
            if (bad && out == null) out = new StringBuilder(t.length()).append(t, 0, i);
            if (out != null) out.append(bad ? '\uFFFD' : c);
        }
        return out == null ? t : out.toString();
    }

    /** C0 controls other than tab and newline, DEL, C1 controls, and {@link #isBidiOrInvisible} characters. */
    public static boolean isUnsafeInFile(char c) {
        return (c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c <= 0x9f) || isBidiOrInvisible(c);
    }

    /** Bidi embeddings/overrides/isolates and marks, and the line/paragraph separators. */
    public static boolean isBidiOrInvisible(char c) {
        return (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200e' || c == '\u200f' || c == '\u061c' || c == '\u2028' || c == '\u2029';
    }
}
