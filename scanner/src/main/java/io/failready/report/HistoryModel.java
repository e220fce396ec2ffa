package io.failready.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The prepared view {@code history.ftlh} renders: every chart coordinate, label and table cell is
 * decided here (as {@link ReportModel} does for the report), so the template only places them.
 * Charts stay readable at 60 reports and hundreds of accounts: x labels thin out, and a chart draws
 * the {@code top} worst series by their latest score plus one "other N (mean)" line; the table
 * under each chart lists every series.
 */
public record HistoryModel(Meta meta, LineChart overview, List<WorkloadView> workloads, List<ReportRow> reports) {

    public record Meta(String title, String toolName, String toolVersion, String schemaVersion, String from, String to, int reportCount) {}

    /** Geometry as strings so no locale formats it. */
    public record LineChart(String id, String title, String desc, int width, int height, String plotLeft, String plotRight,
                            String plotTop, String plotBottom, List<Tick> xTicks, List<Tick> yTicks, List<Line> lines,
                            List<String> columns, List<TableRow> table, String note) {}

    public record Tick(String pos, String text) {}

    public record Line(String name, String cls, List<String> segments, List<Dot> dots) {}

    public record Dot(String x, String y, String tip) {}

    public record TableRow(String name, List<String> cells) {}

    public record WorkloadView(String id, String name, String verdict, String verdictClass, String scoreText, LineChart score,
                               LineChart sections, LineChart accounts, List<StepRow> steps) {}

    public record StepRow(String generatedAt, String inventoryAt, String inventoryAge, String file, String verdict, String verdictClass,
                          String scoreText, History.Counts counts, String newFindings, String resolved, String regressed, String disappeared) {}

    public record ReportRow(String file, String generatedAt, String inventoryAt, String inventoryAge, String schemaVersion,
                            String workloads, String sha256) {}

    /** Series drawn per chart before the rest is folded into one mean line. */
    public static final int DEFAULT_TOP = 8;

    static final int WIDTH = 760, HEIGHT = 280;
    static final double LEFT = 44, RIGHT = 712, TOP = 14, BOTTOM = 236;

    record Series(String name, List<Double> values) {}

    public static HistoryModel of(History h, int top) {
        List<String> dates = h.reports().stream().map(History.Source::generatedAt).toList();
        List<String> labels = dates.stream().map(HistoryModel::day).toList();
        // the overview: each workload's score at each report (absent where a report does not hold it)
        List<Series> wl = new ArrayList<>();
        for (History.WorkloadSeries w : h.workloads()) {
            List<Double> v = new ArrayList<>();
            for (String d : dates) {
                History.Step s = w.steps().stream().filter(st -> d.equals(st.generatedAt())).findFirst().orElse(null);
                v.add(s == null ? null : s.score());
            }
            wl.add(new Series(w.name(), v));
        }
        LineChart overview = chart("overview", "Score per workload", "Readiness score (0-100) of each workload at each report, oldest first.",
                labels, dates, wl, top, "workloads");
        List<WorkloadView> views = new ArrayList<>();
        int i = 0;
        for (History.WorkloadSeries w : h.workloads()) {
            String id = "w" + i++;
            List<String> wDates = w.steps().stream().map(History.Step::generatedAt).toList();
            List<String> wLabels = wDates.stream().map(HistoryModel::day).toList();
            List<Series> score = List.of(new Series(w.name(), w.steps().stream().map(History.Step::score).toList()));
            LineChart sc = chart(id + "-score", "Score of " + w.name(), "Readiness score of workload " + w.name() + " at each of its reports.",
                    wLabels, wDates, score, top, "workloads");
            LineChart sec = chart(id + "-sections", "Score per section", "Score (0-100) of each checklist section of workload " + w.name() + ".",
                    wLabels, wDates, scopeSeries(w, History.Step::sections), top, "sections");
            LineChart acc = chart(id + "-accounts", "Score per account", "Score (0-100) of each account of workload " + w.name()
                    + "; the worst accounts by their latest score are drawn, the others as one mean line.",
                    wLabels, wDates, scopeSeries(w, History.Step::accounts), top, "accounts");
            List<StepRow> rows = new ArrayList<>();
            for (History.Step s : w.steps()) {
                History.Changes c = s.changes();
                rows.add(new StepRow(s.generatedAt(), orDash(s.inventoryAt()), ageText(s.inventoryAgeSeconds()), s.file(), orDash(s.verdict()),
                        verdictClass(s.verdict()), ReportFacts.scoreText(s.score()), s.counts(),
                        c == null ? "–" : String.valueOf(c.newFindings()), c == null ? "–" : String.valueOf(c.resolved()),
                        c == null ? "–" : String.valueOf(c.regressed()), c == null ? "–" : String.valueOf(c.disappeared())));
            }
            History.Step latest = w.steps().get(w.steps().size() - 1);
            views.add(new WorkloadView(id, w.name(), orDash(latest.verdict()), verdictClass(latest.verdict()), ReportFacts.scoreText(latest.score()),
                    sc, sec, acc, rows));
        }
        List<ReportRow> reports = new ArrayList<>();
        for (History.Source s : h.reports()) {
            reports.add(new ReportRow(s.file(), s.generatedAt(), orDash(s.inventoryAt()), ageText(s.inventoryAgeSeconds()), s.schemaVersion(),
                    String.join(", ", s.workloads()), s.sha256()));
        }
        String from = dates.isEmpty() ? "" : dates.get(0), to = dates.isEmpty() ? "" : dates.get(dates.size() - 1);
        return new HistoryModel(new Meta("Failover readiness history", h.tool().name(), h.tool().version(), h.schemaVersion(), from, to,
                dates.size()), overview, views, reports);
    }

    private static List<Series> scopeSeries(History.WorkloadSeries w, Function<History.Step, List<History.Point>> kind) {
        List<Series> out = new ArrayList<>();
        for (String name : History.scopes(w, kind)) {
            List<Double> v = new ArrayList<>();
            for (History.Step s : w.steps()) {
                History.Point p = History.find(kind.apply(s), name);
                v.add(p == null ? null : p.score());
            }
            out.add(new Series(name, v));
        }
        return out;
    }

    /**
     * One line chart: the {@code top} series worst by their latest score drawn one by one, the rest
     * as their mean; every series in the table. A missing or unscored point breaks the line.
     */
    static LineChart chart(String id, String title, String desc, List<String> labels, List<String> stamps, List<Series> all,
                           int top, String noun) {
        int n = labels.size();
        List<Series> drawn = new ArrayList<>(all);
        String note = null;
        if (all.size() > top) {
            drawn.sort(Comparator.comparing((Series s) -> latest(s), Comparator.nullsFirst(Comparator.naturalOrder())).thenComparing(Series::name));
            List<Series> rest = drawn.subList(top, drawn.size());
            List<Double> mean = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                double sum = 0;
                int c = 0;
                for (Series s : rest) {
                    Double v = s.values().get(k);
                    if (v != null) { sum += v; c++; }
                }
                mean.add(c == 0 ? null : Math.round(sum / c * 10) / 10.0);
            }
            Series other = new Series("other " + rest.size() + " " + noun + " (mean)", mean);
            note = "Drawn: the " + top + " " + noun + " with the lowest latest score, and the mean of the other " + rest.size()
                    + "; the table lists all " + all.size() + ".";
            drawn = new ArrayList<>(drawn.subList(0, top));
            drawn.add(other);
        }
        List<Line> lines = new ArrayList<>();
        int c = 0;
        for (Series s : drawn) {
            List<String> segments = new ArrayList<>();
            List<Dot> dots = new ArrayList<>();
            StringBuilder seg = new StringBuilder();
            for (int k = 0; k < n; k++) {
                Double v = s.values().get(k);
                if (v == null) {
                    if (!seg.isEmpty()) segments.add(seg.toString());
                    seg.setLength(0);
                    continue;
                }
                String x = num(x(k, n)), y = num(y(v));
                if (!seg.isEmpty()) seg.append(' ');
                seg.append(x).append(',').append(y);
                dots.add(new Dot(x, y, s.name() + ": " + ReportFacts.scoreText(v) + " at " + stamps.get(k)));
            }
            if (!seg.isEmpty()) segments.add(seg.toString());
            boolean rest = note != null && c == drawn.size() - 1;
            lines.add(new Line(s.name(), rest ? "line-rest" : "line-s" + (c % 9), segments, dots));
            c++;
        }
        List<Tick> xTicks = new ArrayList<>();
        int every = Math.max(1, (int) Math.ceil(n / 8.0));
        for (int k = 0; k < n; k += every) xTicks.add(new Tick(num(x(k, n)), labels.get(k)));
        // the newest report is always labelled; a tick too close before it gives way
        int lastTick = (n - 1) / every * every;
        if (n > 1 && lastTick != n - 1) {
            if (n - 1 - lastTick < (every + 1) / 2 && xTicks.size() > 1) xTicks.remove(xTicks.size() - 1);
            xTicks.add(new Tick(num(x(n - 1, n)), labels.get(n - 1)));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int v = 0; v <= 100; v += 25) yTicks.add(new Tick(num(y(v)), String.valueOf(v)));
        List<TableRow> table = new ArrayList<>();
        for (Series s : all) table.add(new TableRow(s.name(), s.values().stream().map(v -> v == null ? "–" : ReportFacts.scoreText(v)).toList()));
        return new LineChart(id, title, desc, WIDTH, HEIGHT, num(LEFT), num(RIGHT), num(TOP), num(BOTTOM), xTicks, yTicks, lines, labels, table, note);
    }

    private static Double latest(Series s) {
        for (int k = s.values().size() - 1; k >= 0; k--) if (s.values().get(k) != null) return s.values().get(k);
        return null;
    }

    static double x(int k, int n) { return n <= 1 ? (LEFT + RIGHT) / 2 : LEFT + (RIGHT - LEFT) * k / (n - 1); }

    static double y(double score) { return BOTTOM - (BOTTOM - TOP) * Math.max(0, Math.min(100, score)) / 100; }

    static String num(double d) { return String.format(Locale.ROOT, "%.1f", d); }

    static String day(String stamp) { return stamp != null && stamp.length() >= 10 ? stamp.substring(0, 10) : String.valueOf(stamp); }

    static String orDash(String s) { return s == null ? "–" : s; }

    static String verdictClass(String v) { return v == null ? "unknown" : v.toLowerCase(Locale.ROOT).replace('_', '-'); }

    /** "3d4h", "15m": how old the inventory was when its report was written. */
    static String ageText(Long seconds) {
        if (seconds == null) return "unknown";
        if (seconds < 0) return "-" + io.failready.util.Durations.human(java.time.Duration.ofSeconds(-seconds));
        return io.failready.util.Durations.human(java.time.Duration.ofSeconds(seconds));
    }
}
