package io.failready.report;

import freemarker.template.Template;
import io.failready.util.Json;
import io.failready.util.OutputSet;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a {@link History} as history.html (inline SVG line charts, no script, no network),
 * history.csv (one row per report, workload and scope) and history.json, as one set under the
 * directory's lock ({@link OutputSet}), like the reports.
 */
public final class HistoryWriter {
    private HistoryWriter() {}

    public enum Format {
        HTML("history.html"), CSV("history.csv"), JSON("history.json");

        private final String fileName;
        Format(String f) { this.fileName = f; }
        public String fileName() { return fileName; }

        public static Set<Format> parse(String list) {
            Set<Format> out = new TreeSet<>();
            for (String s : list.split(",")) {
                String t = s.trim().toUpperCase(Locale.ROOT);
                if (t.isEmpty()) continue;
                if (t.equals("ALL")) return new TreeSet<>(List.of(values()));
                try {
                    out.add(valueOf(t));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("unknown history format '" + s.trim() + "' (choose from html, csv, json, all)");
                }
            }
            if (out.isEmpty()) throw new IllegalArgumentException("no history format given");
            return out;
        }
    }

    /** Stable columns; scope is workload, section or account, name the section or account id. */
    public static final List<String> CSV_HEADER = List.of("generatedAt", "inventoryAt", "inventoryAgeSeconds", "file", "workload",
            "scope", "name", "verdict", "score", "nonCompliant", "insufficientData", "compliant", "notApplicable", "waived",
            "newFindings", "resolved", "regressed", "disappeared");

    public static List<Path> write(History h, Path outDir, Set<Format> formats, int top) throws IOException {
        try (OutputSet set = OutputSet.open(outDir, "--out")) {
            List<String> names = new ArrayList<>();
            for (Format f : formats) {
                Path target = set.staging().resolve(f.fileName());
                switch (f) {
                    case HTML -> ReportWriters.text(target, w -> html(h, top, w));
                    case CSV -> ReportWriters.text(target, w -> csv(h, w));
                    case JSON -> ReportWriters.text(target, w -> w.write(Json.MAPPER.writeValueAsString(h) + "\n"));
                }
                names.add(f.fileName());
            }
            List<Path> written = new ArrayList<>();
            for (Path p : set.commit(names)) written.add(outDir.resolve(p.getFileName().toString()));
            return written;
        }
    }

    static void csv(History h, Writer out) throws IOException {
        row(out, CSV_HEADER.toArray(String[]::new));
        for (History.Source src : h.reports()) {
            for (History.WorkloadSeries w : h.workloads()) {
                for (History.Step s : w.steps()) {
                    if (!s.file().equals(src.file())) continue;
                    String age = s.inventoryAgeSeconds() == null ? null : String.valueOf(s.inventoryAgeSeconds());
                    line(out, s, age, w.name(), "workload", w.name(), s.verdict(), s.score(), s.counts(), s.changes());
                    for (History.Point p : s.sections()) line(out, s, age, w.name(), "section", p.name(), null, p.score(), p.counts(), p.changes());
                    for (History.Point p : s.accounts()) line(out, s, age, w.name(), "account", p.name(), null, p.score(), p.counts(), p.changes());
                }
            }
        }
    }

    private static void line(Writer out, History.Step s, String age, String workload, String scope, String name, String verdict,
                             Double score, History.Counts c, History.Changes ch) throws IOException {
        row(out, s.generatedAt(), s.inventoryAt(), age, s.file(), workload, scope, name, verdict, score == null ? null : ReportFacts.scoreText(score),
                n(c.nonCompliant()), n(c.insufficientData()), n(c.compliant()), n(c.notApplicable()), n(c.waived()),
                ch == null ? null : n(ch.newFindings()), ch == null ? null : n(ch.resolved()),
                ch == null ? null : n(ch.regressed()), ch == null ? null : n(ch.disappeared()));
    }

    private static String n(long v) { return String.valueOf(v); }

    private static void row(Writer out, String... cells) throws IOException {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) out.write(',');
            out.write(CsvReportWriter.field(cells[i]));
        }
        out.write("\r\n");
    }

    /** The page has no script at all: its policy allows none, and only the stylesheet whose hash it names. */
    static void html(History h, int top, Writer out) throws IOException {
        HistoryModel model = HistoryModel.of(h, top);
        String css = HtmlReportWriter.inlineable(HtmlReportWriter.asset(null, "assets/report.css"), "style", "assets/report.css");
        Map<String, Object> assets = new HashMap<>();
        assets.put("css", css);
        assets.put("csp", "default-src 'none'; img-src data:; style-src '" + HtmlReportWriter.sha256(css)
                + "'; script-src 'none'; base-uri 'none'; form-action 'none'");
        Map<String, Object> root = new HashMap<>();
        root.put("model", model);
        root.put("assets", assets);
        root.put("msg", HtmlReportWriter.messages(null));
        try {
            Template t = HtmlReportWriter.freemarker(null).getTemplate("history.ftlh");
            t.process(root, out);
        } catch (freemarker.template.TemplateException e) {
            throw new IllegalStateException("HTML history rendering failed: " + e.getMessage(), e);
        }
    }
}
