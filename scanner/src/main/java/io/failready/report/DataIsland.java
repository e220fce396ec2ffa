package io.failready.report;

import io.failready.model.Report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.failready.model.Evaluation;
import io.failready.evaluate.GatePolicy;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The evaluations as a compact JSON document embedded in the HTML report inside
 * {@code <script type="application/json">}, for the client-side drill-down. Repeated values
 * (rule, section, account, region...) are coded as indexes into {@code dict}, which keeps a
 * 50,000-row report to a few megabytes.
 *
 * <p>Safe to embed: {@code <}, {@code >}, {@code &}, U+2028 and U+2029 are written as
 * {@code \\uXXXX} escapes (they can only occur inside JSON strings), so no value can close the
 * script element or start a comment, whatever an AWS tag or name contains.
 *
 * <p>Row layout, documented for template authors (see assets/report.js):
 * {@code [workload, rule, section, severity, complianceType, resourceType, account, region,
 * recoveryRegion, counterpartRegion]} as dict indexes (-1 = none), then {@code resourceId,
 * resourceName, counterpartId, annotation} as strings or null, then {@code waived (0/1),
 * blocking (0/1), waiver index (-1 = none)}.
 */
public final class DataIsland {
    private DataIsland() {}

    static final JsonFactory JSON = new JsonFactory();

    public static String toJson(Report report) {
        StringWriter sw = new StringWriter(1 << 16);
        try {
            write(report, sw);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return sw.toString();
    }

    public static void write(Report report, Writer target) throws IOException {
        Map<String, Integer> index = new HashMap<>();
        List<String> dict = new ArrayList<>();
        List<Evaluation.WaiverRef> waivers = new ArrayList<>();
        Map<String, String> titles = new java.util.TreeMap<>();
        // accounts travel as their label, "name (id)", the same text the filters and tables show
        Map<String, String> names = ReportFacts.accountNames(report);
        if (report.rules() != null) for (Report.RuleRef r : report.rules()) if (r.title() != null) titles.put(r.id(), r.title());

        // Rows stream out first and the dictionary follows them: key order means nothing to
        // JSON.parse, and nothing has to be buffered.
        Writer out = new ScriptSafeWriter(target);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeNumberField("v", 1);
            g.writeArrayFieldStart("rows");
            if (report.workloads() != null) {
                for (Report.WorkloadReport w : report.workloads()) {
                    GatePolicy policy = ReportFacts.policyOf(w);
                    for (Evaluation e : ReportFacts.evaluations(w)) {
                        g.writeStartArray();
                        g.writeNumber(code(ReportFacts.title(w), index, dict));
                        g.writeNumber(code(e.getRuleId(), index, dict));
                        g.writeNumber(code(e.getSection(), index, dict));
                        g.writeNumber(code(e.getSeverity() == null ? null : e.getSeverity().name(), index, dict));
                        g.writeNumber(code(e.getComplianceType().name(), index, dict));
                        g.writeNumber(code(e.getResourceType(), index, dict));
                        g.writeNumber(code(e.getAccountId() == null ? null : ReportFacts.accountLabel(names, e.getAccountId()), index, dict));
                        g.writeNumber(code(e.getRegion(), index, dict));
                        g.writeNumber(code(e.getRecoveryRegion(), index, dict));
                        g.writeNumber(code(e.getCounterpart() == null ? null : e.getCounterpart().region(), index, dict));
                        g.writeString(e.getResourceId());
                        g.writeString(e.getResourceName());
                        g.writeString(e.getCounterpart() == null ? null : e.getCounterpart().resourceId());
                        g.writeString(e.getAnnotation());
                        g.writeNumber(e.isWaived() ? 1 : 0);
                        g.writeNumber(policy.blocks(e) ? 1 : 0);
                        if (e.isWaived()) {
                            waivers.add(e.getWaiver());
                            g.writeNumber(waivers.size() - 1);
                        } else {
                            g.writeNumber(-1);
                        }
                        g.writeEndArray();
                    }
                }
            }
            g.writeEndArray();
            g.writeArrayFieldStart("dict");
            for (String s : dict) g.writeString(s);
            g.writeEndArray();
            g.writeObjectFieldStart("titles");
            for (Map.Entry<String, String> t : titles.entrySet()) g.writeStringField(t.getKey(), t.getValue());
            g.writeEndObject();
            g.writeArrayFieldStart("waivers");
            for (Evaluation.WaiverRef wv : waivers) {
                g.writeStartArray();
                g.writeString(wv.reason());
                g.writeString(wv.approver());
                g.writeString(wv.owner());
                g.writeString(wv.expires());
                g.writeString(wv.source());
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        out.flush();
    }

    private static int code(String s, Map<String, Integer> index, List<String> dict) {
        if (s == null) return -1;
        Integer i = index.get(s);
        if (i == null) {
            i = dict.size();
            dict.add(s);
            index.put(s, i);
        }
        return i;
    }

    /** Rewrites the five characters that could end or confuse an HTML script element into JSON escapes. */
    static final class ScriptSafeWriter extends FilterWriter {
        ScriptSafeWriter(Writer out) { super(out); }

        @Override public void write(int c) throws IOException {
            switch (c) {
                case '<' -> out.write("\\u003c");
                case '>' -> out.write("\\u003e");
                case '&' -> out.write("\\u0026");
                case '\u2028' -> out.write("\\u2028");
                case '\u2029' -> out.write("\\u2029");
                default -> out.write(c);
            }
        }

        @Override public void write(char[] buf, int off, int len) throws IOException {
            int start = off, end = off + len;
            for (int i = off; i < end; i++) {
                char c = buf[i];
                if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                    if (i > start) out.write(buf, start, i - start);
                    write(c);
                    start = i + 1;
                }
            }
            if (end > start) out.write(buf, start, end - start);
        }

        @Override public void write(String str, int off, int len) throws IOException {
            int start = off, end = off + len;
            for (int i = off; i < end; i++) {
                char c = str.charAt(i);
                if (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                    if (i > start) out.write(str, start, i - start);
                    write(c);
                    start = i + 1;
                }
            }
            if (end > start) out.write(str, start, end - start);
        }

        @Override public void close() throws IOException { flush(); }
    }
}
