package io.failready.collect.aws.cloudtrail;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

import java.util.List;
import java.util.Map;

/**
 * CloudTrail trails ({@code AWS::CloudTrail::Trail}), including organization trails that reach this
 * account; each with its logging status, placed in its home region.
 *
 * <p>DescribeTrails with shadow trails lists, in every region, the multi-region and organization
 * trails homed elsewhere. A trail homed in a scanned region is recorded by that region's task
 * (the shadows elsewhere are the same trail). A trail homed in a region this scan does not cover
 * would otherwise never be seen: it is recorded once per account and ARN, by the task of the
 * scan's first region (sorted, so the snapshot does not depend on task order), and placed there
 * since the rules only see the scanned regions; {@code homeRegion} says where it lives.
 * GetTrailStatus is asked by ARN, which answers for a trail of any region; when that fails, the
 * gap names the trail and its logging state stays unknown.
 *
 * <p>AWS calls / IAM actions: {@code cloudtrail:DescribeTrails} (with shadow trails),
 * {@code cloudtrail:GetTrailStatus} per recorded trail.
 */
public final class CloudTrailCollector implements Collector {
    public static final String TYPE = "AWS::CloudTrail::Trail";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("cloudtrail", CloudTrailClient.class, CloudTrailClient::builder)
            .operations("DescribeTrails", "GetTrailStatus")
            .writes(TYPE, "CloudTrail trail")
            .regions(CloudTrailClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        CloudTrailClient ct = ctx.client(CloudTrailClient.class);
        String firstRegion = ctx.scanRegions().stream().sorted().findFirst().orElse(ctx.region());
        ctx.call("cloudtrail:DescribeTrails", () -> ct.describeTrails(b -> b.includeShadowTrails(true)).trailList()).ifPresent(trails -> {
            for (Trail t : trails) {
                String home = t.homeRegion() == null ? ctx.region() : t.homeRegion();
                if (!home.equals(ctx.region()) && (ctx.scanRegions().contains(home) || !ctx.region().equals(firstRegion))) continue;
                Boolean logging = ctx.callFor("cloudtrail:GetTrailStatus", TYPE, t.trailARN(),
                        () -> ct.getTrailStatus(b -> b.name(t.trailARN())).isLogging()).orElse(null);
                ctx.add(TYPE, t.trailARN(), t.name(), Map.of(), Attrs.map(
                        "homeRegion", t.homeRegion(), "isMultiRegionTrail", Boolean.TRUE.equals(t.isMultiRegionTrail()),
                        "isOrganizationTrail", Boolean.TRUE.equals(t.isOrganizationTrail()), "isLogging", logging,
                        "logFileValidationEnabled", Boolean.TRUE.equals(t.logFileValidationEnabled()), "s3BucketName", t.s3BucketName()));
            }
        });
    }
}
