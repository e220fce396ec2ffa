package io.failready.collect.aws.fis;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.fis.FisClient;
import software.amazon.awssdk.services.fis.model.Experiment;
import software.amazon.awssdk.services.fis.model.ExperimentAction;
import software.amazon.awssdk.services.fis.model.ExperimentSummary;
import software.amazon.awssdk.services.fis.model.ExperimentTarget;
import software.amazon.awssdk.services.fis.model.ExperimentTemplateSummary;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * AWS FIS experiments ({@code AWS::FIS::Experiment}) and experiment templates
 * ({@code AWS::FIS::ExperimentTemplate}) per region. ListExperiments gives each experiment's state,
 * template and tags; GetExperiment, sent only for experiments that ended (completed, failed,
 * stopped), adds start and end time, the actions run, the target resource types and the regions
 * the experiment touched: its own region, the regions in its targets' resource ARNs and any
 * {@code region} action parameter (cross-region connectivity disruption names the other region
 * there). A failed GetExperiment is a gap on that experiment and leaves {@code regions} absent.
 *
 * <p>Only what a rule needs: no role ARN, no log configuration, no experiment report location, no
 * target resource tags or filters.
 *
 * <p>AWS calls / IAM actions: {@code fis:ListExperiments}, {@code fis:GetExperiment},
 * {@code fis:ListExperimentTemplates} (paginated).
 */
public final class FisCollector implements Collector {
    public static final String EXPERIMENT = "AWS::FIS::Experiment";
    public static final String TEMPLATE = "AWS::FIS::ExperimentTemplate";
    private static final Set<String> ENDED = Set.of("completed", "failed", "stopped");
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("fis", FisClient.class, FisClient::builder)
            .operations("ListExperiments", "GetExperiment", "ListExperimentTemplates")
            .writes(EXPERIMENT, "FIS experiment")
            .writes(TEMPLATE, "FIS experiment template")
            .regions(FisClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        FisClient fis = ctx.client(FisClient.class);
        ctx.call("fis:ListExperimentTemplates", () -> fis.listExperimentTemplatesPaginator(b -> { }).experimentTemplates().stream().toList())
                .ifPresent(list -> list.forEach(t -> template(ctx, t)));
        Optional<List<ExperimentSummary>> experiments = ctx.call("fis:ListExperiments",
                () -> fis.listExperimentsPaginator(b -> { }).experiments().stream().toList());
        if (experiments.isEmpty()) return;
        for (ExperimentSummary x : experiments.get()) {
            ctx.checkDeadline();
            String arn = x.arn() != null ? x.arn() : ctx.arn("fis", "experiment/" + x.id());
            String status = x.state() == null ? null : x.state().statusAsString();
            Map<String, Object> cfg = Attrs.map("experimentId", x.id(), "experimentTemplateId", x.experimentTemplateId(),
                    "status", status, "reason", x.state() == null ? null : x.state().reason(), "creationTime", time(x.creationTime()),
                    "actionsMode", x.experimentOptions() == null ? null : x.experimentOptions().actionsModeAsString(),
                    "accountTargeting", x.experimentOptions() == null ? null : x.experimentOptions().accountTargetingAsString());
            if (status != null && ENDED.contains(status)) {
                ctx.callFor("fis:GetExperiment", EXPERIMENT, arn, () -> fis.getExperiment(b -> b.id(x.id())).experiment())
                        .ifPresent(e -> detail(ctx, e, cfg));
            }
            Map<String, String> tags = x.hasTags() ? x.tags() : Map.of();
            ctx.add(EXPERIMENT, arn, tags.getOrDefault("Name", x.id()), tags, cfg);
        }
    }

    private static void template(CollectionContext ctx, ExperimentTemplateSummary t) {
        String arn = t.arn() != null ? t.arn() : ctx.arn("fis", "experiment-template/" + t.id());
        Map<String, String> tags = t.hasTags() ? t.tags() : Map.of();
        ctx.add(TEMPLATE, arn, tags.getOrDefault("Name", t.id()), tags,
                Attrs.map("templateId", t.id(), "description", t.description(), "lastUpdateTime", time(t.lastUpdateTime())));
    }

    private static void detail(CollectionContext ctx, Experiment e, Map<String, Object> cfg) {
        cfg.put("startTime", time(e.startTime()));
        cfg.put("endTime", time(e.endTime()));
        Set<String> regions = new TreeSet<>(List.of(ctx.region()));
        Set<String> types = new TreeSet<>();
        for (ExperimentTarget t : e.targets().values()) {
            if (t.resourceType() != null) types.add(t.resourceType());
            for (String a : t.resourceArns()) {
                String r = Attrs.arnRegion(a);
                if (r != null && !r.isEmpty()) regions.add(r);
            }
        }
        Set<String> actions = new TreeSet<>();
        for (ExperimentAction a : e.actions().values()) {
            if (a.actionId() != null) actions.add(a.actionId());
            String r = a.parameters().get("region");
            if (r != null && !r.isBlank()) regions.add(r);
        }
        cfg.put("regions", List.copyOf(regions));
        cfg.put("targetResourceTypes", List.copyOf(types));
        cfg.put("actions", List.copyOf(actions));
    }

    private static String time(Instant i) { return i == null ? null : i.toString(); }
}
