package io.failready.collect.aws.ecs;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceField;
import software.amazon.awssdk.services.ecs.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * ECS services ({@code AWS::ECS::Service}) with desired/running counts, the task definition's
 * container images (with digest when pinned) and Application Auto Scaling limits.
 *
 * <p>AWS calls / IAM actions: {@code ecs:ListClusters}, {@code ecs:ListServices} (paginated),
 * {@code ecs:DescribeServices} (batches of 10), {@code ecs:DescribeTaskDefinition} once per distinct
 * task definition (the only source of images), {@code application-autoscaling:DescribeScalableTargets}
 * once per region (namespace ecs).
 */
public final class EcsCollector implements Collector {
    public static final String TYPE = "AWS::ECS::Service";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("ecs", EcsClient.class, EcsClient::builder)
            .operations("DescribeServices", "DescribeTaskDefinition", "ListClusters", "ListServices")
            .alsoUses("applicationautoscaling", "application-autoscaling", ApplicationAutoScalingClient.class,
                    ApplicationAutoScalingClient::builder, "DescribeScalableTargets")
            .writes(TYPE, "ECS service")
            .regions(EcsClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        EcsClient ecs = ctx.client(EcsClient.class);
        var clusters = ctx.call("ecs:ListClusters", () -> ecs.listClustersPaginator(b -> { }).clusterArns().stream().toList());
        if (clusters.isEmpty() || clusters.get().isEmpty()) return;
        List<Service> services = new ArrayList<>();
        for (String cluster : clusters.get()) {
            var arns = ctx.call("ecs:ListServices", () -> ecs.listServicesPaginator(b -> b.cluster(cluster)).serviceArns().stream().toList()).orElse(List.of());
            for (int i = 0; i < arns.size(); i += 10) {
                List<String> batch = arns.subList(i, Math.min(arns.size(), i + 10));
                ctx.call("ecs:DescribeServices", () -> ecs.describeServices(b -> b.cluster(cluster).services(batch).include(ServiceField.TAGS)).services())
                        .ifPresent(services::addAll);
            }
        }
        if (services.isEmpty()) return;
        Map<String, Map<String, Object>> scaling = scalableTargets(ctx);
        Map<String, List<Map<String, Object>>> images = new HashMap<>();
        for (Service s : services) {
            String td = s.taskDefinition();
            if (td == null || images.containsKey(td)) continue;
            images.put(td, ctx.callFor("ecs:DescribeTaskDefinition", TYPE, s.serviceArn(),
                    () -> ecs.describeTaskDefinition(b -> b.taskDefinition(td)).taskDefinition().containerDefinitions())
                    .map(defs -> Attrs.list(defs, EcsCollector::image)).orElse(null));
        }
        for (Service s : services) {
            String cluster = s.clusterArn() == null ? "" : s.clusterArn().substring(s.clusterArn().lastIndexOf('/') + 1);
            Map<String, Object> as = scaling == null ? null : scaling.get("service/" + cluster + "/" + s.serviceName());
            ctx.add(TYPE, s.serviceArn(), s.serviceName(), Attrs.tags(s.tags(), Tag::key, Tag::value), Attrs.map(
                    "clusterArn", s.clusterArn(), "desiredCount", s.desiredCount(), "runningCount", s.runningCount(),
                    "taskDefinition", s.taskDefinition(), "images", images.get(s.taskDefinition()), "autoScaling", as));
        }
    }

    private static Map<String, Object> image(ContainerDefinition c) {
        String image = c.image();
        int at = image == null ? -1 : image.indexOf("@sha256:");
        return Attrs.map("container", c.name(), "image", image, "digest", at < 0 ? null : image.substring(at + 1));
    }

    private static Map<String, Map<String, Object>> scalableTargets(CollectionContext ctx) {
        ApplicationAutoScalingClient aas = ctx.client(ApplicationAutoScalingClient.class);
        return ctx.call("application-autoscaling:DescribeScalableTargets", () -> {
            Map<String, Map<String, Object>> out = new HashMap<>();
            for (ScalableTarget t : aas.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.ECS)).scalableTargets()) {
                out.put(t.resourceId(), Attrs.map("minCapacity", t.minCapacity(), "maxCapacity", t.maxCapacity()));
            }
            return out;
        }).orElse(null);
    }
}
