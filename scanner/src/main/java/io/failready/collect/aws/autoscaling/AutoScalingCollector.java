package io.failready.collect.aws.autoscaling;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.SuspendedProcess;
import software.amazon.awssdk.services.autoscaling.model.TagDescription;

import java.util.List;

/**
 * EC2 Auto Scaling groups ({@code AWS::AutoScaling::AutoScalingGroup}) with min/max/desired capacity
 * and the names of their suspended processes (a group with {@code Launch} suspended cannot add an
 * instance, whatever its max size says).
 *
 * <p>AWS calls / IAM actions: {@code autoscaling:DescribeAutoScalingGroups} (paginated).
 */
public final class AutoScalingCollector implements Collector {
    public static final String TYPE = "AWS::AutoScaling::AutoScalingGroup";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("autoscaling", AutoScalingClient.class, AutoScalingClient::builder)
            .operations("DescribeAutoScalingGroups")
            .writes(TYPE, "Auto Scaling group")
            .regions(AutoScalingClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        AutoScalingClient as = ctx.client(AutoScalingClient.class);
        ctx.call("autoscaling:DescribeAutoScalingGroups", () -> as.describeAutoScalingGroupsPaginator(b -> { }).autoScalingGroups().stream().toList())
                .ifPresent(groups -> groups.forEach(g -> ctx.add(TYPE, g.autoScalingGroupARN(), g.autoScalingGroupName(),
                        Attrs.tags(g.tags(), TagDescription::key, TagDescription::value),
                        Attrs.map("minSize", g.minSize(), "maxSize", g.maxSize(), "desiredCapacity", g.desiredCapacity(),
                                "suspendedProcesses", g.suspendedProcesses().stream().map(SuspendedProcess::processName).sorted().toList(),
                                "targetGroupArns", g.targetGroupARNs().stream().sorted().toList()))));
    }
}
