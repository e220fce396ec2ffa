package io.failready.rules.api;

import io.failready.model.Evaluation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what rules emit during one workload's session and enforces the catalog's contract:
 * exactly one evaluation per rule, resource and region pair. A rule that emits twice is a rule
 * bug and fails loudly instead of double-counting in the score.
 */
public final class EvaluationSink {
    private static final ThreadLocal<EvaluationSink> CURRENT = new ThreadLocal<>();

    private final List<Evaluation> evaluations = new ArrayList<>();
    private final Map<Subject, Evaluation> byKey = new HashMap<>();
    private final long maxEvaluations;

    public EvaluationSink(long maxEvaluations) { this.maxEvaluations = maxEvaluations; }

    /*
     * Rules fire on the thread that calls fireAllRules, one session at a time, so a thread-local
     * spares every DRL file from declaring a global.
     */
    public static void bind(EvaluationSink sink) { CURRENT.set(sink); }
    public static void unbind() { CURRENT.remove(); }
    static EvaluationSink current() {
        EvaluationSink s = CURRENT.get();
        if (s == null) throw new IllegalStateException("rule fired outside an evaluation session");
        return s;
    }

    /**
     * A second evaluation of the same subject is an error unless it repeats the first word for word:
     * a rule fires again when a fact it reads is updated or re-derived during the session (by a
     * user's rule, say), and saying the same thing twice is not a contradiction. Two different
     * judgements of one subject are: overlapping outcome rules.
     */
    void add(Evaluation e) {
        Evaluation prev = byKey.putIfAbsent(new Subject(e.getRuleId(), e.getResourceId(), e.getRegion(), e.getRecoveryRegion()), e);
        if (prev != null && prev.sameJudgement(e)) return;
        if (prev != null) {
            throw new DuplicateEvaluationException(e.getRuleId(), "rule " + e.getRuleId() + " judged "
                    + e.getResourceId() + " (" + e.getRegion() + (e.getRecoveryRegion() == null ? "" : " -> " + e.getRecoveryRegion())
                    + ") twice: " + prev.getComplianceType() + " and " + e.getComplianceType()
                    + "; its outcome rules must have mutually exclusive conditions.");
        }
        if (evaluations.size() >= maxEvaluations) {
            throw new BudgetExceededException(e.getRuleId(), "the rules emitted more than " + maxEvaluations
                    + " evaluations (last from rule " + e.getRuleId() + "); raise --max-evaluations if the estate really is that large.");
        }
        evaluations.add(e);
    }

    public List<Evaluation> evaluations() { return evaluations; }

    /** What a rule may judge once; a record shares the evaluation's strings where a concatenated key copied them. */
    private record Subject(String ruleId, String resourceId, String region, String recoveryRegion) {}

    public static class RuleFailure extends RuntimeException {
        private final String ruleId;
        public RuleFailure(String ruleId, String message) { super(message); this.ruleId = ruleId; }
        public String ruleId() { return ruleId; }
    }
    public static final class DuplicateEvaluationException extends RuleFailure {
        public DuplicateEvaluationException(String ruleId, String m) { super(ruleId, m); }
    }
    public static final class BudgetExceededException extends RuleFailure {
        public BudgetExceededException(String ruleId, String m) { super(ruleId, m); }
    }
}
