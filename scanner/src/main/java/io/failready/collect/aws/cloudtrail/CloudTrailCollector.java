package io.failready.collect.aws.cloudtrail;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Trail;

import java.util.List;
import java.util.Map;

/**
 * CloudTrail trails ({@code AWS::CloudTrail::Trail}) in their home region, including organization
 * trails that reach this account; each with its logging status.
 *
 * <p>AWS calls / IAM actions: {@code cloudtrail:DescribeTrails} (with shadow trails, kept only in
 * their home region), {@code cloudtrail:GetTrailStatus} per trail.
 */
public final class CloudTrailCollector implements Collector {
    public static final String TYPE = "AWS::CloudTrail::Trail";

    @Override public String service() { return "cloudtrail"; }
    @Override public boolean availableIn(String region) { return Collector.inMetadata(CloudTrailClient.serviceMetadata(), region); }
    @Override public List<String> operations() { return List.of("cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus"); }

    @Override public void collect(CollectionContext ctx) {
        CloudTrailClient ct = ctx.client(CloudTrailClient.class);
        ctx.call("cloudtrail:DescribeTrails", () -> ct.describeTrails(b -> b.includeShadowTrails(true)).trailList()).ifPresent(trails -> {
            for (Trail t : trails) {
                if (t.homeRegion() != null && !t.homeRegion().equals(ctx.region())) continue;
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
