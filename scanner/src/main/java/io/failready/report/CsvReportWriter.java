package io.failready.report;

import io.failready.model.Report;

import io.failready.model.Evaluation;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * evaluations.csv: one row per evaluation for spreadsheets. RFC 4180 (CRLF records, fields
 * quoted when they hold a comma, quote, CR or LF; quotes doubled), UTF-8 without a byte-order
 * mark. Formula-injection safe (OWASP "CSV injection"): a cell starting with = + - @ (or a tab
 * or carriage return) is prefixed with a single quote so spreadsheets show it as text. Safe to
 * {@code cat}: control characters (ESC, other C0 but tab and newline, DEL, C1) and bidi controls
 * become U+FFFD ({@link io.failready.util.Terminal#neutralise}), and a CRLF inside a value a newline.
 */
public final class CsvReportWriter {
    private CsvReportWriter() {}

    public static final List<String> HEADER = List.of("workload", "ruleId", "ruleTitle", "section", "severity",
            "complianceType", "waived", "resourceType", "resourceId", "resourceName", "accountId", "region",
            "recoveryRegion", "counterpartResourceId", "counterpartRegion", "annotation", "waiverReason",
            "waiverApprover", "waiverOwner", "waiverExpires", "frameworkControls");

    public static void write(Report report, Writer out) throws IOException {
        write(report, null, out);
    }

    /**
     * @param framework with --framework, frameworkControls holds that framework's control ids
     *                  ("CP-6; CP-9(6)"); without, every bundled framework's as "framework:control"
     */
    public static void write(Report report, io.failready.rules.Frameworks.Framework framework, Writer out) throws IOException {
        Map<String, String> titles = new HashMap<>();
        if (report.rules() != null) for (Report.RuleRef r : report.rules()) titles.put(r.id(), r.title());
        row(out, HEADER.toArray(String[]::new));
        if (report.workloads() == null) return;
        for (Report.WorkloadReport w : report.workloads()) {
            for (Evaluation e : ReportFacts.evaluations(w)) {
                Evaluation.Counterpart cp = e.getCounterpart();
                Evaluation.WaiverRef wv = e.getWaiver();
                row(out, w.name(), e.getRuleId(), titles.get(e.getRuleId()), e.getSection(),
                        e.getSeverity() == null ? null : e.getSeverity().name(), e.getComplianceType().name(),
                        String.valueOf(e.isWaived()), e.getResourceType(), e.getResourceId(), e.getResourceName(),
                        e.getAccountId(), e.getRegion(), e.getRecoveryRegion(), cp == null ? null : cp.resourceId(),
                        cp == null ? null : cp.region(), e.getAnnotation(), wv == null ? null : wv.reason(),
                        wv == null ? null : wv.approver(), wv == null ? null : wv.owner(), wv == null ? null : wv.expires(),
                        String.join("; ", FrameworkView.controlIds(e.getRuleId(), framework)));
            }
        }
    }

    private static void row(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.write(',');
            out.write(field(cells[i]));
        }
        out.write("\r\n");
    }

    /** One field, neutralised against terminal controls and formulas, then quoted per RFC 4180 when needed. */
    static String field(String value) {
        if (value == null || value.isEmpty()) return "";
        String v = io.failready.util.Terminal.neutralise(value);
        char first = v.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') v = "'" + v;
        boolean quote = false;
        for (int i = 0; i < v.length() && !quote; i++) {
            char c = v.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        return quote ? '"' + v.replace("\"", "\"\"") + '"' : v;
    }
}
