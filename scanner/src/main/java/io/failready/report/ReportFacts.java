package io.failready.report;

import io.failready.evaluate.Evaluation;
import io.failready.evaluate.Scoring;
import io.failready.evaluate.Severity;
import io.failready.gate.GatePolicy;
import io.failready.gate.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only questions every report format asks of a {@link Report}: which findings blocked the
 * gate, the overall verdict and score. Answered once here, from the policy recorded in the
 * report, so HTML, Markdown, JUnit and CSV never disagree and templates never judge.
 */
public final class ReportFacts {
    private ReportFacts() {}

    /** The gate policy a workload was judged with, as recorded in its {@code blocking} block. */
    public static GatePolicy policyOf(Report.WorkloadReport w) {
        Report.Blocking b = w.blocking();
        if (b == null) return GatePolicy.defaults();
        Severity failOn;
        try {
            failOn = b.failOn() == null ? Severity.HIGH : Severity.parse(b.failOn());
        } catch (IllegalArgumentException e) {
            failOn = Severity.HIGH;
        }
        return new GatePolicy(failOn, b.minScore(), orEmpty(b.blockRules()), orEmpty(b.blockSections()),
                orEmpty(b.warnOnly()), Boolean.TRUE.equals(b.allowUnknown()));
    }

    private static List<String> orEmpty(List<String> l) { return l == null ? List.of() : l; }

    /** Findings that would block but for the workload's warn-only list, in report order. */
    public static List<Evaluation> warnedOnly(Report.WorkloadReport w) {
        GatePolicy p = policyOf(w);
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evaluations(w)) if (p.blocksButForWarnOnly(e)) out.add(e);
        return out;
    }

    /** Rules the configuration switched off for this workload (never evaluated). */
    public static List<Report.DisabledRule> disabled(Report.WorkloadReport w) {
        return w.blocking() == null || w.blocking().disabledRules() == null ? List.of() : w.blocking().disabledRules();
    }

    /** One line per warn-only rule that let findings through and per disabled rule, for the rendered reports. */
    public static List<String> policyNotes(Report.WorkloadReport w) {
        List<String> out = new ArrayList<>();
        java.util.Map<String, Integer> warned = new java.util.TreeMap<>();
        for (Evaluation e : warnedOnly(w)) warned.merge(e.getRuleId(), 1, Integer::sum);
        warned.forEach((id, n) -> out.add("Warn-only: " + id + ", " + n + " finding" + (n == 1 ? "" : "s") + " would have blocked."));
        for (Report.DisabledRule d : disabled(w)) {
            out.add("Disabled: " + d.rule() + ", not evaluated" + (d.source() == null ? "." : " (disabledRules in " + d.source() + ")."));
        }
        return out;
    }

    /** Unwaived NON_COMPLIANT evaluations that block the gate, in report order. */
    public static List<Evaluation> blocking(Report.WorkloadReport w) {
        GatePolicy p = policyOf(w);
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evaluations(w)) if (p.blocks(e)) out.add(e);
        return out;
    }

    /** Unwaived INSUFFICIENT_DATA evaluations of blocking rules (they make the verdict UNKNOWN). */
    public static List<Evaluation> lackingData(Report.WorkloadReport w) {
        GatePolicy p = policyOf(w);
        List<Evaluation> out = new ArrayList<>();
        for (Evaluation e : evaluations(w)) if (p.lacksData(e)) out.add(e);
        return out;
    }

    public static List<Evaluation> evaluations(Report.WorkloadReport w) {
        return w.evaluations() == null ? List.of() : w.evaluations();
    }

    public static List<Evaluation> allEvaluations(Report r) {
        List<Evaluation> all = new ArrayList<>();
        if (r.workloads() != null) for (Report.WorkloadReport w : r.workloads()) all.addAll(evaluations(w));
        return all;
    }

    /** The worst workload verdict: NOT_READY over UNKNOWN over READY; UNKNOWN when there are no workloads. */
    public static String overallVerdict(Report r) {
        if (r.workloads() == null || r.workloads().isEmpty()) return Verdict.UNKNOWN.name();
        int worst = 0;
        for (Report.WorkloadReport w : r.workloads()) worst = Math.max(worst, verdictRank(w.verdict()));
        return worst == 2 ? Verdict.NOT_READY.name() : worst == 1 ? Verdict.UNKNOWN.name() : Verdict.READY.name();
    }

    private static int verdictRank(String v) {
        if (Verdict.NOT_READY.name().equals(v)) return 2;
        if (Verdict.READY.name().equals(v)) return 0;
        return 1;
    }

    /** The checklist's score over every workload's evaluations; a single workload's score is its own. */
    public static Double overallScore(Report r) {
        if (r.workloads() != null && r.workloads().size() == 1) return r.workloads().get(0).score();
        return Scoring.score(allEvaluations(r));
    }

    public static String scoreText(Double score) {
        if (score == null) return "n/a";
        return score == Math.rint(score) ? String.valueOf(score.longValue()) : String.valueOf(score);
    }

    public static String deltaText(Double delta) {
        if (delta == null) return "";
        if (delta == 0) return "±0";
        return (delta > 0 ? "+" : "−") + scoreText(Math.abs(delta));
    }

    /** "us-east-1 → eu-west-1", or just the region for per-region evaluations. */
    public static String where(Evaluation e) {
        String r = e.getRegion() == null ? "" : e.getRegion();
        return e.getRecoveryRegion() == null ? r : r + " → " + e.getRecoveryRegion();
    }

    /** The resource's name when it has one, else its id. */
    public static String displayName(Evaluation e) {
        if (e.getResourceName() != null && !e.getResourceName().isBlank()) return e.getResourceName();
        return e.getResourceId() == null ? "" : e.getResourceId();
    }
}
