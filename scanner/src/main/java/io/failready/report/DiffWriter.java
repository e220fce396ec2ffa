package io.failready.report;

import io.failready.util.Json;
import io.failready.util.Terminal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Renders a {@link ReportDiff} as plain text (terminals), Markdown (PR comments) or JSON (tools). */
public final class DiffWriter {
    private DiffWriter() {}

    public enum Format {
        TEXT("diff.txt"), MD("diff.md"), JSON("diff.json");

        private final String fileName;
        Format(String f) { this.fileName = f; }
        public String fileName() { return fileName; }

        public static Format parse(String s) {
            String t = s == null ? "" : s.trim().toUpperCase(Locale.ROOT);
            if (t.equals("MARKDOWN")) t = "MD";
            try {
                return valueOf(t);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown diff format '" + s + "' (choose from md, json, text)");
            }
        }
    }

    /** Lists longer than this are cut with "and N more" in text and Markdown; JSON is complete. */
    static final int MAX_LISTED = 200;

    public static String render(ReportDiff d, Format f) { return render(d, f, java.util.Map.of()); }

    /** @param names account id to name ({@link ReportFacts#accountNames}), shown as "name (id)"; JSON keeps ids only */
    public static String render(ReportDiff d, Format f, java.util.Map<String, String> names) {
        return switch (f) {
            case TEXT -> text(d, names);
            case MD -> markdown(d, names);
            case JSON -> json(d);
        };
    }

    public static String json(ReportDiff d) {
        try {
            return Json.MAPPER.writeValueAsString(d) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(ReportDiff d) { return text(d, java.util.Map.of()); }

    public static String text(ReportDiff d, java.util.Map<String, String> names) {
        StringBuilder sb = new StringBuilder();
        sb.append("failready diff: ").append(Terminal.safe(ReportFacts.whenText(d.old().inventoryAt(), d.old().generatedAt(), d.current().inventoryAt(),
                d.current().generatedAt()))).append('\n');
        sb.append(d.summary().newFindings()).append(" new (").append(d.summary().newBlocking()).append(" blocking), ")
                .append(d.summary().regressed()).append(" regressed, ").append(d.summary().resolved()).append(" resolved, ")
                .append(d.summary().disappeared()).append(" disappeared (no longer judged), ").append(d.summary().unchanged())
                .append(" still open\n");
        for (ReportDiff.WorkloadDiff w : d.workloads()) {
            sb.append("\n").append(Terminal.safe(w.name()));
            if (!"CHANGED".equals(w.status())) sb.append(" (").append(w.status().toLowerCase(Locale.ROOT)).append(')');
            sb.append(": ").append(Terminal.safe(nz(w.oldVerdict(), "-"))).append(" -> ").append(Terminal.safe(nz(w.newVerdict(), "-")))
                    .append(", score ").append(ReportFacts.scoreText(w.oldScore())).append(" -> ").append(ReportFacts.scoreText(w.newScore()));
            if (w.scoreDelta() != null) sb.append(" (").append(ascii(ReportFacts.deltaText(w.scoreDelta()))).append(')');
            sb.append('\n');
            for (ReportDiff.SectionDelta s : w.sections()) {
                if (s.scoreDelta() != null && s.scoreDelta() == 0) continue;
                sb.append(String.format(Locale.ROOT, "  %-13s %6s -> %-6s %s%n", Terminal.safe(s.name()), ReportFacts.scoreText(s.oldScore()),
                        ReportFacts.scoreText(s.newScore()), s.scoreDelta() == null ? "" : ascii(ReportFacts.deltaText(s.scoreDelta()))));
            }
            textList(sb, "Regressed", w.regressed(), names);
            textList(sb, "New", w.newFindings(), names);
            textList(sb, "Resolved", w.resolved(), names);
            textList(sb, "Disappeared (gone or not collected; not evidence of a fix)", w.disappeared(), names);
        }
        return sb.toString();
    }

    private static void textList(StringBuilder sb, String title, List<ReportDiff.Change> list, java.util.Map<String, String> names) {
        if (list.isEmpty()) return;
        sb.append("  ").append(title).append(" (").append(list.size()).append("):\n");
        for (int i = 0; i < Math.min(MAX_LISTED, list.size()); i++) {
            ReportDiff.Change c = list.get(i);
            sb.append("    ").append(String.format(Locale.ROOT, "%-8s", Terminal.safe(nz(c.severity())))).append(' ')
                    .append(Terminal.safe(c.ruleId())).append(' ')
                    .append(Terminal.safe(c.resourceId())).append(" [").append(Terminal.safe(ReportFacts.accountLabel(names, c.accountId()))).append(' ')
                    .append(Terminal.safe(where(c).replace("→", "->"))).append("] ")
                    .append(Terminal.safe(c.before())).append(" -> ").append(Terminal.safe(c.after())).append('\n');
        }
        if (list.size() > MAX_LISTED) sb.append("    ... and ").append(list.size() - MAX_LISTED).append(" more\n");
    }

    public static String markdown(ReportDiff d) { return markdown(d, java.util.Map.of()); }

    public static String markdown(ReportDiff d, java.util.Map<String, String> names) {
        StringBuilder md = new StringBuilder();
        md.append("## failready diff\n\n").append(MarkdownSummaryWriter.esc(ReportFacts.whenText(d.old().inventoryAt(), d.old().generatedAt(),
                d.current().inventoryAt(), d.current().generatedAt()).replace(" -> ", " → "))).append("\n\n");
        md.append("**").append(d.summary().newFindings()).append("** new (").append(d.summary().newBlocking())
                .append(" blocking) · **").append(d.summary().regressed())
                .append("** regressed · **").append(d.summary().resolved()).append("** resolved · **")
                .append(d.summary().disappeared()).append("** disappeared (no longer judged) · ")
                .append(d.summary().unchanged()).append(" still open\n\n");
        md.append("| Workload | Section | Before | Now | Change |\n|---|---|---:|---:|---:|\n");
        for (ReportDiff.WorkloadDiff w : d.workloads()) {
            md.append("| **").append(MarkdownSummaryWriter.cell(w.name())).append("** | overall (")
                    .append(nz(w.oldVerdict(), "—")).append(" → ").append(nz(w.newVerdict(), "—")).append(") | ")
                    .append(ReportFacts.scoreText(w.oldScore())).append(" | ").append(ReportFacts.scoreText(w.newScore())).append(" | ")
                    .append(ReportFacts.deltaText(w.scoreDelta())).append(" |\n");
            for (ReportDiff.SectionDelta s : w.sections()) {
                md.append("| | ").append(MarkdownSummaryWriter.cell(s.name())).append(" | ").append(ReportFacts.scoreText(s.oldScore()))
                        .append(" | ").append(ReportFacts.scoreText(s.newScore())).append(" | ").append(ReportFacts.deltaText(s.scoreDelta())).append(" |\n");
            }
        }
        for (ReportDiff.WorkloadDiff w : d.workloads()) {
            mdList(md, w.name(), "Regressed", w.regressed(), names);
            mdList(md, w.name(), "New findings", w.newFindings(), names);
            mdList(md, w.name(), "Resolved", w.resolved(), names);
            mdList(md, w.name(), "Disappeared (gone or not collected; not evidence of a fix)", w.disappeared(), names);
        }
        return MarkdownSummaryWriter.capped(md.toString());
    }

    private static void mdList(StringBuilder md, String workload, String title, List<ReportDiff.Change> list, java.util.Map<String, String> names) {
        if (list.isEmpty()) return;
        md.append("\n### ").append(MarkdownSummaryWriter.cell(workload)).append(": ").append(title).append(" (").append(list.size()).append(")\n\n");
        md.append("| Severity | Rule | Resource | Where | Before → now | Annotation |\n|---|---|---|---|---|---|\n");
        for (int i = 0; i < Math.min(MAX_LISTED, list.size()); i++) {
            ReportDiff.Change c = list.get(i);
            md.append("| ").append(nz(c.severity())).append(" | ").append(MarkdownSummaryWriter.code(c.ruleId())).append(" | ")
                    .append(MarkdownSummaryWriter.cell(c.resourceName() != null ? c.resourceName() : c.resourceId())).append(" | ")
                    .append(MarkdownSummaryWriter.cell(ReportFacts.accountLabel(names, c.accountId()) + " " + where(c))).append(" | ").append(c.before())
                    .append(" → ").append(c.after()).append(" | ").append(MarkdownSummaryWriter.cell(c.annotation())).append(" |\n");
        }
        if (list.size() > MAX_LISTED) md.append("\n_…and ").append(list.size() - MAX_LISTED).append(" more._\n");
    }

    private static String where(ReportDiff.Change c) { return ReportFacts.where(c.region(), c.recoveryRegion()); }

    private static String ascii(String delta) { return delta.replace('−', '-').replace("±", "+/-"); }

    private static String nz(String s) { return s == null ? "" : s; }
    private static String nz(String s, String dflt) { return s == null ? dflt : s; }
}
