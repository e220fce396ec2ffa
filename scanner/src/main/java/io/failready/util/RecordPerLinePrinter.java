package io.failready.util;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;

/**
 * Indents JSON down to {@code depth} levels and writes anything deeper on one line, so a report
 * or snapshot reads as an indented outline with one evaluation (or resource) per line. Fully
 * indented, a 126k-evaluation report was 91 MB (74 MB this way), and writing it was the slowest
 * part of producing the report; one record per line also keeps line diffs meaningful.
 */
public final class RecordPerLinePrinter extends DefaultPrettyPrinter {
    private final int depth;

    public RecordPerLinePrinter(int depth) {
        this.depth = depth;
        DefaultIndenter outline = new DefaultIndenter("  ", "\n") {
            @Override public void writeIndentation(JsonGenerator g, int level) throws IOException {
                if (level <= RecordPerLinePrinter.this.depth) super.writeIndentation(g, level);
            }
        };
        indentObjectsWith(outline);
        indentArraysWith(outline);
    }

    @Override public RecordPerLinePrinter createInstance() { return new RecordPerLinePrinter(depth); }

    private boolean inline() { return _nesting > depth; }

    @Override public void writeObjectFieldValueSeparator(JsonGenerator g) throws IOException {
        if (inline()) g.writeRaw(':');
        else super.writeObjectFieldValueSeparator(g);
    }

    @Override public void writeEndObject(JsonGenerator g, int entries) throws IOException {
        if (inline()) {
            --_nesting;
            g.writeRaw('}');
        } else {
            super.writeEndObject(g, entries);
        }
    }

    @Override public void writeEndArray(JsonGenerator g, int values) throws IOException {
        if (inline()) {
            --_nesting;
            g.writeRaw(']');
        } else {
            super.writeEndArray(g, values);
        }
    }
}
