package io.failready.rules.api;


import io.failready.model.Evaluation;

import io.failready.model.ComplianceType;

import io.failready.config.Workload;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The functions DRL consequences call to emit an evaluation, imported with
 * {@code import function io.failready.evaluate.Judge.nonCompliant;}. Section and severity
 * are not passed: they come from the rule's metadata (and the workload's overrides), so a rule
 * cannot contradict its own catalog entry.
 */
public final class Judge {
    private Judge() {}

    /** "S3_X - insufficient data" -> "S3_X": outcome rules share the id of the rule they belong to. */
    public static String ruleId(RuleContext ctx) {
        String name = ctx.getRule().getName();
        int sep = name.indexOf(" - ");
        return sep < 0 ? name.trim() : name.substring(0, sep).trim();
    }

    public static void compliant(RuleContext ctx, RegionPair pair, Resource r, Resource counterpart, String annotation) {
        resource(ctx, ComplianceType.COMPLIANT, pair, r, counterpart, annotation);
    }
    public static void nonCompliant(RuleContext ctx, RegionPair pair, Resource r, Resource counterpart, String annotation) {
        resource(ctx, ComplianceType.NON_COMPLIANT, pair, r, counterpart, annotation);
    }
    public static void notApplicable(RuleContext ctx, RegionPair pair, Resource r, Resource counterpart, String annotation) {
        resource(ctx, ComplianceType.NOT_APPLICABLE, pair, r, counterpart, annotation);
    }
    public static void insufficientData(RuleContext ctx, RegionPair pair, Resource r, Resource counterpart, String annotation) {
        resource(ctx, ComplianceType.INSUFFICIENT_DATA, pair, r, counterpart, annotation);
    }

    /** Emits the one evaluation a decision function reached for a subject; its outcome names the type. */
    public static void judge(RuleContext ctx, RegionPair pair, Resource r, Verdict v) {
        resource(ctx, v.type(), pair, r, v.counterpart(), v.annotation());
    }

    /**
     * Emits the one evaluation a decision reached for a subject that is not an inventoried resource
     * (an account in a region, a declared endpoint); the counterpart is the verdict's.
     */
    public static void judgeSubject(RuleContext ctx, String resourceType, String resourceId, String accountId,
                                    String region, String recoveryRegion, Verdict v) {
        Resource cp = v.counterpart();
        emitWithCounterpart(ctx, v.type().name(), resourceType, resourceId, accountId, region, recoveryRegion,
                cp == null ? null : cp.getResourceId(), cp == null ? null : cp.getAwsRegion(), v.annotation());
    }

    /**
     * Emits a verdict on the workload declaration itself: resource {@code workload/<name>}, its first
     * declared account (empty when none), its primary region and no recovery region, since it is
     * judged once and not per region pair.
     */
    public static void judgeWorkload(RuleContext ctx, Workload w, Verdict v) {
        judgeSubject(ctx, WORKLOAD, w.getId(), w.accounts.isEmpty() ? "" : w.accounts.get(0).id, w.getPrimaryRegion(), null, v);
    }

    /** The resource type of evaluations about the workload declaration. */
    public static final String WORKLOAD = "Failready::Workload";

    private static void resource(RuleContext ctx, ComplianceType type, RegionPair pair, Resource r, Resource cp, String annotation) {
        EvaluationSink.current().add(new Evaluation(ruleId(ctx), null, null, type, r.getResourceType(), r.getResourceId(),
                r.getResourceName(), r.getAccountId(), r.getAwsRegion(), pair == null ? null : pair.recovery(),
                cp == null ? null : new Evaluation.Counterpart(cp.getResourceId(), cp.getAwsRegion()), annotation, null));
    }

    /**
     * For subjects that are not inventoried resources: the workload, an account, an account in one
     * region, a declared endpoint. {@code complianceType} is the enum constant's name.
     */
    public static void emit(RuleContext ctx, String complianceType, String resourceType, String resourceId,
                            String accountId, String region, String recoveryRegion, String annotation) {
        emitWithCounterpart(ctx, complianceType, resourceType, resourceId, accountId, region, recoveryRegion, null, null, annotation);
    }

    public static void emitWithCounterpart(RuleContext ctx, String complianceType, String resourceType, String resourceId,
                                           String accountId, String region, String recoveryRegion,
                                           String counterpartId, String counterpartRegion, String annotation) {
        EvaluationSink.current().add(new Evaluation(ruleId(ctx), null, null, ComplianceType.valueOf(complianceType),
                resourceType, resourceId, resourceId, accountId, region, recoveryRegion,
                counterpartId == null ? null : new Evaluation.Counterpart(counterpartId, counterpartRegion), annotation, null));
    }
}
