package io.failready.collect.aws.arcregionswitch;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.arcregionswitch.ArcRegionSwitchClient;
import software.amazon.awssdk.services.arcregionswitch.model.AbbreviatedExecution;
import software.amazon.awssdk.services.arcregionswitch.model.AbbreviatedPlan;
import software.amazon.awssdk.services.arcregionswitch.model.GetPlanEvaluationStatusResponse;
import software.amazon.awssdk.services.arcregionswitch.model.Plan;
import software.amazon.awssdk.services.arcregionswitch.model.ResourceWarning;
import software.amazon.awssdk.services.arcregionswitch.model.Step;
import software.amazon.awssdk.services.arcregionswitch.model.Workflow;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ARC Region switch plans ({@code AWS::ARCRegionSwitch::Plan}), read once per account: each plan's
 * regions, primary region, recovery approach and RTO, its workflows (action, target region, execution
 * block types), tags, its latest evaluation (state, time, evaluated version, warnings) and its
 * executions (mode, state, action, region, start/end, actual recovery time).
 *
 * <p>Plans are global. ListPlans, GetPlan and ListTagsForResource are control-plane calls, which the
 * SDK's endpoint rules send to the partition's control-plane endpoint whatever region the client is
 * in; GetPlanEvaluationStatus and ListPlanExecutions are data-plane calls answered in each of the
 * plan's regions ("Region switch API operations" in the ARC developer guide). They are sent to the
 * plan's region that is not its primary where the scan covers it: the region a failover leans on,
 * and the one still answering when the primary is impaired.
 *
 * <p>A failed detail call is a gap on that plan alone and leaves the field absent (unknown), never
 * empty: {@code evaluation} absent means the evaluation could not be read; present with state
 * {@code pendingEvaluation} means Region switch has not evaluated the plan yet.
 *
 * <p>AWS calls / IAM actions: {@code arc-region-switch:ListPlans}, {@code GetPlan},
 * {@code ListTagsForResource}, {@code GetPlanEvaluationStatus}, {@code ListPlanExecutions}, all
 * paginated where the API pages. No call starts, approves, cancels or changes an execution.
 */
public final class ArcRegionSwitchCollector implements Collector {
    public static final String TYPE = "AWS::ARCRegionSwitch::Plan";
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("arcregionswitch", ArcRegionSwitchClient.class,
                    ArcRegionSwitchClient::builder)
            .iamPrefix("arc-region-switch")
            .operations("ListPlans", "GetPlan", "ListTagsForResource", "GetPlanEvaluationStatus", "ListPlanExecutions")
            .writes(TYPE, "Region switch plan")
            .global()
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        ArcRegionSwitchClient control = ctx.client(ArcRegionSwitchClient.class);
        Optional<List<AbbreviatedPlan>> plans = ctx.call("arc-region-switch:ListPlans",
                () -> control.listPlansPaginator(b -> { }).plans().stream().toList());
        if (plans.isEmpty()) return;
        for (AbbreviatedPlan p : plans.get()) {
            ctx.checkDeadline();
            String arn = p.arn();
            Map<String, Object> cfg = Attrs.map("regions", p.hasRegions() ? p.regions() : null, "primaryRegion", p.primaryRegion(),
                    "recoveryApproach", p.recoveryApproachAsString(), "version", p.version(),
                    "updatedAt", p.updatedAt() == null ? null : p.updatedAt().toString(),
                    "recoveryTimeObjectiveMinutes", p.recoveryTimeObjectiveMinutes(), "owner", p.owner(),
                    "activePlanExecution", p.activePlanExecution());
            ctx.callFor("arc-region-switch:GetPlan", TYPE, arn, () -> control.getPlan(b -> b.arn(arn)).plan())
                    .ifPresent(plan -> cfg.put("workflows", workflows(plan)));
            Map<String, String> tags = ctx.callFor("arc-region-switch:ListTagsForResource", TYPE, arn,
                    () -> control.listTagsForResource(b -> b.arn(arn)).resourceTags()).orElse(Map.of());
            String dataRegion = dataRegion(p, ctx.scanRegions());
            ArcRegionSwitchClient data = ctx.client(ArcRegionSwitchClient.class, dataRegion);
            ctx.callFor("arc-region-switch:GetPlanEvaluationStatus", TYPE, arn,
                    () -> data.getPlanEvaluationStatusPaginator(b -> b.planArn(arn)).stream().toList())
                    .ifPresent(pages -> cfg.put("evaluation", evaluation(pages)));
            ctx.callFor("arc-region-switch:ListPlanExecutions", TYPE, arn,
                    () -> data.listPlanExecutionsPaginator(b -> b.planArn(arn)).items().stream().toList())
                    .ifPresent(list -> cfg.put("executions", list.stream().map(ArcRegionSwitchCollector::execution).toList()));
            ctx.add(TYPE, arn, p.name() != null ? p.name() : arn, tags, cfg);
        }
    }

    /** The plan's region other than its primary that this scan covers, else any of its regions. */
    static String dataRegion(AbbreviatedPlan p, List<String> scanRegions) {
        List<String> regions = p.hasRegions() ? p.regions() : List.of();
        for (String r : regions) if (!r.equals(p.primaryRegion()) && scanRegions.contains(r)) return r;
        for (String r : regions) if (scanRegions.contains(r)) return r;
        return regions.isEmpty() ? (p.primaryRegion() != null ? p.primaryRegion() : scanRegions.get(0)) : regions.get(0);
    }

    private static List<Map<String, Object>> workflows(Plan plan) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Workflow w : plan.workflows()) {
            out.add(Attrs.map("action", w.workflowTargetActionAsString(), "targetRegion", w.workflowTargetRegion(),
                    "executionBlocks", w.steps().stream().map(Step::executionBlockTypeAsString).toList()));
        }
        return out;
    }

    /** The pages of one evaluation: the state from the first, the warnings of all. */
    private static Map<String, Object> evaluation(List<GetPlanEvaluationStatusResponse> pages) {
        GetPlanEvaluationStatusResponse first = pages.get(0);
        List<Map<String, Object>> warnings = new ArrayList<>();
        for (GetPlanEvaluationStatusResponse page : pages) {
            for (ResourceWarning w : page.warnings()) {
                warnings.add(Attrs.map("workflow", w.workflow() == null ? null : w.workflow().name(),
                        "workflowAction", w.workflow() == null ? null : w.workflow().actionAsString(),
                        "step", w.stepName(), "resourceArn", w.resourceArn(), "status", w.warningStatusAsString(),
                        "updatedTime", w.warningUpdatedTime() == null ? null : w.warningUpdatedTime().toString(),
                        "message", w.warningMessage()));
            }
        }
        Map<String, Object> e = Attrs.map("state", first.evaluationStateAsString(),
                "lastEvaluationTime", first.lastEvaluationTime() == null ? null : first.lastEvaluationTime().toString(),
                "lastEvaluatedVersion", first.lastEvaluatedVersion(), "region", first.region());
        e.put("warnings", warnings);
        return e;
    }

    private static Map<String, Object> execution(AbbreviatedExecution x) {
        return Attrs.map("executionId", x.executionId(), "mode", x.modeAsString(), "state", x.executionStateAsString(),
                "action", x.executionActionAsString(), "region", x.executionRegion(), "version", x.version(),
                "startTime", time(x.startTime()), "endTime", time(x.endTime()),
                "actualRecoveryTime", x.actualRecoveryTime(), "actualRecoverySeconds", seconds(x.actualRecoveryTime()));
    }

    private static String time(Instant i) { return i == null ? null : i.toString(); }

    /**
     * The API types actualRecoveryTime as a bare string without a documented format; an ISO-8601
     * duration ({@code PT14M30S}) is read, anything else stays unknown (null) rather than guessed:
     * "14:30" could be minutes or hours.
     */
    static Long seconds(String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return Duration.parse(text.trim()).getSeconds();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
