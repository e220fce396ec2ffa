package io.failready.report;

import io.failready.model.Report;

import io.failready.model.Evaluation;
import io.failready.evaluate.Scoring;
import io.failready.model.Severity;
import io.failready.evaluate.GatePolicy;
import io.failready.evaluate.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * Read-only questions every report format asks of a {@link Report}: which findings blocked the
 * gate, the overall verdict and score. Answered once here, from the policy recorded in the
 * report, so HTML, Markdown, JUnit and CSV never disagree and templates never judge.
 */
public final class ReportFacts {
    private ReportFacts() {}

    /**
     * The way a result judges, as its readers see it: "us-east-1 -> eu-west-1" for a failover,
     * "failback eu-west-1 -> us-east-1" for a failback (source from its swapped region pairs).
     */
    public static String route(Report.WorkloadReport w) {
        List<String> rec = w.recoveryRegions() == null ? List.of() : w.recoveryRegions();
        if (!w.isFailback()) return w.primaryRegion() + " -> " + String.join(",", rec);
        return "failback " + String.join(",", failbackSources(w)) + " -> " + w.primaryRegion();
    }

    /** The regions a failback entry returns from: its pairs' source ends, else its recovery regions. */
    public static List<String> failbackSources(Report.WorkloadReport w) {
        if (w.regionPairs() != null && !w.regionPairs().isEmpty()) {
            return w.regionPairs().stream().map(Report.PairScore::primary).distinct().toList();
        }
        return w.recoveryRegions() == null ? List.of() : w.recoveryRegions();
    }

    /** The name with the direction when it is a failback: "payments (failback)". */
    public static String title(Report.WorkloadReport w) {
        return w.isFailback() ? w.name() + " (failback)" : w.name();
    }

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

    /** The workload's recorded gate.maxAge, as written in its configuration (null: no limit recorded). */
    public static String maxAgeOf(Report.WorkloadReport w) {
        return w.blocking() == null ? null : w.blocking().maxAge();
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

    /** The outcome buckets every format shows, in display order; WAIVED is counted only there. */
    public static final List<String> COUNT_KEYS = List.of("NON_COMPLIANT", "INSUFFICIENT_DATA", "COMPLIANT", "NOT_APPLICABLE", "WAIVED");

    /**
     * Evaluations by outcome as the CLI summary, HTML cards and Markdown show them: a waived
     * evaluation counts once, as WAIVED, not under its compliance type (the JSON contract's
     * {@code summary.byComplianceType} counts every evaluation by its type, waived included).
     */
    public static java.util.Map<String, Long> counts(Report r) {
        return counts(allEvaluations(r));
    }

    /** {@link #counts(Report)} over any set of evaluations (a workload, a section, an account). */
    public static java.util.Map<String, Long> counts(java.util.Collection<Evaluation> evals) {
        java.util.Map<String, Long> m = new java.util.LinkedHashMap<>();
        for (String k : COUNT_KEYS) m.put(k, 0L);
        for (Evaluation e : evals) m.merge(e.isWaived() ? "WAIVED" : e.getComplianceType().name(), 1L, Long::sum);
        return m;
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

    /** Worst first: NOT_READY, then UNKNOWN, then READY (any other value ranks with UNKNOWN). */
    public static final java.util.Comparator<String> VERDICT_WORST_FIRST = java.util.Comparator.comparingInt(v -> -verdictRank(v));

    /**
     * Refuses a saved report whose workload verdict or score is not what its own evaluations give
     * under the gate policy it records (the same {@link Scoring} and {@link GatePolicy} that wrote
     * them). Views that show many reports' verdicts side by side (history, portfolio) use the
     * recorded ones, so an edited "READY" over blocking findings must not reach them.
     */
    public static void checkVerdicts(Report r, Object file) {
        if (r.workloads() == null) return;
        for (Report.WorkloadReport w : r.workloads()) {
            List<Evaluation> evals = evaluations(w);
            Double score = Scoring.score(evals);
            String verdict = policyOf(w).verdict(evals, score).name();
            if (java.util.Objects.equals(score, w.score()) && verdict.equals(w.verdict())) continue;
            throw new io.failready.util.InputException(String.valueOf(file), -1, -1, "says workload '"
                    + io.failready.util.Terminal.safe(w.name()) + "' is " + io.failready.util.Terminal.safe(w.verdict())
                    + " with score " + scoreText(w.score()) + ", but its own evaluations under the gate policy it records make it "
                    + verdict + " with score " + scoreText(score) + ". The verdict or score was edited after the report was"
                    + " written; re-create the report (failready evaluate on its snapshot) instead of showing a verdict its"
                    + " findings do not support.");
        }
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

    /**
     * Account id to display name, from the reports' {@code accounts} (schema 1.3; empty for older
     * reports). With several reports the first that names an account wins (pass the newest first).
     */
    public static java.util.Map<String, String> accountNames(Report... reports) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (Report r : reports) {
            if (r == null || r.accounts() == null) continue;
            for (Report.AccountName a : r.accounts()) {
                if (a != null && a.accountId() != null && a.name() != null && !a.name().isBlank()) out.putIfAbsent(a.accountId(), a.name());
            }
        }
        return out;
    }

    /**
     * How every format shows an account: "name (id)" when the report names it, else the id. The
     * name is raw text; each writer escapes it for its own format.
     */
    public static String accountLabel(java.util.Map<String, String> names, String accountId) {
        if (accountId == null) return "";
        String name = names.get(accountId);
        return name == null ? accountId : name + " (" + accountId + ")";
    }

    /** "us-east-1 → eu-west-1", or just the region for per-region evaluations. */
    public static String where(Evaluation e) { return where(e.getRegion(), e.getRecoveryRegion()); }

    /**
     * Where an evaluation applies, in every format: "us-east-1 → eu-west-1" for a resource checked
     * against the recovery region; just "eu-west-1" for a check made in one region (an account's
     * settings in the recovery region, a per-region check); "global (recovery eu-west-1)" for a
     * global resource (IAM, Route 53) judged for a recovery region — never "eu-west-1 → eu-west-1"
     * or "global → eu-west-1", which read as a region pair that does not exist.
     */
    public static String where(String region, String recoveryRegion) {
        String r = region == null ? "" : region;
        if (recoveryRegion == null || recoveryRegion.equals(r)) return r;
        if (GLOBAL.equals(r)) return r + " (recovery " + recoveryRegion + ")";
        return r + " → " + recoveryRegion;
    }

    static final String GLOBAL = "global";
    static final String ACCOUNT_TYPE = "AWS::::Account";

    /** The resource's name when it has one, else its id; an account-level check names the account. */
    public static String displayName(Evaluation e) { return displayName(e, java.util.Map.of()); }

    /** As {@link #displayName(Evaluation)}, an account named "account name (id)" where the report names it. */
    public static String displayName(Evaluation e, java.util.Map<String, String> names) {
        if (ACCOUNT_TYPE.equals(e.getResourceType())) return "account " + (e.getAccountId() != null ? accountLabel(names, e.getAccountId()) : e.getResourceId());
        if (e.getResourceName() != null && !e.getResourceName().isBlank()) return e.getResourceName();
        return e.getResourceId() == null ? "" : e.getResourceId();
    }

    /**
     * Two reports' times for a diff header: the inventories compared first (what changed in AWS
     * happened between those), then when each report was written.
     */
    public static String whenText(String oldInventory, String oldWritten, String newInventory, String newWritten) {
        return "inventory collected " + orUnknown(oldInventory) + " -> " + orUnknown(newInventory)
                + " (reports written " + orUnknown(oldWritten) + " -> " + orUnknown(newWritten) + ")";
    }

    static String orUnknown(String s) { return s == null ? "unknown" : s; }
}
