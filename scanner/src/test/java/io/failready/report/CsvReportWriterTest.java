package io.failready.report;

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
        assertTrue(rows.stream().anyMatch(row -> row.get(15).contains("\u2028")), "annotation kept verbatim");
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
