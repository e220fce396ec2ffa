package io.failready.collect.aws.ec2;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.Route;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcEndpoint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * VPCs ({@code AWS::EC2::VPC}) with what a failover needs from the network: subnets and their
 * Availability Zones, the IPv4 default route each subnet's route table gives it (NAT gateway,
 * internet gateway, or another target), available NAT gateways by zone, and interface VPC
 * endpoint services. Zones are named by zone name and id: names map to different physical zones
 * per account, ids do not.
 *
 * <p>AWS calls / IAM actions: {@code ec2:DescribeVpcs}, {@code ec2:DescribeSubnets},
 * {@code ec2:DescribeRouteTables}, {@code ec2:DescribeNatGateways}, {@code ec2:DescribeVpcEndpoints}
 * (all paginated, once per region). Each is region-wide, so a failure is a gap on the service in
 * that region and the attributes it fills are left out.
 */
public final class VpcCollector implements Collector {
    public static final String TYPE = "AWS::EC2::VPC";

    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("ec2", Ec2Client.class, Ec2Client::builder)
            .operations("DescribeNatGateways", "DescribeRouteTables", "DescribeSubnets", "DescribeVpcEndpoints", "DescribeVpcs")
            .writes(TYPE, "VPC")
            .regions(Ec2Client::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        Ec2Client ec2 = ctx.client(Ec2Client.class);
        var vpcs = ctx.call("ec2:DescribeVpcs", () -> ec2.describeVpcsPaginator(b -> { }).vpcs().stream().toList());
        if (vpcs.isEmpty() || vpcs.get().isEmpty()) return;
        var subnets = ctx.call("ec2:DescribeSubnets", () -> ec2.describeSubnetsPaginator(b -> { }).subnets().stream().toList());
        var tables = ctx.call("ec2:DescribeRouteTables", () -> ec2.describeRouteTablesPaginator(b -> { }).routeTables().stream().toList());
        var nats = ctx.call("ec2:DescribeNatGateways", () -> ec2.describeNatGatewaysPaginator(b -> { }).natGateways().stream().toList());
        var endpoints = ctx.call("ec2:DescribeVpcEndpoints", () -> ec2.describeVpcEndpointsPaginator(b -> { }).vpcEndpoints().stream().toList());
        String prefix = "com.amazonaws." + ctx.region() + ".";
        for (Vpc v : vpcs.get()) {
            String id = v.vpcId();
            Map<String, String> tags = Attrs.tags(v.tags(), Tag::key, Tag::value);
            String name = tags.get("Name") == null || tags.get("Name").isBlank() ? id : tags.get("Name");
            List<Map<String, Object>> subs = subnets.map(all -> subnetsOf(id, all, tables)).orElse(null);
            ctx.add(TYPE, ctx.arn("ec2", "vpc/" + id), name, tags, Attrs.map(
                    "vpcId", id, "cidrBlock", v.cidrBlock(), "isDefault", v.isDefault(), "state", v.stateAsString(),
                    "subnets", subs,
                    "zones", subs == null ? null : sortedOf(subs, "availabilityZone"),
                    "zoneIds", subs == null ? null : sortedOf(subs, "availabilityZoneId"),
                    "egressZones", subs == null || tables.isEmpty() ? null : egressZones(subs),
                    "natGatewayZones", nats.isEmpty() || subnets.isEmpty() ? null : natZones(id, nats.get(), subnets.get()),
                    "interfaceEndpointServices", endpoints.map(all -> interfaceServices(id, all, prefix)).orElse(null)));
        }
    }

    private static List<Map<String, Object>> subnetsOf(String vpcId, List<Subnet> all, Optional<List<RouteTable>> tables) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Subnet s : all) {
            if (!vpcId.equals(s.vpcId())) continue;
            String egress = tables.map(t -> defaultRoute(vpcId, s.subnetId(), t)).orElse(null);
            out.add(Attrs.map("subnetId", s.subnetId(), "availabilityZone", s.availabilityZone(), "availabilityZoneId", s.availabilityZoneId(),
                    "defaultRoute", tables.isPresent() ? (egress == null ? "none" : egress) : null));
        }
        out.sort(java.util.Comparator.comparing(m -> String.valueOf(m.get("subnetId"))));
        return out;
    }

    /**
     * The kind of target of the subnet's IPv4 default route: {@code nat}, {@code igw}, or the other
     * target's kind ({@code tgw}, {@code eni}, {@code pcx}, ...); null when there is none. A subnet
     * without an explicit association uses its VPC's main route table; blackhole routes lead nowhere.
     */
    static String defaultRoute(String vpcId, String subnetId, List<RouteTable> tables) {
        RouteTable explicit = null;
        RouteTable main = null;
        for (RouteTable t : tables) {
            if (!vpcId.equals(t.vpcId())) continue;
            for (RouteTableAssociation a : t.associations()) {
                if (subnetId.equals(a.subnetId())) explicit = t;
                if (Boolean.TRUE.equals(a.main())) main = t;
            }
        }
        RouteTable t = explicit != null ? explicit : main;
        if (t == null) return null;
        for (Route r : t.routes()) {
            if (!"0.0.0.0/0".equals(r.destinationCidrBlock()) || "blackhole".equals(r.stateAsString())) continue;
            if (r.natGatewayId() != null) return "nat";
            if (r.gatewayId() != null && r.gatewayId().startsWith("igw-")) return "igw";
            if (r.transitGatewayId() != null) return "tgw";
            if (r.vpcPeeringConnectionId() != null) return "pcx";
            if (r.networkInterfaceId() != null) return "eni";
            return "other";
        }
        return null;
    }

    private static List<String> egressZones(List<Map<String, Object>> subnets) {
        TreeSet<String> zones = new TreeSet<>();
        for (Map<String, Object> s : subnets) {
            Object r = s.get("defaultRoute");
            if (("nat".equals(r) || "igw".equals(r)) && s.get("availabilityZone") != null) zones.add(String.valueOf(s.get("availabilityZone")));
        }
        return List.copyOf(zones);
    }

    private static List<String> natZones(String vpcId, List<NatGateway> nats, List<Subnet> subnets) {
        Map<String, String> zoneOf = new HashMap<>();
        for (Subnet s : subnets) zoneOf.put(s.subnetId(), s.availabilityZone());
        TreeSet<String> zones = new TreeSet<>();
        for (NatGateway n : nats) {
            if (vpcId.equals(n.vpcId()) && "available".equals(n.stateAsString()) && zoneOf.get(n.subnetId()) != null) zones.add(zoneOf.get(n.subnetId()));
        }
        return List.copyOf(zones);
    }

    /** {@code com.amazonaws.us-east-1.sqs} -> {@code sqs}, so the same service compares equal across regions. */
    private static List<String> interfaceServices(String vpcId, List<VpcEndpoint> all, String prefix) {
        TreeSet<String> out = new TreeSet<>();
        for (VpcEndpoint e : all) {
            if (!vpcId.equals(e.vpcId()) || !"Interface".equalsIgnoreCase(e.vpcEndpointTypeAsString())) continue;
            String state = e.stateAsString() == null ? "" : e.stateAsString().toLowerCase(java.util.Locale.ROOT);
            if (state.equals("deleted") || state.equals("deleting") || state.equals("failed") || state.equals("rejected") || state.equals("expired")) continue;
            String svc = e.serviceName();
            if (svc == null) continue;
            out.add(svc.startsWith(prefix) ? svc.substring(prefix.length()) : svc);
        }
        return List.copyOf(out);
    }

    private static List<String> sortedOf(List<Map<String, Object>> subnets, String key) {
        TreeSet<String> out = new TreeSet<>();
        for (Map<String, Object> s : subnets) if (s.get(key) != null) out.add(String.valueOf(s.get(key)));
        return List.copyOf(out);
    }
}
