package io.failready.collect.aws.cloudfront;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CacheBehavior;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.Origin;
import software.amazon.awssdk.services.cloudfront.model.OriginGroup;
import software.amazon.awssdk.services.cloudfront.model.OriginGroupMember;
import software.amazon.awssdk.services.cloudfront.model.Tag;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFront distributions ({@code AWS::CloudFront::Distribution}, global) with their origins
 * (domain, and the AWS region the domain names where it names one), origin groups (members and
 * failover status codes) and the origin or group each cache behaviour targets.
 *
 * <p>AWS calls / IAM actions: {@code cloudfront:ListDistributions} (paginated by Marker, once per
 * account: CloudFront is global and answers from us-east-1), {@code cloudfront:ListTagsForResource}
 * per distribution (a failure is a gap on that distribution).
 */
public final class CloudFrontCollector implements Collector {
    public static final String TYPE = "AWS::CloudFront::Distribution";

    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("cloudfront", CloudFrontClient.class, CloudFrontClient::builder)
            .operations("ListDistributions", "ListTagsForResource")
            .writes(TYPE, "CloudFront distribution")
            .global()
            .build();

    private static final Pattern S3_BUCKET = Pattern.compile("^(.+?)\\.s3(?:[.-][a-z0-9-]+)?\\.amazonaws\\.com$");

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        CloudFrontClient cf = ctx.client(CloudFrontClient.class);
        var dists = ctx.call("cloudfront:ListDistributions", () -> {
            // CloudFront pages by Marker/NextMarker while IsTruncated; the SDK has no paginator for it.
            List<DistributionSummary> out = new ArrayList<>();
            String marker = null;
            while (true) {
                String m = marker;
                DistributionList page = cf.listDistributions(b -> b.marker(m)).distributionList();
                if (page == null) break;
                out.addAll(page.items());
                if (!Boolean.TRUE.equals(page.isTruncated()) || page.nextMarker() == null || page.nextMarker().isEmpty()) break;
                marker = page.nextMarker();
                ctx.checkDeadline();
            }
            return out;
        });
        if (dists.isEmpty()) return;
        for (DistributionSummary d : dists.get()) {
            Map<String, String> tags = ctx.callFor("cloudfront:ListTagsForResource", TYPE, d.arn(),
                    () -> Attrs.tags(cf.listTagsForResource(b -> b.resource(d.arn())).tags().items(), Tag::key, Tag::value)).orElse(Map.of());
            ctx.add(TYPE, d.arn(), d.id(), tags, Attrs.map(
                    "domainName", d.domainName(), "status", d.status(), "enabled", d.enabled(),
                    "aliases", d.aliases() == null ? List.of() : d.aliases().items().stream().sorted().toList(),
                    "origins", d.origins() == null ? List.of() : Attrs.list(d.origins().items(), CloudFrontCollector::origin),
                    "originGroups", d.originGroups() == null ? List.of() : Attrs.list(d.originGroups().items(), CloudFrontCollector::group),
                    "cacheBehaviors", behaviours(d)));
        }
    }

    private static Map<String, Object> origin(Origin o) {
        String host = o.domainName() == null ? "" : o.domainName().toLowerCase(Locale.ROOT);
        Matcher b = S3_BUCKET.matcher(host);
        return Attrs.map("id", o.id(), "domainName", o.domainName(), "region", io.failready.facts.RegionTokens.ofAwsHost(host),
                "s3Bucket", b.matches() && o.s3OriginConfig() != null ? b.group(1) : null);
    }


    private static Map<String, Object> group(OriginGroup g) {
        List<Integer> codes = g.failoverCriteria() == null || g.failoverCriteria().statusCodes() == null ? List.of()
                : new ArrayList<>(new TreeSet<>(g.failoverCriteria().statusCodes().items()));
        List<String> members = g.members() == null ? List.of() : g.members().items().stream().map(OriginGroupMember::originId).toList();
        return Attrs.map("id", g.id(), "members", members, "failoverStatusCodes", codes);
    }

    private static List<Map<String, Object>> behaviours(DistributionSummary d) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (d.defaultCacheBehavior() != null) out.add(Attrs.map("pathPattern", "*", "targetOriginId", d.defaultCacheBehavior().targetOriginId()));
        if (d.cacheBehaviors() != null) {
            for (CacheBehavior c : d.cacheBehaviors().items()) out.add(Attrs.map("pathPattern", c.pathPattern(), "targetOriginId", c.targetOriginId()));
        }
        return out;
    }
}
