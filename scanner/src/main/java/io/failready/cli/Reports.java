package io.failready.cli;

import io.failready.evaluate.Verdict;
import io.failready.model.Report;
import io.failready.report.ReportFacts;
import io.failready.report.ReportReader;
import io.failready.report.ReportWriters;
import io.failready.rules.RuleCatalog;
import io.failready.util.Terminal;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writing reports and the short terminal summary that scan, evaluate and gate share. */
final class Reports {
    private Reports() {}

    /** Writes every requested format; returns the files written (the JSON report first when there is one). */
    static List<Path> write(Report report, EvaluationOptions o, RuleCatalog catalog, PrintWriter out) throws IOException {
        return write(report, o, catalog, out, Map.of());
    }

    /** @param extras further files written and renamed with the reports as one set (the kept snapshot) */
    static List<Path> write(Report report, EvaluationOptions o, RuleCatalog catalog, PrintWriter out, Map<String, byte[]> extras) throws IOException {
        Report previous = o.previous == null ? null : ReportReader.read(o.previous);
        List<Path> files = ReportWriters.write(report, previous, o.out, o.formats(), id -> Pipeline.ruleDoc(catalog, id), null, extras, null, o.framework());
        for (Path p : files) out.println("wrote " + Terminal.safe(p.toString()));
        return files;
    }

    /** READY 0, NOT_READY 3, UNKNOWN 4 — the worst verdict over all workloads. */
    static int exitCode(Report report) {
        boolean unknown = false;
        for (Report.WorkloadReport w : report.workloads()) {
            if (Verdict.NOT_READY.name().equals(w.verdict())) return ExitCodes.NOT_READY;
            if (Verdict.UNKNOWN.name().equals(w.verdict())) unknown = true;
        }
        return unknown ? ExitCodes.UNKNOWN : ExitCodes.OK;
    }

    static void summary(Report report, PrintWriter out) {
        for (Report.WorkloadReport w : report.workloads()) {
            out.printf("%s: %s  score %s  (%s, %s)%n", Terminal.safe(ReportFacts.title(w)), Terminal.safe(w.verdict()), fmt(w.score()),
                    Terminal.safe(ReportFacts.route(w)), Terminal.safe(w.strategy()));
            StringBuilder sb = new StringBuilder("  sections:");
            for (Report.SectionScore s : w.sections()) sb.append(' ').append(Terminal.safe(s.name())).append(' ').append(fmt(s.score()));
            out.println(sb);
            for (Report.SectionScore s : w.sections()) if (s.note() != null) out.printf("  %s: nothing judged. %s%n", s.name(), s.note());
            out.printf("  blocking: %d non-compliant, %d lacking data (fail on %s and above)%n",
                    ReportFacts.blocking(w).size(), ReportFacts.lackingData(w).size(), Terminal.safe(w.blocking().failOn()));
        }
        Map<String, Long> c = ReportFacts.counts(report);
        out.printf("evaluations: %d (%d non-compliant, %d insufficient data, %d compliant, %d not applicable, %d waived; "
                        + "waived ones counted only as waived); collection gaps: %d%n",
                ReportFacts.allEvaluations(report).size(), c.get("NON_COMPLIANT"), c.get("INSUFFICIENT_DATA"), c.get("COMPLIANT"),
                c.get("NOT_APPLICABLE"), c.get("WAIVED"), report.collectionGaps() == null ? 0 : report.collectionGaps().size());
    }

    static String fmt(Double d) { return d == null ? "n/a" : String.format(java.util.Locale.ROOT, "%.1f", d); }
}
