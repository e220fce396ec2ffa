package io.failready.report;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Output formats and their file names in --out DIR. */
public enum ReportFormat {
    JSON("report.json"), HTML("report.html"), JUNIT("junit.xml"), MD("summary.md"), CSV("evaluations.csv"),
    /** Security tooling: OCSF Compliance Findings, Security Hub (ASFF) import batches, SARIF for code scanning. */
    OCSF("findings.ocsf.json"), ASFF("findings.asff.json"), SARIF("report.sarif");

    private final String fileName;
    ReportFormat(String fileName) { this.fileName = fileName; }
    public String fileName() { return fileName; }

    /** "json,html" -> {JSON, HTML}; "all" -> every format. */
    public static Set<ReportFormat> parse(String list) {
        Set<ReportFormat> out = EnumSet.noneOf(ReportFormat.class);
        for (String s : list.split(",")) {
            String t = s.trim().toUpperCase(Locale.ROOT);
            if (t.isEmpty()) continue;
            if (t.equals("ALL")) return EnumSet.allOf(ReportFormat.class);
            if (t.equals("MARKDOWN")) t = "MD";
            try {
                out.add(valueOf(t));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown report format '" + s.trim() + "' (choose from json, html, junit, md, csv, ocsf, asff, sarif, all)");
            }
        }
        if (out.isEmpty()) throw new IllegalArgumentException("no report format given");
        return out;
    }
}
