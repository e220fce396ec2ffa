package io.failready.evaluate;

import io.failready.model.Evaluation;

import io.failready.model.ComplianceType;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The checklist's score (docs/checklist.md, "Score and verdict"): 100 x weight(COMPLIANT) / weight(COMPLIANT + NON_COMPLIANT +
 * INSUFFICIENT_DATA), NOT_APPLICABLE and waived evaluations left out. Null when nothing counts,
 * because "no data" must never read as 100.
 */
public final class Scoring {
    private Scoring() {}

    public static Double score(Collection<Evaluation> evals) {
        long num = 0, den = 0;
        for (Evaluation e : evals) {
            num += compliantWeight(e);
            den += countedWeight(e);
        }
        return score(num, den);
    }

    /** What an evaluation adds to the score's denominator: its severity's weight, or 0 when it does not count. */
    public static int countedWeight(Evaluation e) {
        if (e.isWaived() || e.getComplianceType() == ComplianceType.NOT_APPLICABLE || e.getSeverity() == null) return 0;
        return e.getSeverity().weight();
    }

    /** What an evaluation adds to the score's numerator: its counted weight when COMPLIANT, else 0. */
    public static int compliantWeight(Evaluation e) {
        return e.getComplianceType() == ComplianceType.COMPLIANT ? countedWeight(e) : 0;
    }

    /**
     * The score of weight sums made with {@link #compliantWeight} and {@link #countedWeight}, so a
     * caller that changes a few evaluations (the "fix first" gain) need not re-add them all.
     */
    public static Double score(long compliantWeights, long countedWeights) {
        if (countedWeights == 0) return null;
        return Math.round(1000.0 * compliantWeights / countedWeights) / 10.0;
    }

    /** Scores grouped by a key, sorted by key. */
    public static Map<String, Double> scoreBy(List<Evaluation> evals, Function<Evaluation, String> key) {
        // hashed while grouping (a million evaluations at a million resources), sorted once below
        Map<String, List<Evaluation>> groups = new java.util.HashMap<>();
        for (Evaluation e : evals) {
            String k = key.apply(e);
            if (k != null) groups.computeIfAbsent(k, x -> new java.util.ArrayList<>()).add(e);
        }
        Map<String, Double> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, score(v)));
        return out;
    }

    public static Map<String, Long> count(List<Evaluation> evals, Function<Evaluation, String> key) {
        Map<String, Long> out = new TreeMap<>();
        for (Evaluation e : evals) out.merge(key.apply(e), 1L, Long::sum);
        return out;
    }
}
