package io.failready.report;

import io.failready.model.Report;

import io.failready.model.Evaluation;
import io.failready.facts.CollectionGap;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * summary.md: sized for a pull-request comment or a GitHub job summary ($GITHUB_STEP_SUMMARY
 * takes up to 1 MiB, a PR comment 65,536 characters). Verdict, score table, the top blocking
 * findings (capped, "and N more"), collection gaps. Hard-capped below {@link #MAX_BYTES}.
 * Every AWS-derived value is escaped: GitHub renders inline HTML and table pipes.
 */
public final class MarkdownSummaryWriter {
    private MarkdownSummaryWriter() {}

    public static final int MAX_BYTES = 60 * 1024;
    public static final int TOP_FINDINGS = 20;
    static final int TOP_GAPS = 10;
    static final int MAX_CELL = 160;

    /** Fix-first groups in the summary: the few a reader acts on today. */
    public static final int TOP_FIX_GROUPS = 5;

    public static String render(Report report, Report previous) {
        return render(report, previous, null, null);
    }

    /** @param inventoryOf workload name to its inventory time (a portfolio of reports of different ages), or null: the report's own */
    public static String render(Report report, Report previous, java.util.function.Function<String, String> inventoryOf) {
        return render(report, previous, inventoryOf, null);
    }

    /**
     * @param inventoryOf workload name to its inventory time (a portfolio of reports of different ages), or null: the report's own
     * @param framework the --framework view's control status, or null
     */
    public static String render(Report report, Report previous, java.util.function.Function<String, String> inventoryOf,
                                FrameworkView.Status framework) {
        java.util.function.Function<String, String> inventory = inventoryOf != null ? inventoryOf : w -> report.inventoryAt();
        java.util.Map<String, String> names = ReportFacts.accountNames(report);
        StringBuilder md = new StringBuilder(8192);
        String verdict = ReportFacts.overallVerdict(report);
        md.append("## ").append(icon(verdict)).append(" failready: ").append(verdict)
                .append(" — score ").append(ReportFacts.scoreText(ReportFacts.overallScore(report)));
        ReportDiff diff = previous == null ? null : ReportDiff.of(previous, report);
        if (previous != null) {
            String d = ReportFacts.deltaText(ReportDiff.delta(ReportFacts.overallScore(previous), ReportFacts.overallScore(report)));
            if (!d.isEmpty()) {
                md.append(" (").append(d).append(" since the inventory of ")
                        .append(esc(ReportFacts.orUnknown(previous.inventoryAt()))).append(')');
            }
        }
        md.append("\n\n");
        md.append("Inventory collected ").append(esc(ReportFacts.orUnknown(report.inventoryAt())))
                .append("; report written ").append(esc(report.generatedAt()));
        if (report.asOf() != null && !report.asOf().equals(report.generatedAt())) md.append("; dates judged as of ").append(esc(report.asOf()));
        if (report.tool() != null) md.append(" by ").append(esc(report.tool().name())).append(' ').append(esc(report.tool().version()));
        md.append(".\n\n");
        Report.BaselineSource base = report.sources() == null ? null : report.sources().baseline();
        if (base != null && !base.stoodInFor().isEmpty()) {
            // an incident pre-check: say which data is not live before anyone reads the verdict as if it were
            long used = ReportFacts.allEvaluations(report).stream().filter(e -> e.getBaseline() != null).count();
            md.append("**Incident pre-check**: ").append(esc(String.join(", ", base.stoodInFor().stream()
                            .map(x -> x.accountId() + "/" + x.region()).toList())))
                    .append(" answered no call; the baseline ").append(esc(base.path())).append(" (collected ").append(esc(base.collectedAt()))
                    .append(", ").append(new Evaluation.BaselineRef(base.collectedAt(), base.ageSeconds()).label())
                    .append(") stood in for it in ").append(used).append(" evaluations, marked as such. Everything else was read live.\n\n");
        }
        java.util.Map<String, Long> c = ReportFacts.counts(report);
        md.append(ReportFacts.allEvaluations(report).size()).append(" evaluations: ").append(c.get("NON_COMPLIANT"))
                .append(" non-compliant, ").append(c.get("INSUFFICIENT_DATA")).append(" insufficient data, ")
                .append(c.get("COMPLIANT")).append(" compliant, ").append(c.get("NOT_APPLICABLE")).append(" not applicable, ")
                .append(c.get("WAIVED")).append(" waived (a waived evaluation is counted only as waived; the section tables likewise).\n\n");

        boolean portfolio = workloads(report).size() > 1;
        md.append("| Workload | Owner | Regions | Verdict | Score |").append(diff != null ? " Change |" : "").append(" Blocking | Lacking data |")
                .append(portfolio ? " Inventory age |" : "").append('\n');
        md.append("|---|---|---|---|---:|").append(diff != null ? "---:|" : "").append("---:|---:|").append(portfolio ? "---|" : "").append('\n');
        // worst first, as the HTML portfolio table: the workload to look at is on the first line
        for (Scorecards.WorkloadRow row : Scorecards.workloads(report, diff, inventory)) {
            Report.WorkloadReport w = row.workload();
            md.append("| ").append(cell(ReportFacts.title(w))).append(" | ").append(cell(w.owner())).append(" | ")
                    .append(cell(ReportFacts.route(w).replace("failback ", "").replace(" -> ", " → ")))
                    .append(" | ").append(icon(w.verdict())).append(' ').append(cell(w.verdict()))
                    .append(" | ").append(ReportFacts.scoreText(w.score())).append(" |");
            if (diff != null) md.append(' ').append(workloadDelta(diff, ReportFacts.title(w))).append(" |");
            md.append(' ').append(row.blocking()).append(" | ").append(row.lacking()).append(" |");
            if (portfolio) md.append(' ').append(cell(Scorecards.age(row.inventoryAt(), report.generatedAt()))).append(" |");
            md.append('\n');
        }
        md.append('\n');

        List<Scorecards.FixGroup> fix = Scorecards.fixFirst(report);
        if (!fix.isEmpty()) {
            java.util.Map<String, String> sections = new java.util.HashMap<>();
            if (report.rules() != null) for (Report.RuleRef r : report.rules()) if (r.section() != null) sections.put(r.id(), r.section());
            md.append("### Fix first").append(fix.size() > TOP_FIX_GROUPS ? " (top " + TOP_FIX_GROUPS + " of " + fix.size() + " groups)" : "").append("\n\n")
                    .append("Blocking findings by rule; score gain = the workload's score with that rule's blocking findings fixed, minus its score now.\n\n");
            md.append("| Rule | Workload | Findings | Resources | Score gain | Accounts | Remediation |\n|---|---|---:|---:|---:|---|---|\n");
            for (Scorecards.FixGroup g : fix.subList(0, Math.min(TOP_FIX_GROUPS, fix.size()))) {
                String accounts = String.join(", ", g.accounts().stream().limit(3).map(a -> cell(a.label()) + " ×" + a.findings()).toList())
                        + (g.accounts().size() > 3 ? " and " + (g.accounts().size() - 3) + " more" : "");
                String link = RuleDocs.remediationLink(sections.get(g.ruleId()), g.ruleId());
                md.append("| ").append(code(g.ruleId())).append(" | ").append(cell(g.workload())).append(" | ").append(g.findings())
                        .append(" | ").append(g.resources()).append(" | ").append(g.gain() == null ? "n/a" : "+" + ReportFacts.scoreText(g.gain()))
                        .append(" | ").append(accounts).append(" | ")
                        .append(link == null ? "`failready rules explain`" : "[how to fix](" + link + ")").append(" |\n");
            }
            md.append('\n');
        }

        // a verdict that rests on rules nobody judged, or on findings let through, says so
        for (Report.WorkloadReport w : workloads(report)) {
            List<Evaluation> warned = ReportFacts.warnedOnly(w);
            List<Report.DisabledRule> disabled = ReportFacts.disabled(w);
            if (warned.isEmpty() && disabled.isEmpty()) continue;
            md.append("**").append(cell(ReportFacts.title(w))).append("** relaxed by policy:");
            if (!warned.isEmpty()) {
                md.append(" warn-only, ").append(warned.size()).append(" finding").append(warned.size() == 1 ? "" : "s")
                        .append(" would have blocked (").append(String.join(", ", warned.stream().map(Evaluation::getRuleId).distinct()
                                .map(MarkdownSummaryWriter::code).toList())).append(");");
            }
            if (!disabled.isEmpty()) {
                md.append(" disabled, not evaluated: ").append(String.join(", ", disabled.stream()
                        .map(d -> code(d.rule()) + (d.source() == null ? "" : " (" + cell(d.source()) + ")")).toList())).append('.');
            }
            md.append("\n\n");
        }

        // no account could be read (AWS did not answer): an empty table must not pass for an empty estate
        for (Report.WorkloadReport w : workloads(report)) {
            if (w.evaluations() != null && !w.evaluations().isEmpty()) continue;
            md.append("**").append(cell(ReportFacts.title(w))).append("**: nothing could be judged (no inventory was collected; see the collection gaps), "
                    + "so the verdict is ").append(cell(w.verdict())).append(".\n\n");
        }

        for (Report.WorkloadReport w : workloads(report)) {
            md.append("<details><summary>Scores by section — ").append(cell(ReportFacts.title(w))).append("</summary>\n\n");
            md.append("| Section | Score | Compliant | Non-compliant | Insufficient data | Not applicable | Waived |\n");
            md.append("|---|---:|---:|---:|---:|---:|---:|\n");
            if (w.sections() != null) for (Report.SectionScore s : w.sections()) {
                md.append("| ").append(cell(s.name())).append(" | ").append(ReportFacts.scoreText(s.score())).append(" | ")
                        .append(s.compliant()).append(" | ").append(s.nonCompliant()).append(" | ").append(s.insufficientData())
                        .append(" | ").append(s.notApplicable()).append(" | ").append(s.waived()).append(" |\n");
            }
            if (w.sections() != null) for (Report.SectionScore s : w.sections()) {
                if (s.note() != null) md.append("\n**").append(cell(s.name())).append("**: nothing judged. ").append(esc(s.note().replaceAll("[\\r\\n\\t]+", " "))).append('\n');
            }
            md.append("\n</details>\n\n");
        }

        if (framework != null) {
            md.append("### ").append(esc(framework.name())).append(" controls\n\n");
            md.append("Status from each control's rules, worst first (a control none of whose rules was evaluated is INSUFFICIENT_DATA; "
                    + "waived findings do not fail a control). Verdict and score above are the whole checklist's.\n\n");
            md.append("| Control | Status | Non-compliant | Insufficient data | Compliant | Not applicable | Waived |\n");
            md.append("|---|---|---:|---:|---:|---:|---:|\n");
            for (FrameworkView.ControlStatus ctl : framework.controls()) {
                md.append("| ").append(code(ctl.id())).append(' ').append(cell(ctl.title())).append(" | ").append(icon(ctl.status().equals("COMPLIANT") ? "READY" : ctl.status().equals("NON_COMPLIANT") ? "NOT_READY" : ctl.status())).append(' ')
                        .append(ctl.status()).append(" | ").append(ctl.nonCompliant()).append(" | ").append(ctl.insufficientData()).append(" | ")
                        .append(ctl.compliant()).append(" | ").append(ctl.notApplicable()).append(" | ").append(ctl.waived()).append(" |\n");
            }
            md.append('\n');
        }

        List<Object[]> blocking = new ArrayList<>();
        for (Report.WorkloadReport w : workloads(report)) for (Evaluation e : ReportFacts.blocking(w)) blocking.add(new Object[]{ReportFacts.title(w), e});
        blocking.sort((a, b) -> Evaluation.REPORT_ORDER.compare((Evaluation) a[1], (Evaluation) b[1]));
        if (!blocking.isEmpty()) {
            md.append("### Blocking findings (").append(blocking.size()).append(")\n\n");
            boolean several = workloads(report).size() > 1;
            md.append(several ? "| Workload " : "").append("| Severity | Rule | Resource | Account | Where | Why |\n")
                    .append(several ? "|---" : "").append("|---|---|---|---|---|---|\n");
            for (int i = 0; i < Math.min(TOP_FINDINGS, blocking.size()); i++) {
                Evaluation e = (Evaluation) blocking.get(i)[1];
                if (several) md.append("| ").append(cell((String) blocking.get(i)[0])).append(' ');
                md.append("| ").append(e.getSeverity()).append(" | ").append(code(e.getRuleId())).append(" | ")
                        .append(cell(ReportFacts.displayName(e, names))).append(" | ").append(cell(ReportFacts.accountLabel(names, e.getAccountId()))).append(" | ")
                        .append(cell(ReportFacts.where(e))).append(" | ").append(cell(e.getAnnotation())).append(" |\n");
            }
            if (blocking.size() > TOP_FINDINGS) {
                md.append("\n_…and ").append(blocking.size() - TOP_FINDINGS).append(" more; see report.html or evaluations.csv._\n");
            }
            md.append('\n');
        } else {
            md.append("No blocking findings.\n\n");
        }

        if (diff != null) {
            md.append("### Since the previous report\n\n")
                    .append("- New findings: ").append(diff.summary().newFindings()).append('\n')
                    .append("- Regressed (were compliant or waived): ").append(diff.summary().regressed()).append('\n')
                    .append("- Resolved: ").append(diff.summary().resolved()).append('\n')
                    .append("- Disappeared (gone or not collected; not evidence of a fix): ").append(diff.summary().disappeared()).append("\n\n");
        }

        List<CollectionGap> gaps = report.collectionGaps() == null ? List.of() : report.collectionGaps();
        if (!gaps.isEmpty()) {
            md.append("### Collection gaps (").append(gaps.size()).append(")\n\n")
                    .append("Data that could not be collected; affected evaluations are INSUFFICIENT_DATA, never a pass.\n\n");
            for (int i = 0; i < Math.min(TOP_GAPS, gaps.size()); i++) {
                CollectionGap g = gaps.get(i);
                md.append("- ").append(cell(ReportFacts.accountLabel(names, g.getAccountId()))).append(' ').append(cell(g.getRegion())).append(' ')
                        .append(code(g.getService() + (g.getOperation() == null ? "" : ":" + g.getOperation())))
                        .append(" — ").append(cell(g.getErrorCode())).append('\n');
            }
            if (gaps.size() > TOP_GAPS) md.append("- _…and ").append(gaps.size() - TOP_GAPS).append(" more._\n");
            md.append('\n');
        }
        return capped(md.toString());
    }

    private static List<Report.WorkloadReport> workloads(Report r) { return r.workloads() == null ? List.of() : r.workloads(); }

    private static String workloadDelta(ReportDiff diff, String name) {
        for (ReportDiff.WorkloadDiff w : diff.workloads()) {
            if (w.name().equals(name)) return w.scoreDelta() == null ? "—" : ReportFacts.deltaText(w.scoreDelta());
        }
        return "—";
    }

    static String icon(String verdict) {
        return switch (verdict == null ? "" : verdict) {
            case "READY" -> "✅";
            case "NOT_READY" -> "❌";
            default -> "⚠️";
        };
    }

    /** Cut at a line boundary so the summary always fits a PR comment. */
    static String capped(String md) {
        if (md.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES) return md;
        String note = "\n_…summary truncated to fit; see report.html._\n";
        int budget = MAX_BYTES - note.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder out = new StringBuilder();
        int used = 0;
        for (String line : md.split("\n", -1)) {
            int len = line.getBytes(StandardCharsets.UTF_8).length + 1;
            if (used + len > budget) break;
            out.append(line).append('\n');
            used += len;
        }
        return out + note;
    }

    /** A table cell: escaped, one line, bounded. */
    static String cell(String s) {
        if (s == null) return "";
        String t = s.replaceAll("[\\r\\n\\t]+", " ");
        if (t.length() > MAX_CELL) t = t.substring(0, MAX_CELL - 1) + "…";
        return esc(t);
    }

    /**
     * GitHub-flavoured Markdown escaping for AWS-supplied text, so it renders as the literal text
     * and nothing else: Markdown punctuation (and {@code < > &}, so no inline HTML, {@code <...>}
     * autolink or entity) is backslash-escaped — not HTML-escaped, so the file also reads right as
     * plain text; pipes cannot end a cell; a zero-width space after {@code @} and inside URL
     * schemes and {@code www.} stops @mentions (which notify people) and bare-URL autolinks;
     * control characters and bidi controls become U+FFFD.
     */
    static String esc(String s) {
        if (s == null) return "";
        String t = AUTOLINK.matcher(s).replaceAll("$1\u200b");
        StringBuilder out = new StringBuilder(t.length() + 8);
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            switch (c) {
                case '|', '\\', '`', '*', '_', '[', ']', '#', '!', '~', '(', ')', '<', '>', '&', '$' -> out.append('\\').append(c);
                case '@' -> out.append("@\u200b");
                // C0/C1 controls and bidi overrides/isolates/marks: a PR comment must read as the bytes are
                default -> out.append(io.failready.util.Terminal.isUnsafeInFile(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** Scheme names and "www" that GitHub turns into links when followed by "://", ":" or ".". */
    private static final java.util.regex.Pattern AUTOLINK =
            java.util.regex.Pattern.compile("(?i)(\\b(?:https?|ftp|mailto|xmpp)(?=:)|\\bwww(?=\\.))");

    /** Rule ids are safe identifiers in practice; anything else falls back to escaped text. */
    static String code(String s) {
        if (s == null) return "";
        return s.matches("[A-Za-z0-9_.:/*-]{1,200}") ? "`" + s + "`" : cell(s);
    }
}
