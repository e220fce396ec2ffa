package io.failready.collect.aws.elasticloadbalancingv2;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Certificate;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetHealthDescription;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Application and Network Load Balancers ({@code AWS::ElasticLoadBalancingV2::LoadBalancer}) with
 * their listeners (port, protocol, certificates), and target groups
 * ({@code AWS::ElasticLoadBalancingV2::TargetGroup}) with their registered targets counted by health state.
 *
 * <p>AWS calls / IAM actions ({@code elasticloadbalancing:} prefix): {@code DescribeLoadBalancers}
 * and {@code DescribeTargetGroups} (paginated, once per region), {@code DescribeListeners}
 * (paginated, per load balancer), {@code DescribeTargetHealth} (per target group),
 * {@code DescribeTags} (20 ARNs per call, load balancers and target groups in the same calls). A failed per-resource call is a gap on that load
 * balancer or target group; the attribute it would have filled is left out, never set to empty.
 */
public final class ElbV2Collector implements Collector {
    public static final String LOAD_BALANCER = "AWS::ElasticLoadBalancingV2::LoadBalancer";
    public static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";

    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor
            .of("elasticloadbalancingv2", ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder)
            .iamPrefix("elasticloadbalancing")
            .operations("DescribeListeners", "DescribeLoadBalancers", "DescribeTags", "DescribeTargetGroups", "DescribeTargetHealth")
            .writes(LOAD_BALANCER, "load balancer")
            .writes(TARGET_GROUP, "target group")
            .regions(ElasticLoadBalancingV2Client::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        ElasticLoadBalancingV2Client elb = ctx.client(ElasticLoadBalancingV2Client.class);
        var lbs = ctx.call("elasticloadbalancing:DescribeLoadBalancers",
                () -> elb.describeLoadBalancersPaginator(b -> { }).loadBalancers().stream().toList());
        var tgs = ctx.call("elasticloadbalancing:DescribeTargetGroups",
                () -> elb.describeTargetGroupsPaginator(b -> { }).targetGroups().stream().toList());
        // one DescribeTags pass for both kinds: it takes load balancer and target group ARNs alike, 20 a call
        Map<String, String> typeOf = new java.util.LinkedHashMap<>();
        lbs.ifPresent(l -> l.forEach(lb -> typeOf.put(lb.loadBalancerArn(), LOAD_BALANCER)));
        tgs.ifPresent(l -> l.forEach(tg -> typeOf.put(tg.targetGroupArn(), TARGET_GROUP)));
        Map<String, Map<String, String>> tags = tags(ctx, elb, typeOf);
        if (lbs.isPresent()) {
            for (LoadBalancer lb : lbs.get()) {
                String arn = lb.loadBalancerArn();
                List<Map<String, Object>> listeners = ctx.callFor("elasticloadbalancing:DescribeListeners", LOAD_BALANCER, arn,
                        () -> elb.describeListenersPaginator(b -> b.loadBalancerArn(arn)).listeners().stream()
                                .map(ElbV2Collector::listener).toList()).orElse(null);
                ctx.add(LOAD_BALANCER, arn, lb.loadBalancerName(), tags.getOrDefault(arn, Map.of()), Attrs.map(
                        "type", lb.typeAsString(), "scheme", lb.schemeAsString(),
                        "state", lb.state() == null ? null : lb.state().codeAsString(), "vpcId", lb.vpcId(), "dnsName", lb.dnsName(),
                        "availabilityZones", lb.availabilityZones().stream().map(AvailabilityZone::zoneName).sorted().toList(),
                        "listeners", listeners));
            }
        }
        if (tgs.isPresent()) {
            for (TargetGroup tg : tgs.get()) {
                String arn = tg.targetGroupArn();
                Map<String, Object> health = ctx.callFor("elasticloadbalancing:DescribeTargetHealth", TARGET_GROUP, arn,
                        () -> health(elb.describeTargetHealth(b -> b.targetGroupArn(arn)).targetHealthDescriptions())).orElse(null);
                ctx.add(TARGET_GROUP, arn, tg.targetGroupName(), tags.getOrDefault(arn, Map.of()), Attrs.map(
                        "protocol", tg.protocolAsString(), "port", tg.port(), "targetType", tg.targetTypeAsString(),
                        "loadBalancerArns", tg.loadBalancerArns().stream().distinct().sorted().toList(),
                        "registeredTargets", health == null ? null : health.get("registered"),
                        "healthyTargets", health == null ? null : health.get("healthy"),
                        "targetStates", health == null ? null : health.get("states")));
            }
        }
    }

    private static Map<String, Object> listener(Listener l) {
        return Attrs.map("port", l.port(), "protocol", l.protocolAsString(),
                "certificateArns", l.certificates().stream().map(Certificate::certificateArn).filter(java.util.Objects::nonNull).sorted().toList());
    }

    private static Map<String, Object> health(List<TargetHealthDescription> targets) {
        Map<String, Integer> states = new TreeMap<>();
        int healthy = 0;
        for (TargetHealthDescription t : targets) {
            String s = t.targetHealth() == null ? "unknown" : t.targetHealth().stateAsString();
            states.merge(s, 1, Integer::sum);
            if ("healthy".equals(s)) healthy++;
        }
        return Map.of("registered", targets.size(), "healthy", healthy, "states", states);
    }

    /** Tags decide scope: a batch that cannot be read is a gap on each of its resources. */
    private static Map<String, Map<String, String>> tags(CollectionContext ctx, ElasticLoadBalancingV2Client elb, Map<String, String> typeOf) {
        List<String> arns = List.copyOf(typeOf.keySet());
        Map<String, Map<String, String>> out = new HashMap<>();
        for (int i = 0; i < arns.size(); i += 20) {
            List<String> batch = arns.subList(i, Math.min(arns.size(), i + 20));
            try {
                ctx.checkDeadline();
                for (TagDescription d : elb.describeTags(b -> b.resourceArns(batch)).tagDescriptions()) {
                    out.put(d.resourceArn(), Attrs.tags(d.tags(), Tag::key, Tag::value));
                }
            } catch (io.failready.collect.Gaps.ScanTimeout e) {
                throw e;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) throw new io.failready.collect.Gaps.ScanTimeout();
                for (String arn : batch) ctx.gap("elasticloadbalancing:DescribeTags", typeOf.get(arn), arn, e);
            }
        }
        return out;
    }
}
