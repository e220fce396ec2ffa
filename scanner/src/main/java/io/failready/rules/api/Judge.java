package io.failready.rules.api;

import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The functions DRL consequences call to emit an evaluation, imported with
 * {@code import function io.failready.rules.api.Judge.judge;}: one {@link Verdict} per subject,
 * computed by the rule's decision class. Section and severity
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

    /** Emits the one evaluation a decision function reached for a subject; its outcome names the type. */
    public static void judge(RuleContext ctx, RegionPair pair, Resource r, Verdict v) {
        add(ctx, v, r.getResourceType(), r.getResourceId(), r.getResourceName(), r.getAccountId(), r.getAwsRegion(),
                pair == null ? null : pair.recovery());
    }

    /** Emits the one evaluation a decision reached for a subject that is not an inventoried resource. */
    public static void judge(RuleContext ctx, Subject s, Verdict v) {
        add(ctx, v, s.resourceType(), s.resourceId(), s.resourceId(), s.accountId(), s.region(), s.recoveryRegion());
    }

    /**
     * The older path for subjects that are not inventoried resources, kept while rules still call it;
     * new rules pass a {@link Subject} and a {@link Verdict} to {@link #judge(RuleContext, Subject, Verdict)}.
     * {@code complianceType} is the enum constant's name.
     */
    public static void emit(RuleContext ctx, String complianceType, String resourceType, String resourceId,
                            String accountId, String region, String recoveryRegion, String annotation) {
        judge(ctx, new Subject(resourceType, resourceId, accountId, region, recoveryRegion),
                new Verdict(ComplianceType.valueOf(complianceType), annotation, null));
    }

    private static void add(RuleContext ctx, Verdict v, String resourceType, String resourceId, String resourceName,
                            String accountId, String region, String recoveryRegion) {
        Resource cp = v.counterpart();
        EvaluationSink.current().add(new Evaluation(ruleId(ctx), null, null, v.type(), resourceType, resourceId, resourceName,
                accountId, region, recoveryRegion, cp == null ? null : new Evaluation.Counterpart(cp.getResourceId(), cp.getAwsRegion()),
                v.annotation(), null));
    }
}
