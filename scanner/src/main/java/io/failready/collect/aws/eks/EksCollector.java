package io.failready.collect.aws.eks;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.Nodegroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * EKS clusters ({@code AWS::EKS::Cluster}): status, Kubernetes version, each managed node group's
 * scaling configuration (min, max, desired) and status, and the names of the Fargate profiles.
 * Capacity outside managed node groups (Fargate, Karpenter, self-managed nodes) is not visible
 * through the EKS API; the rules say so rather than guess. Any failed call on a cluster is a gap on
 * that cluster, and the node groups or profiles it should have listed stay absent (not empty).
 *
 * <p>AWS calls / IAM actions: {@code eks:ListClusters} (paginated), and per cluster
 * {@code eks:DescribeCluster}, {@code eks:ListNodegroups} (paginated), {@code eks:DescribeNodegroup}
 * (per node group), {@code eks:ListFargateProfiles} (paginated).
 */
public final class EksCollector implements Collector {
    public static final String TYPE = "AWS::EKS::Cluster";
    private static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("eks", EksClient.class, EksClient::builder)
            .operations("DescribeCluster", "DescribeNodegroup", "ListClusters", "ListFargateProfiles", "ListNodegroups")
            .writes(TYPE, "EKS cluster")
            .regions(EksClient.serviceMetadata())
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        EksClient eks = ctx.client(EksClient.class);
        Optional<List<String>> names = ctx.call("eks:ListClusters", () -> eks.listClustersPaginator(b -> { }).clusters().stream().toList());
        if (names.isEmpty()) return;
        for (String name : names.get()) {
            String guessedArn = ctx.arn("eks", "cluster/" + name);
            Optional<Cluster> c = ctx.callFor("eks:DescribeCluster", TYPE, guessedArn, () -> eks.describeCluster(b -> b.name(name)).cluster());
            String arn = c.map(Cluster::arn).orElse(guessedArn);
            Map<String, Object> cfg = Attrs.map("clusterName", name, "status", c.map(Cluster::statusAsString).orElse(null),
                    "version", c.map(Cluster::version).orElse(null));
            Optional<List<String>> groups = ctx.callFor("eks:ListNodegroups", TYPE, arn,
                    () -> eks.listNodegroupsPaginator(b -> b.clusterName(name)).nodegroups().stream().toList());
            if (groups.isPresent()) {
                List<Map<String, Object>> described = new ArrayList<>();
                boolean complete = true;
                for (String ng : groups.get()) {
                    Optional<Nodegroup> d = ctx.callFor("eks:DescribeNodegroup", TYPE, arn,
                            () -> eks.describeNodegroup(b -> b.clusterName(name).nodegroupName(ng)).nodegroup());
                    if (d.isEmpty()) { complete = false; continue; }
                    Nodegroup n = d.get();
                    var sc = n.scalingConfig();
                    described.add(Attrs.map("name", n.nodegroupName(), "status", n.statusAsString(),
                            "minSize", sc == null ? null : sc.minSize(), "maxSize", sc == null ? null : sc.maxSize(),
                            "desiredSize", sc == null ? null : sc.desiredSize(), "capacityType", n.capacityTypeAsString(),
                            "instanceTypes", n.hasInstanceTypes() ? n.instanceTypes() : null));
                }
                if (complete) cfg.put("nodegroups", described);
            }
            ctx.callFor("eks:ListFargateProfiles", TYPE, arn,
                    () -> eks.listFargateProfilesPaginator(b -> b.clusterName(name)).fargateProfileNames().stream().sorted().toList())
                    .ifPresent(p -> cfg.put("fargateProfiles", p));
            ctx.add(TYPE, arn, name, c.map(x -> (Map<String, String>) new TreeMap<>(x.tags())).orElse(new TreeMap<>()), cfg);
        }
    }
}
