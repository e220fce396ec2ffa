package io.failready.report;

import io.failready.model.Report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import io.failready.facts.CollectionGap;
import io.failready.evaluate.GatePolicy;
import io.failready.rules.RuleMetadata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The one prepared view the HTML templates render: every number, sentence,
 * chart coordinate and list is decided here, already sorted, so templates only lay it out and
 * never compute compliance. The evaluations themselves travel as a JSON data island
 * ({@link DataIsland}) rendered page by page in the browser.
 */
public record ReportModel(Meta meta, String verdict, String verdictClass, String verdictSentence, String scoreText,
                          Gauge gauge, List<Count> totals, List<WorkloadView> workloads, List<GapView> gaps,
                          DiffView diff, List<RuleDoc> rules, Filters filters, List<Row> printRows, int printRowsOmitted,
                          long evaluationCount, List<PortfolioRow> portfolio, AccountsView accounts, List<FixView> fixFirst,
                          int fixFirstMore) {

    /**
     * One workload in the portfolio table (shown when a report holds several). {@code trendText} is
     * empty without a previous report; {@code trendLabel} says the trend in words for screen readers.
     */
    public record PortfolioRow(String name, String anchor, String owner, String strategy, String regions, String verdict,
                               String verdictClass, String scoreText, String scoreCls, int blocking, int lacking,
                               String inventoryAge, String inventoryAt, String trendArrow, String trendText,
                               String trendCls, String trendLabel) {}

    public record AccountView(String label, String accountId, String scoreText, String scoreCls, int blocking, int lacking,
                              String statusClass, String workloads) {}

    /** Accounts worst first: {@code top} shown, {@code rest} collapsed ({@link Scorecards#TOP_ACCOUNTS}). */
    public record AccountsView(List<AccountView> top, List<AccountView> rest, int total) {}

    /** A fix-first group: one rule's blocking findings in one workload, and what fixing them gives back. */
    public record FixView(String workload, String owner, String ruleId, String ruleTitle, String severity, String sevClass,
                          int findings, int resources, String gainText, String accounts) {}

    /** Scorecard lists stay readable; everything is in the drill-down and the print table. */
    static final int MAX_LISTED = 50;
    /** A workload's account chart shows its worst accounts; the accounts table has the rest. */
    static final int MAX_ACCOUNT_BARS = 10;
    static final int MAX_DIFF_LISTED = 500;
    /** Print is for humans: past this, the print table says how many rows it left out. */
    static final int MAX_PRINT_ROWS = 20_000;

    /**
     * Three times, kept apart: when the inventory was collected (how old the evidence is), when the
     * report was written, and the clock dates were judged by (asOf); likewise for --previous.
     */
    public record Meta(String title, String generatedAt, String asOf, String toolName, String toolVersion,
                       String schemaVersion, String previousGeneratedAt, String inventoryAt, String previousInventoryAt) {}

    /** A ring chart of a score: {@code dash} of {@code circumference} drawn. Strings, so no locale formats them. */
    public record Gauge(String scoreText, String cls, String dash, String circumference) {}

    public record Count(String key, String label, long count, String cls) {}

    public record Chart(String id, String title, int height, List<Bar> bars) {}

    public record Bar(String label, String sub, String scoreText, String width, int y, int textY, String cls,
                      String deltaText, String deltaCls, String tooltip) {}

    /** {@code heading}: "Failback (recovery -> primary): eu-west-1 -> us-east-1" for a failback result, else null. */
    public record WorkloadView(String name, String heading, String owner, String strategy, String primaryRegion, String recoveryRegions,
                               String rto, String rpo, String verdict, String verdictClass, String verdictSentence,
                               String scoreText, String deltaText, String deltaCls, Gauge gauge, String failOn,
                               Chart sections, Chart accounts, Chart pairs, List<Finding> blocking, int blockingMore,
                               List<Finding> lacking, int lackingMore, List<WaivedView> waived,
                               List<String> waiverNotices, List<String> policyNotes) {}

    public record Finding(String workload, String severity, String sevClass, String ruleId, String ruleTitle,
                          String resource, String resourceId, String accountId, String where, String annotation) {}

    public record WaivedView(String ruleId, String severity, String sevClass, String complianceType, String resource,
                             String resourceId, String accountId, String where, String reason, String approver,
                             String owner, String expires, String source) {}

    public record GapView(String accountId, String region, String service, String operation, String resource,
                          String errorCode, String message, int blocked, String blockedRules) {}

    public record DiffView(String previousGeneratedAt, String previousInventoryAt, int newFindings, int resolved, int regressed, int unchanged,
                           List<WorkloadDelta> workloads, List<ChangeView> regressedList, int regressedMore,
                           List<ChangeView> newList, int newMore, List<ChangeView> resolvedList, int resolvedMore,
                           int disappeared, List<ChangeView> disappearedList, int disappearedMore) {}

    public record WorkloadDelta(String name, String status, String oldVerdict, String newVerdict, String oldScore,
                                String newScore, String deltaText, String deltaCls, List<SectionDeltaView> sections) {}

    public record SectionDeltaView(String name, String oldScore, String newScore, String deltaText, String deltaCls) {}

    public record ChangeView(String workload, String severity, String sevClass, String ruleId, String resource,
                             String accountId, String where, String before, String after, String annotation) {}

    /** {@code html} is produced by {@link MarkdownHtml}, which escapes all source text. */
    public record RuleDoc(String id, String title, String section, String severity, String sevClass, String html,
                          java.util.List<String> wellArchitected) {}

    public record Filters(List<String> workloads, List<String> types, List<String> severities, List<String> sections,
                          List<String> accounts, List<String> regions, List<String> rules) {}

    public record Row(String workload, String severity, String sevClass, String ruleId, String resource, String accountId,
                      String where, String annotation, boolean waived) {}

    public static ReportModel of(Report report, Report previous, Function<String, String> ruleDocs) {
        return of(report, previous, ruleDocs, w -> report.inventoryAt(), report.generatedAt());
    }

    /**
     * @param inventoryOf workload name to when its inventory was collected (a portfolio combines
     *                    reports of different ages)
     * @param reference the time inventory ages are measured to: the (newest) report's generatedAt,
     *                  so the same input renders the same bytes
     */
    public static ReportModel of(Report report, Report previous, Function<String, String> ruleDocs,
                                 Function<String, String> inventoryOf, String reference) {
        Map<String, String> names = ReportFacts.accountNames(report, previous);
        Map<String, Report.RuleRef> ruleRefs = new TreeMap<>();
        if (report.rules() != null) for (Report.RuleRef r : report.rules()) ruleRefs.put(r.id(), r);
        ReportDiff diff = previous == null ? null : ReportDiff.of(previous, report);
        Map<String, ReportDiff.WorkloadDiff> diffByName = new LinkedHashMap<>();
        if (diff != null) for (ReportDiff.WorkloadDiff d : diff.workloads()) diffByName.put(d.name(), d);

        List<WorkloadView> workloads = new ArrayList<>();
        List<Evaluation> all = new ArrayList<>();
        List<Row> print = new ArrayList<>();
        int printOmitted = 0;
        Set<String> wl = new LinkedHashSet<>(), accounts = new TreeSet<>(), regions = new TreeSet<>(), ruleIds = new TreeSet<>(),
                sections = new LinkedHashSet<>(RuleMetadata.SECTIONS);
        for (Report.WorkloadReport w : workloads(report)) {
            workloads.add(workload(w, ruleRefs, diffByName.get(ReportFacts.title(w)), names));
            wl.add(ReportFacts.title(w));
            for (Evaluation e : ReportFacts.evaluations(w)) {
                all.add(e);
                if (e.getAccountId() != null) accounts.add(ReportFacts.accountLabel(names, e.getAccountId()));
                if (e.getRegion() != null) regions.add(e.getRegion());
                if (e.getRecoveryRegion() != null) regions.add(e.getRecoveryRegion());
                if (e.getSection() != null) sections.add(e.getSection());
                ruleIds.add(e.getRuleId());
                if (e.getComplianceType() == ComplianceType.NON_COMPLIANT) {
                    if (print.size() < MAX_PRINT_ROWS) {
                        print.add(new Row(ReportFacts.title(w), sev(e), sevClass(sev(e)), e.getRuleId(), ReportFacts.displayName(e, names),
                                ReportFacts.accountLabel(names, e.getAccountId()), ReportFacts.where(e), e.getAnnotation(), e.isWaived()));
                    } else {
                        printOmitted++;
                    }
                }
            }
        }
        Map<String, Long> counts = ReportFacts.counts(report);
        List<Count> totals = List.of(
                new Count("NON_COMPLIANT", "Non-compliant", counts.get("NON_COMPLIANT"), "bad"),
                new Count("INSUFFICIENT_DATA", "Insufficient data", counts.get("INSUFFICIENT_DATA"), "unknown"),
                new Count("COMPLIANT", "Compliant", counts.get("COMPLIANT"), "good"),
                new Count("NOT_APPLICABLE", "Not applicable", counts.get("NOT_APPLICABLE"), "na"),
                new Count("WAIVED", "Waived", counts.get("WAIVED"), "waived"));

        String verdict = ReportFacts.overallVerdict(report);
        Double score = ReportFacts.overallScore(report);
        int blockingTotal = 0, lackingTotal = 0;
        for (WorkloadView v : workloads) {
            blockingTotal += v.blocking().size() + v.blockingMore();
            lackingTotal += v.lacking().size() + v.lackingMore();
        }
        String sentence = overallSentence(verdict, workloads(report).size(), blockingTotal, lackingTotal);

        List<RuleDoc> docs = new ArrayList<>();
        Set<String> documented = new TreeSet<>(ruleIds);
        documented.addAll(ruleRefs.keySet());
        for (String id : documented) {
            Report.RuleRef ref = ruleRefs.get(id);
            String md = null;
            try {
                md = ruleDocs == null ? null : ruleDocs.apply(id);
            } catch (RuntimeException ignored) {
                // a missing or unreadable doc must not cost the whole report
            }
            String severity = ref == null ? null : ref.severity();
            docs.add(new RuleDoc(id, ref == null ? null : ref.title(), ref == null ? null : ref.section(), severity,
                    sevClass(severity), md == null ? "" : MarkdownHtml.render(stripTitle(md, id), 2),
                    ref == null || ref.wellArchitected() == null ? List.of() : ref.wellArchitected()));
        }

        Filters filters = new Filters(List.copyOf(wl),
                List.of("NON_COMPLIANT", "INSUFFICIENT_DATA", "COMPLIANT", "NOT_APPLICABLE", "WAIVED"),
                java.util.Arrays.stream(Severity.values()).map(Enum::name).toList(),
                List.copyOf(sections), List.copyOf(accounts), List.copyOf(regions), List.copyOf(ruleIds));

        Report.Tool tool = report.tool();
        Meta meta = new Meta(title(report), report.generatedAt(), report.asOf(), tool == null ? "failready" : tool.name(),
                tool == null ? "" : tool.version(), report.schemaVersion(), previous == null ? null : previous.generatedAt(),
                report.inventoryAt(), previous == null ? null : previous.inventoryAt());
        List<FixView> fix = new ArrayList<>();
        List<Scorecards.FixGroup> groups = Scorecards.fixFirst(report);
        for (Scorecards.FixGroup g : groups.subList(0, Math.min(MAX_LISTED, groups.size()))) {
            Report.RuleRef ref = ruleRefs.get(g.ruleId());
            String where = String.join(", ", g.accounts().stream().limit(5).map(a -> a.label() + " ×" + a.findings()).toList())
                    + (g.accounts().size() > 5 ? " and " + (g.accounts().size() - 5) + " more accounts" : "");
            fix.add(new FixView(g.workload(), g.owner(), g.ruleId(), ref == null ? null : ref.title(), g.severity(),
                    sevClass(g.severity()), g.findings(), g.resources(), gainText(g.gain()), where));
        }
        return new ReportModel(meta, verdict, verdictClass(verdict), sentence, ReportFacts.scoreText(score),
                gauge(score), totals, workloads, gaps(report, all, names), diff == null ? null : diffView(diff, names), docs, filters,
                print, printOmitted, all.size(),
                workloads(report).size() > 1 ? portfolio(report, diff, inventoryOf, reference) : List.of(),
                accountsView(Scorecards.accounts(report)), fix, groups.size() - fix.size());
    }

    static String gainText(Double gain) {
        return gain == null ? "n/a" : "+" + ReportFacts.scoreText(gain);
    }

    static List<PortfolioRow> portfolio(Report report, ReportDiff diff, Function<String, String> inventoryOf, String reference) {
        List<PortfolioRow> out = new ArrayList<>();
        for (Scorecards.WorkloadRow r : Scorecards.workloads(report, diff, inventoryOf)) {
            Report.WorkloadReport w = r.workload();
            ReportDiff.WorkloadDiff t = r.trend();
            String arrow = "", text = "", cls = "flat", label = "no previous report";
            if (t != null && "ADDED".equals(t.status())) {
                arrow = "★";
                text = "new";
                label = "not in the previous report";
            } else if (t != null) {
                Double d = t.scoreDelta();
                cls = deltaClass(d);
                arrow = d == null ? "" : d > 0 ? "▲" : d < 0 ? "▼" : "▶";
                text = d == null ? "n/a" : ReportFacts.deltaText(d);
                label = d == null ? "no comparable score" : d > 0 ? "up " + ReportFacts.scoreText(d) : d < 0 ? "down " + ReportFacts.scoreText(-d) : "unchanged";
            }
            String inv = r.inventoryAt();
            out.add(new PortfolioRow(w.name(), "wl-" + workloadIndex(report, w), w.owner(), w.strategy(),
                    Objects.toString(w.primaryRegion(), "?") + " → " + String.join(", ", nz(w.recoveryRegions())),
                    w.verdict(), verdictClass(w.verdict()), ReportFacts.scoreText(w.score()), scoreClass(w.score()),
                    r.blocking(), r.lacking(), Scorecards.age(inv, reference), inv, arrow, text, cls, label));
        }
        return out;
    }

    /** The scorecard's article ids are by position in the report (wl-0, wl-1, ...); by identity, records compare deeply. */
    private static int workloadIndex(Report report, Report.WorkloadReport w) {
        List<Report.WorkloadReport> all = workloads(report);
        for (int i = 0; i < all.size(); i++) if (all.get(i) == w) return i;
        return -1;
    }

    static AccountsView accountsView(List<Scorecards.AccountRow> rows) {
        List<AccountView> all = new ArrayList<>(rows.size());
        for (Scorecards.AccountRow a : rows) {
            all.add(new AccountView(a.label(), a.accountId(), ReportFacts.scoreText(a.score()), scoreClass(a.score()), a.blocking(),
                    a.lacking(), verdictClass(a.status()), String.join(", ", a.workloads())));
        }
        int top = Math.min(Scorecards.TOP_ACCOUNTS, all.size());
        return new AccountsView(List.copyOf(all.subList(0, top)), List.copyOf(all.subList(top, all.size())), all.size());
    }

    private static List<Report.WorkloadReport> workloads(Report r) { return r.workloads() == null ? List.of() : r.workloads(); }

    private static String title(Report r) {
        List<Report.WorkloadReport> w = workloads(r);
        if (w.size() == 1) return "Failover readiness — " + w.get(0).name();
        return "Failover readiness — " + w.size() + " workloads";
    }

    /** The rule doc starts with "# RULE_ID"; the drill-down already shows the id as its heading. */
    static String stripTitle(String md, String id) {
        String t = md.stripLeading();
        if (t.startsWith("# ")) {
            int nl = t.indexOf('\n');
            String first = (nl < 0 ? t : t.substring(0, nl)).substring(2).trim();
            if (first.equals(id)) return nl < 0 ? "" : t.substring(nl + 1);
        }
        return md;
    }

    static String overallSentence(String verdict, int workloads, int blocking, int lacking) {
        return switch (verdict) {
            case "NOT_READY" -> blocking > 0
                    ? "Not ready to fail over: " + plural(blocking, "blocking finding") + " must be fixed or waived first."
                    : "Not ready to fail over: the score is below the minimum the gate requires.";
            case "UNKNOWN" -> workloads == 0 ? "No workload was evaluated."
                    // no account could be read at all (AWS did not answer): nothing was judged, which is not readiness
                    : lacking == 0 ? "Cannot confirm readiness: nothing could be judged (no inventory was collected; see the collection gaps)."
                    : "Cannot confirm readiness: " + plural(lacking, "blocking check") + " could not be evaluated for lack of data.";
            default -> "Ready to fail over: no blocking findings and every blocking check had the data it needed.";
        };
    }

    static String workloadSentence(Report.WorkloadReport w, int blocking, int lacking) {
        String failOn = w.blocking() == null || w.blocking().failOn() == null ? "HIGH" : w.blocking().failOn();
        return switch (Objects.toString(w.verdict(), "UNKNOWN")) {
            case "NOT_READY" -> blocking > 0
                    ? plural(blocking, "finding") + " at " + failOn + " or above block" + (blocking == 1 ? "s" : "")
                    + " failover to " + String.join(", ", nz(w.recoveryRegions())) + "."
                    : "The score " + ReportFacts.scoreText(w.score()) + " is below the required minimum "
                    + ReportFacts.scoreText(w.blocking() == null ? null : w.blocking().minScore()) + ".";
            case "READY" -> "No finding at " + failOn + " or above; failover to " + String.join(", ", nz(w.recoveryRegions()))
                    + " is not blocked.";
            default -> lacking == 0 ? "Nothing was judged (no inventory; see the collection gaps), so readiness is UNKNOWN (fail-closed)."
                    : plural(lacking, "blocking check") + " lacked data, so readiness cannot be confirmed (fail-closed).";
        };
    }

    private static List<String> nz(List<String> l) { return l == null ? List.of() : l; }

    static String plural(int n, String noun) { return n + " " + noun + (n == 1 ? "" : "s"); }

    static WorkloadView workload(Report.WorkloadReport w, Map<String, Report.RuleRef> rules, ReportDiff.WorkloadDiff d) {
        return workload(w, rules, d, Map.of());
    }

    static WorkloadView workload(Report.WorkloadReport w, Map<String, Report.RuleRef> rules, ReportDiff.WorkloadDiff d,
                                 Map<String, String> names) {
        List<Evaluation> blocking = ReportFacts.blocking(w);
        List<Evaluation> lacking = ReportFacts.lackingData(w);
        Map<String, Double> prevSection = new TreeMap<>();
        if (d != null) for (ReportDiff.SectionDelta s : d.sections()) if (s.oldScore() != null) prevSection.put(s.name(), s.oldScore());

        List<Bar> sectionBars = new ArrayList<>();
        int i = 0;
        for (Report.SectionScore s : w.sections() == null ? List.<Report.SectionScore>of() : w.sections()) {
            Double delta = d == null ? null : ReportDiff.delta(prevSection.get(s.name()), s.score());
            String sub = s.note() != null ? "nothing judged: " + s.note()
                    : s.nonCompliant() + " non-compliant · " + s.insufficientData() + " no data · " + s.compliant() + " compliant";
            sectionBars.add(bar(i++, s.name(), sub, s.score(), delta));
        }
        // worst first, and only the worst few: the accounts table lists them all
        List<Report.AccountScore> accountScores = new ArrayList<>(w.accounts() == null ? List.of() : w.accounts());
        accountScores.sort(Comparator.comparing(Report.AccountScore::score, Scorecards.SCORE_WORST_FIRST)
                .thenComparing(a -> Objects.toString(a.accountId(), "")));
        List<Bar> accountBars = new ArrayList<>();
        i = 0;
        for (Report.AccountScore a : accountScores.subList(0, Math.min(MAX_ACCOUNT_BARS, accountScores.size()))) {
            accountBars.add(bar(i++, ReportFacts.accountLabel(names, a.accountId()), null, a.score(), null));
        }
        List<Bar> pairBars = new ArrayList<>();
        i = 0;
        for (Report.PairScore p : w.regionPairs() == null ? List.<Report.PairScore>of() : w.regionPairs()) {
            pairBars.add(bar(i++, p.primary() + " → " + p.recovery(), null, p.score(), null));
        }
        String id = "w" + Integer.toHexString(ReportFacts.title(w).hashCode());
        List<Finding> blockingList = blocking.stream().limit(MAX_LISTED).map(e -> finding(ReportFacts.title(w), e, rules, names)).toList();
        List<Finding> lackingList = lacking.stream().limit(MAX_LISTED).map(e -> finding(ReportFacts.title(w), e, rules, names)).toList();

        List<WaivedView> waived = new ArrayList<>();
        for (Evaluation e : ReportFacts.evaluations(w)) {
            if (!e.isWaived()) continue;
            Evaluation.WaiverRef r = e.getWaiver();
            waived.add(new WaivedView(e.getRuleId(), sev(e), sevClass(sev(e)), e.getComplianceType().name(),
                    ReportFacts.displayName(e, names), e.getResourceId(), ReportFacts.accountLabel(names, e.getAccountId()), ReportFacts.where(e), r.reason(),
                    r.approver(), r.owner(), r.expires(), r.source()));
        }
        // soonest expiry first: that is what an auditor chases
        waived.sort(Comparator.comparing((WaivedView v) -> v.expires() == null ? "9999" : v.expires())
                .thenComparingInt(v -> ReportDiff.severityRank(v.severity())).thenComparing(WaivedView::ruleId)
                .thenComparing(v -> Objects.toString(v.resourceId(), "")));

        Double delta = d == null ? null : d.scoreDelta();
        return new WorkloadView(ReportFacts.title(w), w.isFailback() ? w.directionOrDefault().heading + ": " + ReportFacts.route(w).replace("failback ", "") : null, w.owner(), w.strategy(), w.primaryRegion(), String.join(", ", nz(w.recoveryRegions())),
                minutes(w.rtoMinutes()), minutes(w.rpoMinutes()), w.verdict(), verdictClass(w.verdict()),
                workloadSentence(w, blocking.size(), lacking.size()), ReportFacts.scoreText(w.score()),
                ReportFacts.deltaText(delta), deltaClass(delta), gauge(w.score()),
                w.blocking() == null ? "HIGH" : w.blocking().failOn(),
                chart(id + "-sections", "Score by section", sectionBars),
                chart(id + "-accounts", "Score by account", accountBars),
                chart(id + "-pairs", "Score by region pair", pairBars),
                blockingList, blocking.size() - blockingList.size(), lackingList, lacking.size() - lackingList.size(),
                waived, List.copyOf(nz(w.waiverNotices())), ReportFacts.policyNotes(w));
    }

    private static Finding finding(String workload, Evaluation e, Map<String, Report.RuleRef> rules, Map<String, String> names) {
        Report.RuleRef ref = rules.get(e.getRuleId());
        return new Finding(workload, sev(e), sevClass(sev(e)), e.getRuleId(), ref == null ? null : ref.title(),
                ReportFacts.displayName(e, names), e.getResourceId(), ReportFacts.accountLabel(names, e.getAccountId()), ReportFacts.where(e), e.getAnnotation());
    }

    static String minutes(Long m) {
        if (m == null) return "not declared";
        if (m >= 60 && m % 60 == 0) return (m / 60) + " h";
        if (m > 60) return (m / 60) + " h " + (m % 60) + " min";
        return m + " min";
    }

    static final int ROW = 26, TOP = 6;

    static Chart chart(String id, String title, List<Bar> bars) {
        return new Chart(id, title, Math.max(ROW, bars.size() * ROW + TOP), bars);
    }

    /** Chart geometry: track 200 units wide at x=150 (see components/charts.ftlh). */
    static Bar bar(int index, String label, String sub, Double score, Double delta) {
        int y = TOP + index * ROW;
        String width = score == null ? "0" : fmt(2.0 * Math.max(0, Math.min(100, score)));
        String tip = label + ": " + (score == null ? "no scored evaluations" : ReportFacts.scoreText(score) + " / 100")
                + (sub == null ? "" : " (" + sub + ")");
        return new Bar(label, sub, ReportFacts.scoreText(score), width, y, y + 13, scoreClass(score),
                ReportFacts.deltaText(delta), deltaClass(delta), tip);
    }

    static Gauge gauge(Double score) {
        double c = 2 * Math.PI * 52;
        double dash = score == null ? 0 : c * Math.max(0, Math.min(100, score)) / 100.0;
        return new Gauge(ReportFacts.scoreText(score), scoreClass(score), fmt(dash), fmt(c));
    }

    static String fmt(double v) { return String.format(Locale.ROOT, "%.2f", v); }

    static String scoreClass(Double s) {
        if (s == null) return "na";
        if (s >= 90) return "good";
        if (s >= 70) return "warn";
        return "bad";
    }

    static String deltaClass(Double d) {
        if (d == null || d == 0) return "flat";
        return d > 0 ? "up" : "down";
    }

    static String verdictClass(String v) {
        return switch (Objects.toString(v, "")) {
            case "READY" -> "ready";
            case "NOT_READY" -> "not-ready";
            default -> "unknown";
        };
    }

    static String sev(Evaluation e) { return e.getSeverity() == null ? "UNRATED" : e.getSeverity().name(); }

    static String sevClass(String s) { return s == null ? "sev-none" : "sev-" + s.toLowerCase(Locale.ROOT); }

    /**
     * Which INSUFFICIENT_DATA evaluations each gap blocked: those naming it in their {@code gaps}
     * (report schema 1.2, {@link io.failready.evaluate.GapAttribution}). Reports from before 1.2 do
     * not name their gaps; for them this is a best match: same account, the gap's region at either
     * end of the evaluation's pair, and the same service (every service for "*" gaps; only that
     * resource for a per-resource gap).
     */
    static List<GapView> gaps(Report report, List<Evaluation> all) { return gaps(report, all, Map.of()); }

    static List<GapView> gaps(Report report, List<Evaluation> all, Map<String, String> names) {
        List<CollectionGap> gaps = report.collectionGaps() == null ? List.of() : report.collectionGaps();
        List<Evaluation> lacking = all.stream().filter(e -> e.getComplianceType() == ComplianceType.INSUFFICIENT_DATA).toList();
        List<GapView> out = new ArrayList<>();
        if (gaps.isEmpty()) return out;
        boolean named = lacking.stream().anyMatch(e -> e.getGaps() != null);
        Map<String, String> serviceOf = new java.util.HashMap<>();
        for (CollectionGap g : gaps) {
            int blocked = 0;
            Set<String> rules = new TreeSet<>();
            String gapService = norm(g.getService());
            boolean everyService = CollectionGap.ALL_SERVICES.equals(g.getService());
            Evaluation.GapRef ref = Evaluation.GapRef.of(g);
            for (Evaluation e : lacking) {
                boolean match;
                if (named) {
                    match = e.getGaps() != null && e.getGaps().contains(ref);
                } else {
                    if (!Objects.equals(g.getAccountId(), e.getAccountId())) continue;
                    if (!g.getRegion().equals(e.getRegion()) && !g.getRegion().equals(e.getRecoveryRegion())) continue;
                    boolean sameService = everyService || serviceOf.computeIfAbsent(Objects.toString(e.getResourceType(), ""),
                            ReportModel::service).equals(gapService);
                    // a gap about one resource blocks that resource (at either end of its pair) only
                    match = g.getResourceId() == null ? sameService
                            : g.getResourceId().equals(e.getResourceId())
                            || (e.getCounterpart() != null && g.getResourceId().equals(e.getCounterpart().resourceId()));
                }
                if (match) {
                    blocked++;
                    rules.add(e.getRuleId());
                }
            }
            String ruleText = String.join(", ", rules.stream().limit(5).toList()) + (rules.size() > 5 ? " and " + (rules.size() - 5) + " more" : "");
            out.add(new GapView(ReportFacts.accountLabel(names, g.getAccountId()), g.getRegion(), g.getService(), g.getOperation(),
                    g.getResourceId() != null ? g.getResourceId() : g.getResourceType(), g.getErrorCode(), g.getMessage(),
                    blocked, ruleText));
        }
        return out;
    }

    /**
     * The service whose gaps hide a resource type: the collector's that writes it ("rds" for
     * "AWS::RDS::DBCluster", "cloudwatch" for "Failready::CloudWatch::ReplicationLag"); for a type
     * no collector writes (a user rule's), the type's middle part in lower case.
     */
    static String service(String resourceType) {
        if (resourceType == null) return "";
        String declared = io.failready.collect.aws.ResourceTypes.service(resourceType);
        if (declared != null) return norm(declared);
        String[] p = resourceType.split("::");
        return p.length >= 2 ? norm(p[1]) : "";
    }

    private static String norm(String s) { return s == null ? "" : s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""); }

    static DiffView diffView(ReportDiff diff) { return diffView(diff, Map.of()); }

    static DiffView diffView(ReportDiff diff, Map<String, String> names) {
        List<WorkloadDelta> w = new ArrayList<>();
        List<ChangeView> reg = new ArrayList<>(), neu = new ArrayList<>(), res = new ArrayList<>(), gone = new ArrayList<>();
        int regTotal = 0, newTotal = 0, resTotal = 0, goneTotal = 0;
        for (ReportDiff.WorkloadDiff d : diff.workloads()) {
            List<SectionDeltaView> s = d.sections().stream().map(x -> new SectionDeltaView(x.name(),
                    ReportFacts.scoreText(x.oldScore()), ReportFacts.scoreText(x.newScore()),
                    ReportFacts.deltaText(x.scoreDelta()), deltaClass(x.scoreDelta()))).toList();
            w.add(new WorkloadDelta(d.name(), d.status(), d.oldVerdict(), d.newVerdict(), ReportFacts.scoreText(d.oldScore()),
                    ReportFacts.scoreText(d.newScore()), ReportFacts.deltaText(d.scoreDelta()), deltaClass(d.scoreDelta()), s));
            regTotal += addCapped(reg, d.name(), d.regressed(), names);
            newTotal += addCapped(neu, d.name(), d.newFindings(), names);
            resTotal += addCapped(res, d.name(), d.resolved(), names);
            goneTotal += addCapped(gone, d.name(), d.disappeared(), names);
        }
        return new DiffView(diff.old().generatedAt(), diff.old().inventoryAt(), diff.summary().newFindings(), diff.summary().resolved(),
                diff.summary().regressed(), diff.summary().unchanged(), w, reg, regTotal - reg.size(), neu,
                newTotal - neu.size(), res, resTotal - res.size(), diff.summary().disappeared(), gone, goneTotal - gone.size());
    }

    private static int addCapped(List<ChangeView> out, String workload, List<ReportDiff.Change> changes, Map<String, String> names) {
        for (ReportDiff.Change c : changes) {
            if (out.size() >= MAX_DIFF_LISTED) break;
            String where = ReportFacts.where(c.region(), c.recoveryRegion());
            String name = c.resourceName() != null && !c.resourceName().isBlank() ? c.resourceName() : c.resourceId();
            out.add(new ChangeView(workload, c.severity(), sevClass(c.severity()), c.ruleId(), name, ReportFacts.accountLabel(names, c.accountId()), where,
                    c.before(), c.after(), c.annotation()));
        }
        return changes.size();
    }
}
