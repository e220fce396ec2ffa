package io.failready.report;

import io.failready.evaluate.Scoring;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The manager's views of a report, decided once here for HTML and Markdown alike: workloads and
 * accounts worst first, and the blocking findings grouped by rule ("fix first") with the score
 * each rule would give back. Counts come from {@link ReportFacts#blocking} and
 * {@link ReportFacts#lackingData}, scores from {@link Scoring}: the same numbers the gate and the
 * other formats use.
 */
public final class Scorecards {
    private Scorecards() {}

    /** Accounts listed before the rest collapse: enough to act on, small with hundreds of accounts. */
    public static final int TOP_ACCOUNTS = 25;

    /** A missing score (nothing judged) ranks below every number: it is not evidence of health. */
    static final Comparator<Double> SCORE_WORST_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());

    /**
     * One workload in the portfolio table. {@code inventoryAt} is its own report's (reports combined
     * with {@code report --portfolio} were collected at different times); {@code trend} is its line
     * of the diff against the previous report, null without one.
     */
    public record WorkloadRow(Report.WorkloadReport workload, String inventoryAt, int blocking, int lacking,
                              ReportDiff.WorkloadDiff trend) {}

    /** Worst first: verdict (NOT_READY, UNKNOWN, READY), then score (missing lowest), then more blocking, then name. */
    public static final Comparator<WorkloadRow> WORKLOAD_ORDER = Comparator
            .comparing((WorkloadRow r) -> r.workload().verdict(), ReportFacts.VERDICT_WORST_FIRST)
            .thenComparing(r -> r.workload().score(), SCORE_WORST_FIRST)
            .thenComparing(WorkloadRow::blocking, Comparator.reverseOrder())
            .thenComparing(r -> Objects.toString(r.workload().name(), ""));

    /**
     * @param diff the diff against the earlier report (the same one the changes view shows), or null
     * @param inventoryOf workload name to when its inventory was collected
     */
    public static List<WorkloadRow> workloads(Report report, ReportDiff diff, Function<String, String> inventoryOf) {
        Map<String, ReportDiff.WorkloadDiff> trend = new HashMap<>();
        if (diff != null) for (ReportDiff.WorkloadDiff d : diff.workloads()) trend.put(d.name(), d);
        List<WorkloadRow> rows = new ArrayList<>();
        if (report.workloads() != null) for (Report.WorkloadReport w : report.workloads()) {
            rows.add(new WorkloadRow(w, inventoryOf.apply(w.name()), ReportFacts.blocking(w).size(), ReportFacts.lackingData(w).size(),
                    trend.get(w.name())));
        }
        rows.sort(WORKLOAD_ORDER);
        return rows;
    }

    /** One account across every workload that covers it. */
    public record AccountRow(String accountId, String label, Double score, int blocking, int lacking, List<String> workloads) {
        /** NOT_READY-like when something blocks, UNKNOWN-like when only data is lacking: the workload order's first key. */
        public String status() { return blocking > 0 ? "NOT_READY" : lacking > 0 ? "UNKNOWN" : "READY"; }
    }

    public static final Comparator<AccountRow> ACCOUNT_ORDER = Comparator
            .comparing(AccountRow::status, ReportFacts.VERDICT_WORST_FIRST)
            .thenComparing(AccountRow::score, SCORE_WORST_FIRST)
            .thenComparing(AccountRow::blocking, Comparator.reverseOrder())
            .thenComparing(AccountRow::accountId);

    /** Every account with an evaluation, worst first, labelled "name (id)" where the report names it. */
    public static List<AccountRow> accounts(Report report) {
        Map<String, String> names = ReportFacts.accountNames(report);
        Map<String, List<Evaluation>> evals = new HashMap<>();
        Map<String, int[]> counts = new HashMap<>();
        Map<String, Set<String>> workloads = new HashMap<>();
        if (report.workloads() != null) for (Report.WorkloadReport w : report.workloads()) {
            for (Evaluation e : ReportFacts.evaluations(w)) {
                if (e.getAccountId() == null) continue;
                evals.computeIfAbsent(e.getAccountId(), k -> new ArrayList<>()).add(e);
                workloads.computeIfAbsent(e.getAccountId(), k -> new TreeSet<>()).add(w.name());
            }
            for (Evaluation e : ReportFacts.blocking(w)) if (e.getAccountId() != null) counts.computeIfAbsent(e.getAccountId(), k -> new int[2])[0]++;
            for (Evaluation e : ReportFacts.lackingData(w)) if (e.getAccountId() != null) counts.computeIfAbsent(e.getAccountId(), k -> new int[2])[1]++;
        }
        List<AccountRow> rows = new ArrayList<>();
        evals.forEach((id, list) -> {
            int[] c = counts.getOrDefault(id, new int[2]);
            rows.add(new AccountRow(id, ReportFacts.accountLabel(names, id), Scoring.score(list), c[0], c[1], List.copyOf(workloads.get(id))));
        });
        rows.sort(ACCOUNT_ORDER);
        return rows;
    }

    /** Findings of one rule in one account of a fix group. */
    public record AccountCount(String accountId, String label, int findings) {}

    /**
     * The blocking findings of one rule in one workload: how many, on how many resources, in which
     * accounts (most first), and {@code gain}, the workload's score after fixing all of them minus
     * its score now (null when the workload has no score).
     */
    public record FixGroup(String workload, String owner, String ruleId, String severity, int findings, int resources,
                           Double gain, List<AccountCount> accounts) {}

    /** Most gain first, then most findings, then the more severe rule. */
    public static final Comparator<FixGroup> FIX_ORDER = Comparator
            .comparing(FixGroup::gain, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(FixGroup::findings, Comparator.reverseOrder())
            .thenComparingInt(g -> ReportDiff.severityRank(g.severity()))
            .thenComparing(FixGroup::ruleId)
            .thenComparing(g -> Objects.toString(g.workload(), ""));

    public static List<FixGroup> fixFirst(Report report) {
        Map<String, String> names = ReportFacts.accountNames(report);
        List<FixGroup> out = new ArrayList<>();
        if (report.workloads() != null) for (Report.WorkloadReport w : report.workloads()) {
            List<Evaluation> all = ReportFacts.evaluations(w);
            Map<String, List<Evaluation>> byRule = new LinkedHashMap<>();
            for (Evaluation e : ReportFacts.blocking(w)) byRule.computeIfAbsent(e.getRuleId(), k -> new ArrayList<>()).add(e);
            if (byRule.isEmpty()) continue;
            long num = 0, den = 0;
            for (Evaluation e : all) {
                num += Scoring.compliantWeight(e);
                den += Scoring.countedWeight(e);
            }
            Double now = Scoring.score(num, den);
            for (Map.Entry<String, List<Evaluation>> g : byRule.entrySet()) {
                List<Evaluation> findings = g.getValue();
                Map<String, Integer> perAccount = new HashMap<>();
                Set<String> resources = new java.util.HashSet<>();
                for (Evaluation e : findings) {
                    perAccount.merge(Objects.toString(e.getAccountId(), ""), 1, Integer::sum);
                    resources.add(e.getAccountId() + "|" + e.getResourceId());
                }
                List<AccountCount> accounts = new ArrayList<>();
                perAccount.forEach((id, n) -> accounts.add(new AccountCount(id, ReportFacts.accountLabel(names, id), n)));
                accounts.sort(Comparator.comparing(AccountCount::findings, Comparator.reverseOrder()).thenComparing(AccountCount::accountId));
                Evaluation first = findings.get(0);
                out.add(new FixGroup(w.name(), w.owner(), g.getKey(), first.getSeverity() == null ? null : first.getSeverity().name(),
                        findings.size(), resources.size(), gain(num, den, findings, now), List.copyOf(accounts)));
            }
        }
        out.sort(FIX_ORDER);
        return out;
    }

    /**
     * The score with {@code fixed} judged COMPLIANT instead, minus {@code now}, by {@link Scoring}
     * itself. Scoring sums integer weights, so swapping the fixed evaluations' terms in the
     * workload's sums ({@code num}, {@code den}) gives exactly the score of re-scoring every
     * evaluation: one pass over the findings instead of one over the workload per rule, which at
     * 100k evaluations was a third of the HTML report's time. {@code fixed} is drawn from the
     * workload's list entry by entry, so each entry's terms are swapped once.
     */
    static Double gain(long num, long den, List<Evaluation> fixed, Double now) {
        if (now == null) return null;
        for (Evaluation e : fixed) {
            Evaluation after = compliant(e);
            num += Scoring.compliantWeight(after) - Scoring.compliantWeight(e);
            den += Scoring.countedWeight(after) - Scoring.countedWeight(e);
        }
        Double then = Scoring.score(num, den);
        return then == null ? null : Math.round(10.0 * (then - now)) / 10.0;
    }

    private static Evaluation compliant(Evaluation e) {
        return new Evaluation(e.getRuleId(), e.getSection(), e.getSeverity(), ComplianceType.COMPLIANT, e.getResourceType(),
                e.getResourceId(), e.getResourceName(), e.getAccountId(), e.getRegion(), e.getRecoveryRegion(),
                e.getCounterpart(), e.getAnnotation(), null);
    }

    /** "3 h", "2 d", "45 min": how long before {@code reference} the inventory was collected; "unknown" when either time is missing. */
    public static String age(String inventoryAt, String reference) {
        if (inventoryAt == null || reference == null) return "unknown";
        try {
            long min = java.time.Duration.between(java.time.Instant.parse(inventoryAt), java.time.Instant.parse(reference)).toMinutes();
            if (min < 0) return "0 min";
            if (min < 120) return min + " min";
            if (min < 48 * 60) return (min / 60) + " h";
            return (min / (24 * 60)) + " d";
        } catch (java.time.format.DateTimeParseException e) {
            return "unknown";
        }
    }
}
