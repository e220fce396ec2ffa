package io.failready.report;

import io.failready.model.Report;

import io.failready.model.Evaluation;

import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import io.failready.evaluate.GatePolicy;

/**
 * evaluations.csv: one row per evaluation for spreadsheets, with the report's inventory and
 * writing times, the account's name, whether the row blocks the gate, the waiver, the rule's
 * framework controls and a link to its remediation on every row, so a filtered sheet still says
 * where it came from. RFC 4180 (CRLF records, fields
 * quoted when they hold a comma, quote, CR or LF; quotes doubled), UTF-8 without a byte-order
 * mark. Formula-injection safe (OWASP "CSV injection"): a cell starting with = + - @ (or a tab
 * or carriage return) is prefixed with a single quote so spreadsheets show it as text. Safe to
 * {@code cat}: control characters (ESC, other C0 but tab and newline, DEL, C1) and bidi controls
 * become U+FFFD ({@link io.failready.util.Terminal#neutralise}), and a CRLF inside a value a newline.
 */
public final class CsvReportWriter {
    private CsvReportWriter() {}

    /** What a cell is computed from: one evaluation, its workload and report-wide lookups. */
    record Line(Report report, Report.WorkloadReport workload, Evaluation evaluation, boolean blocking,
                Map<String, Report.RuleRef> rules, Map<String, String> accountNames,
                io.failready.rules.Frameworks.Framework framework) {
        Evaluation.WaiverRef waiver() { return evaluation.getWaiver(); }
        Evaluation.Counterpart counterpart() { return evaluation.getCounterpart(); }
    }

    record Column(String name, Function<Line, String> value) {}

    /**
     * The columns, in order: the one place a column is declared. New columns go at the end, so a
     * spreadsheet that reads columns by position keeps working. frameworkControls lists, with
     * --framework, that framework's control ids ("CP-6; CP-9(6)"); without, every bundled framework's as
     * "framework:control".
     */
    static final List<Column> COLUMNS = List.of(
            new Column("workload", l -> l.workload().name()),
            new Column("ruleId", l -> l.evaluation().getRuleId()),
            new Column("ruleTitle", l -> rule(l) == null ? null : rule(l).title()),
            new Column("section", l -> l.evaluation().getSection()),
            new Column("severity", l -> l.evaluation().getSeverity() == null ? null : l.evaluation().getSeverity().name()),
            new Column("complianceType", l -> l.evaluation().getComplianceType().name()),
            new Column("waived", l -> String.valueOf(l.evaluation().isWaived())),
            new Column("resourceType", l -> l.evaluation().getResourceType()),
            new Column("resourceId", l -> l.evaluation().getResourceId()),
            new Column("resourceName", l -> l.evaluation().getResourceName()),
            new Column("accountId", l -> l.evaluation().getAccountId()),
            new Column("region", l -> l.evaluation().getRegion()),
            new Column("recoveryRegion", l -> l.evaluation().getRecoveryRegion()),
            new Column("counterpartResourceId", l -> l.counterpart() == null ? null : l.counterpart().resourceId()),
            new Column("counterpartRegion", l -> l.counterpart() == null ? null : l.counterpart().region()),
            new Column("annotation", l -> l.evaluation().getAnnotation()),
            new Column("waiverReason", l -> l.waiver() == null ? null : l.waiver().reason()),
            new Column("waiverApprover", l -> l.waiver() == null ? null : l.waiver().approver()),
            new Column("waiverOwner", l -> l.waiver() == null ? null : l.waiver().owner()),
            new Column("waiverExpires", l -> l.waiver() == null ? null : l.waiver().expires()),
            new Column("inventoryAt", l -> l.report().inventoryAt()),
            new Column("reportGeneratedAt", l -> l.report().generatedAt()),
            new Column("accountName", l -> l.accountNames().get(l.evaluation().getAccountId())),
            new Column("blocking", l -> String.valueOf(l.blocking())),
            new Column("frameworkControls", l -> String.join("; ", FrameworkView.controlIds(l.evaluation().getRuleId(), l.framework()))),
            new Column("remediation", l -> RuleDocs.remediationLink(l.evaluation().getSection(), l.evaluation().getRuleId())),
            new Column("direction", l -> l.workload().directionOrDefault().id));

    public static final List<String> HEADER = COLUMNS.stream().map(Column::name).toList();

    private static Report.RuleRef rule(Line l) { return l.rules().get(l.evaluation().getRuleId()); }

    public static void write(Report report, Writer out) throws IOException {
        write(report, null, out);
    }

    /** @param framework the framework of --framework, or null (see the frameworkControls column) */
    public static void write(Report report, io.failready.rules.Frameworks.Framework framework, Writer out) throws IOException {
        Map<String, Report.RuleRef> rules = new HashMap<>();
        if (report.rules() != null) for (Report.RuleRef r : report.rules()) rules.put(r.id(), r);
        Map<String, String> names = ReportFacts.accountNames(report);
        row(out, HEADER.toArray(String[]::new));
        if (report.workloads() == null) return;
        String[] cells = new String[COLUMNS.size()];
        for (Report.WorkloadReport w : report.workloads()) {
            GatePolicy policy = ReportFacts.policyOf(w);
            for (Evaluation e : ReportFacts.evaluations(w)) {
                Line line = new Line(report, w, e, policy.blocks(e), rules, names, framework);
                for (int i = 0; i < cells.length; i++) cells[i] = COLUMNS.get(i).value().apply(line);
                row(out, cells);
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
