package io.failready.report;

import io.failready.model.Report;

import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvReportWriterTest {
    @Test
    void quotesPerRfc4180AndNeutralisesFormulas() {
        assertEquals("plain", CsvReportWriter.field("plain"));
        assertEquals("\"a,b\"", CsvReportWriter.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvReportWriter.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvReportWriter.field("two\nlines"));
        assertEquals("'=1+2", CsvReportWriter.field("=1+2"));
        assertEquals("'+1", CsvReportWriter.field("+1"));
        assertEquals("'-1", CsvReportWriter.field("-1"));
        assertEquals("'@SUM(A1)", CsvReportWriter.field("@SUM(A1)"));
        assertEquals("\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", CsvReportWriter.field("=HYPERLINK(\"x\",\"y\")"));
        assertEquals("", CsvReportWriter.field(null));
    }

    @Test
    void oneRowPerEvaluationThatParsesBack() throws Exception {
        Report r = TestReports.small();
        StringWriter w = new StringWriter();
        CsvReportWriter.write(r, w);
        String csv = w.toString();
        assertTrue(csv.startsWith(String.join(",", CsvReportWriter.HEADER) + "\r\n"));
        List<List<String>> rows = parse(csv);
        assertEquals(r.summary().evaluations() + 1, rows.size());
        for (List<String> row : rows) assertEquals(CsvReportWriter.HEADER.size(), row.size(), row.toString());
        assertTrue(rows.stream().anyMatch(row -> row.get(9).equals("'" + TestReports.FORMULA)), "formula neutralised");
        assertTrue(rows.stream().anyMatch(row -> row.get(15).contains("no replica") && row.get(15).contains("\uFFFD")),
                "annotation kept, its line separator neutralised");
        assertTrue(csv.chars().noneMatch(c -> c == '\u2028'), csv);
    }

    /** {@code cat evaluations.csv} must not run escape sequences or reorder text: AWS names and annotations are hostile. */
    @Test
    void terminalControlsAndBidiBecomeReplacementCharacters() {
        assertEquals("x\uFFFD]0;pwned\uFFFDy", CsvReportWriter.field("x\u001b]0;pwned\u0007y"));
        assertEquals("a\uFFFD31mb", CsvReportWriter.field("a\u009b31mb"), "C1 CSI");
        assertEquals("abc\uFFFDgpj.exe", CsvReportWriter.field("abc\u202egpj.exe"), "bidi override");
        assertEquals("\uFFFDx\uFFFD", CsvReportWriter.field("\u2066x\u2069"), "bidi isolates");
        assertEquals("a\uFFFDb", CsvReportWriter.field("a\u007fb"), "DEL");
        assertEquals("over\uFFFDREADY", CsvReportWriter.field("over\rREADY"), "a lone CR cannot overwrite the line");
        assertEquals("\"two\nlines\"", CsvReportWriter.field("two\r\nlines"), "CRLF in a value stays a line break");
        assertEquals("tab\there", CsvReportWriter.field("tab\there"));
        // formula neutralisation still applies, also behind a control character
        assertEquals("'=1+2\uFFFD", CsvReportWriter.field("=1+2\u001b"));
        assertEquals("\uFFFD=1+2", CsvReportWriter.field("\u0000=1+2"));
    }

    /** A strict RFC 4180 reader, to prove the output round-trips. */
    static List<List<String>> parse(String csv) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') { f.append('"'); i++; }
                else if (c == '"') quoted = false;
                else f.append(c);
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString()); f.setLength(0);
            } else if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                row.add(f.toString()); f.setLength(0); rows.add(row); row = new ArrayList<>(); i++;
            } else {
                f.append(c);
            }
        }
        return rows;
    }
}
