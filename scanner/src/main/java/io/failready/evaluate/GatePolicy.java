package io.failready.evaluate;

import io.failready.config.GatePolicyConfig;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import io.failready.util.Globs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What blocks: evaluations at or above {@code failOn}, or of a named rule or section, unless the
 * rule is warn-only; and a score below {@code minScore}. The default (docs/checklist.md): HIGH and
 * above, no minimum score, INSUFFICIENT_DATA in a blocking rule makes the verdict UNKNOWN.
 */
public record GatePolicy(Severity failOn, Double minScore, List<String> blockRules, List<String> blockSections,
                         List<String> warnOnly, boolean allowUnknown) {

    public static GatePolicy defaults() { return new GatePolicy(Severity.HIGH, null, List.of(), List.of(), List.of(), false); }

    public static GatePolicy from(GatePolicyConfig c) {
        if (c == null) return defaults();
        return new GatePolicy(c.failOn == null ? Severity.HIGH : Severity.parse(c.failOn), c.minScore,
                List.copyOf(c.blockRules), List.copyOf(c.blockSections), List.copyOf(c.warnOnly),
                c.allowUnknown != null && c.allowUnknown);
    }

    public GatePolicy with(Severity failOn, Double minScore, List<String> blockRules, List<String> blockSections,
                           List<String> warnOnly, Boolean allowUnknown) {
        return new GatePolicy(failOn == null ? this.failOn : failOn, minScore == null ? this.minScore : minScore,
                concat(this.blockRules, blockRules), concat(this.blockSections, blockSections), concat(this.warnOnly, warnOnly),
                allowUnknown == null ? this.allowUnknown : allowUnknown);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        if (b != null) out.addAll(b);
        return out;
    }

    /** Rule ids accept globs ("ROUTE53_*"), so a team can block or relax a family at once. */
    private static boolean matchesAny(List<String> globs, String id) {
        for (String g : globs) if (Pattern.matches(Globs.glob(g).pattern(), id)) return true;
        return false;
    }

    public boolean isWarnOnly(Evaluation e) { return matchesAny(warnOnly, e.getRuleId()); }

    /** Whether this evaluation's rule can block at all under the policy. */
    public boolean isBlockingRule(Evaluation e) {
        return !isWarnOnly(e) && blockingBarWarnOnly(e);
    }

    /** A finding that blocks but for --warn-only / warnOnly: shown, so a READY that rests on it says so. */
    public boolean blocksButForWarnOnly(Evaluation e) {
        return isWarnOnly(e) && !e.isWaived() && e.getComplianceType() == ComplianceType.NON_COMPLIANT && blockingBarWarnOnly(e);
    }

    private boolean blockingBarWarnOnly(Evaluation e) {
        return (e.getSeverity() != null && e.getSeverity().atLeast(failOn))
                || matchesAny(blockRules, e.getRuleId())
                || blockSections.contains(e.getSection());
    }

    public boolean blocks(Evaluation e) {
        return !e.isWaived() && e.getComplianceType() == ComplianceType.NON_COMPLIANT && isBlockingRule(e);
    }

    public boolean lacksData(Evaluation e) {
        return !e.isWaived() && e.getComplianceType() == ComplianceType.INSUFFICIENT_DATA && isBlockingRule(e);
    }

    public Verdict verdict(List<Evaluation> evals, Double score) {
        boolean unknown = false;
        for (Evaluation e : evals) {
            if (blocks(e)) return Verdict.NOT_READY;
            if (lacksData(e)) unknown = true;
        }
        if (minScore != null && score != null && score < minScore) return Verdict.NOT_READY;
        // Nothing judged at all is no evidence of readiness: fail closed whatever the flags.
        // --allow-unknown accepts missing data for rules that ran; it cannot stand in for a
        // scope that matched nothing (waived findings were judged).
        if (!judged(evals)) return Verdict.UNKNOWN;
        if (unknown && !allowUnknown) return Verdict.UNKNOWN;
        return Verdict.READY;
    }

    /**
     * Whether any evaluation judged something: COMPLIANT or NON_COMPLIANT (waived findings were
     * judged). Every one NOT_APPLICABLE, none, or every one INSUFFICIENT_DATA (AWS not answering at
     * all) is no evidence, and --allow-unknown must not turn it into READY.
     */
    public static boolean judged(List<Evaluation> evals) {
        return evals.stream().anyMatch(e -> e.getComplianceType() == ComplianceType.COMPLIANT
                || e.getComplianceType() == ComplianceType.NON_COMPLIANT);
    }
}
