package io.failready.collect.aws.route53;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.HealthCheck;
import software.amazon.awssdk.services.route53.model.HostedZone;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Route 53 hosted zones, record sets and health checks (global). Each record and health check gets
 * a {@code targetRegion}: the region named in an alias target or CNAME/FQDN
 * ({@code my-alb-1.eu-west-1.elb.amazonaws.com}), or the latency record's region.
 *
 * <p>AWS calls / IAM actions: {@code route53:ListHostedZones}, {@code route53:ListResourceRecordSets}
 * per zone, {@code route53:ListHealthChecks} (all paginated).
 */
public final class Route53Collector implements Collector {
    public static final String ZONE = "AWS::Route53::HostedZone";
    public static final String RECORD = "AWS::Route53::RecordSet";
    public static final String HEALTH_CHECK = "AWS::Route53::HealthCheck";
    private static final Pattern REGION = Pattern.compile(
            "(?<![a-z0-9])((?:us|eu|ap|sa|ca|me|af|il|mx|cn)(?:-gov|-iso[a-z]?)?-(?:north|south|east|west|central|northeast|southeast|northwest|southwest)-\\d)(?![0-9])");

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("route53", Route53Client.class, Route53Client::builder)
            .operations("ListHealthChecks", "ListHostedZones", "ListResourceRecordSets")
            .writes(ZONE, "hosted zone")
            .writes(RECORD, "DNS record")
            .writes(HEALTH_CHECK, "health check")
            .global()
            .globalHome("aws-global")
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        Route53Client r53 = ctx.client(Route53Client.class);
        ctx.call("route53:ListHostedZones", () -> r53.listHostedZonesPaginator().hostedZones().stream().toList())
                .ifPresent(zones -> zones.forEach(z -> zone(ctx, r53, z)));
        ctx.call("route53:ListHealthChecks", () -> r53.listHealthChecksPaginator().healthChecks().stream().toList())
                .ifPresent(checks -> checks.forEach(h -> healthCheck(ctx, h)));
    }

    private static void zone(CollectionContext ctx, Route53Client r53, HostedZone z) {
        String zoneId = z.id().replace("/hostedzone/", "");
        ctx.add(ZONE, zoneId, trimDot(z.name()), Map.of(), Attrs.map("name", trimDot(z.name()),
                "privateZone", z.config() != null && Boolean.TRUE.equals(z.config().privateZone())));
        ctx.callFor("route53:ListResourceRecordSets", ZONE, zoneId,
                () -> r53.listResourceRecordSetsPaginator(b -> b.hostedZoneId(zoneId)).resourceRecordSets().stream().toList())
                .ifPresent(records -> records.forEach(r -> record(ctx, zoneId, r)));
    }

    private static void record(CollectionContext ctx, String zoneId, ResourceRecordSet r) {
        String name = trimDot(r.name()).replace("\\052", "*");
        String id = zoneId + "/" + name + "/" + r.typeAsString() + "/" + (r.setIdentifier() == null ? "-" : r.setIdentifier());
        List<String> values = Attrs.list(r.resourceRecords(), ResourceRecord::value);
        String target = r.aliasTarget() != null ? regionIn(r.aliasTarget().dnsName()) : null;
        if (target == null && r.regionAsString() != null) target = r.regionAsString();
        if (target == null) for (String v : values) if ((target = regionIn(v)) != null) break;
        ctx.add(RECORD, id, name, Map.of(), Attrs.map(
                "hostedZoneId", zoneId, "name", name, "type", r.typeAsString(), "setIdentifier", r.setIdentifier(),
                "failover", r.failoverAsString(), "latencyRegion", r.regionAsString(), "weight", r.weight(),
                "geolocation", r.geoLocation() == null ? null : true, "geoproximity", r.geoProximityLocation() == null ? null : true,
                "ttl", r.aliasTarget() == null ? r.ttl() : null,
                "aliasTarget", r.aliasTarget() == null ? null : Attrs.map("dnsName", trimDot(r.aliasTarget().dnsName()),
                        "evaluateTargetHealth", r.aliasTarget().evaluateTargetHealth(), "hostedZoneId", r.aliasTarget().hostedZoneId()),
                "resourceRecords", r.aliasTarget() == null ? values : null, "healthCheckId", r.healthCheckId(), "targetRegion", target));
    }

    private static void healthCheck(CollectionContext ctx, HealthCheck h) {
        var c = h.healthCheckConfig();
        ctx.add(HEALTH_CHECK, h.id(), c.fullyQualifiedDomainName() == null ? h.id() : c.fullyQualifiedDomainName(), Map.of(), Attrs.map(
                "type", c.typeAsString(), "fqdn", c.fullyQualifiedDomainName(), "resourcePath", c.resourcePath(),
                "requestInterval", c.requestInterval(), "failureThreshold", c.failureThreshold(), "inverted", Boolean.TRUE.equals(c.inverted()),
                "disabled", Boolean.TRUE.equals(c.disabled()), "targetRegion", regionIn(c.fullyQualifiedDomainName())));
    }

    /** The AWS region named inside a DNS name, or null. */
    public static String regionIn(String dns) {
        if (dns == null) return null;
        Matcher m = REGION.matcher(dns.toLowerCase());
        return m.find() ? m.group(1) : null;
    }

    static String trimDot(String s) { return s != null && s.endsWith(".") ? s.substring(0, s.length() - 1) : s; }
}
