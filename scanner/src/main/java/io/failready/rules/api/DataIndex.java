package io.failready.rules.api;

import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hash lookups over the resources the data rules read besides their subject: buckets, tables,
 * databases, EFS file systems and repositories by id or name, CloudWatch alarms by the metric and dimension they
 * watch, backup plans, restore testing plans and the ECR replication configuration by account and region, image digests
 * ECS services run by ECR repository. Built once per session by the engine
 * ({@code io.failready.evaluate.Indexes}), so each judgement is a few map reads instead of a join
 * over every alarm or plan in the estate.
 */
public final class DataIndex {
    /** The resource types indexed; resources of other types given to the constructor are skipped. */
    public static final Set<String> TYPES = Set.of(
            "AWS::::Account", "AWS::S3::Bucket", "AWS::DynamoDB::Table", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance",
            "AWS::ECR::Repository", "AWS::ECR::ReplicationConfiguration", "AWS::ECS::Service", "AWS::Backup::BackupPlan",
            "AWS::Backup::BackupVault", "AWS::Backup::RestoreTestingPlan", "AWS::CloudWatch::Alarm", "Failready::CloudWatch::ReplicationLag",
            "AWS::DocDB::DBCluster", "AWS::Neptune::DBCluster", "AWS::EFS::FileSystem");

    private final Map<String, Resource> byId = new HashMap<>();
    private final Map<String, Resource> byName = new HashMap<>();
    private final Map<String, List<Resource>> alarms = new HashMap<>();
    private final Map<String, List<Resource>> plans = new HashMap<>();
    private final Map<String, List<Resource>> restoreTestingPlans = new HashMap<>();
    private final Map<String, Resource> ecrConfigs = new HashMap<>();
    private final Map<String, SortedMap<String, SortedSet<String>>> deployedDigests = new HashMap<>();

    public DataIndex(Collection<?> resources) {
        for (Object o : resources) {
            if (!(o instanceof Resource r) || !TYPES.contains(r.getResourceType())) continue;
            byId.put(r.getResourceId(), r);
            byName.putIfAbsent(nameKey(r.getResourceType(), r.getAccountId(), r.getAwsRegion(), r.getResourceName()), r);
            switch (r.getResourceType()) {
                case "AWS::CloudWatch::Alarm" -> indexAlarm(r);
                case "AWS::Backup::BackupPlan" -> plans.computeIfAbsent(r.getAccountId() + "|" + r.getAwsRegion(), k -> new ArrayList<>()).add(r);
                case "AWS::Backup::RestoreTestingPlan" -> restoreTestingPlans.computeIfAbsent(r.getAccountId() + "|" + r.getAwsRegion(), k -> new ArrayList<>()).add(r);
                case "AWS::ECR::ReplicationConfiguration" -> ecrConfigs.put(r.getAccountId() + "|" + r.getAwsRegion(), r);
                case "AWS::ECS::Service" -> indexImages(r);
                default -> { }
            }
        }
    }

    private void indexAlarm(Resource alarm) {
        List<Map<String, Object>> metrics = new ArrayList<>(alarm.maps("metrics"));
        if (alarm.str("metricName") != null) {
            Map<String, Object> single = new HashMap<>();
            single.put("metricName", alarm.str("metricName"));
            Object dims = alarm.get("dimensions");
            single.put("dimensions", dims == null ? Map.of() : dims);
            metrics.add(single);
        }
        for (Map<String, Object> m : metrics) {
            Object metricName = m.get("metricName");
            if (!(m.get("dimensions") instanceof Map<?, ?> dims) || metricName == null) continue;
            for (Map.Entry<?, ?> d : dims.entrySet()) {
                List<Resource> list = alarms.computeIfAbsent(alarmKey(alarm.getAccountId(), alarm.getAwsRegion(),
                        String.valueOf(metricName), String.valueOf(d.getKey()), String.valueOf(d.getValue())), k -> new ArrayList<>());
                if (!list.contains(alarm)) list.add(alarm);
            }
        }
    }

    /** ECS images with a known digest (pinned, or as collected) from a private ECR repository ({@code <registry>.dkr.ecr.<region>.amazonaws.com/<name>[:tag]@<digest>}). */
    private void indexImages(Resource service) {
        for (Map<String, Object> img : service.maps("images")) {
            Object image = img.get("image");
            Object digest = img.get("digest");
            if (image == null || digest == null) continue;
            Matcher m = ECR_IMAGE.matcher(String.valueOf(image));
            if (!m.matches()) continue;
            deployedDigests.computeIfAbsent(m.group(1) + "|" + m.group(2) + "|" + m.group(3), k -> new TreeMap<>())
                    .computeIfAbsent(String.valueOf(digest), k -> new TreeSet<>()).add(service.getResourceName());
        }
    }

    private static final Pattern ECR_IMAGE = Pattern.compile(
            "^(\\d{12})\\.dkr\\.ecr(?:-fips)?\\.([a-z0-9-]+)\\.amazonaws\\.com(?:\\.cn)?/([^:@]+)(?::[^@]*)?(?:@.+)?$");

    private static String nameKey(String type, String account, String region, String name) {
        return type + "|" + account + "|" + region + "|" + name;
    }

    private static String alarmKey(String account, String region, String metric, String dimName, String dimValue) {
        return account + "|" + region + "|" + metric + "|" + dimName + "|" + dimValue;
    }

    public Resource byId(String id) { return id == null ? null : byId.get(id); }

    public Resource byName(String type, String account, String region, String name) {
        return byName.get(nameKey(type, account, region, name));
    }

    /** Alarms in that account and region whose metric (or one of whose metric-math metrics) has that dimension value. */
    public List<Resource> alarms(String account, String region, String metricName, String dimName, String dimValue) {
        return alarms.getOrDefault(alarmKey(account, region, metricName, dimName, dimValue), List.of());
    }

    public List<Resource> plans(String account, String region) { return plans.getOrDefault(account + "|" + region, List.of()); }

    /** AWS Backup restore testing plans of that account and region (they are regional, and so are their restore jobs). */
    public List<Resource> restoreTestingPlans(String account, String region) {
        return restoreTestingPlans.getOrDefault(account + "|" + region, List.of());
    }

    public Resource ecrReplicationConfiguration(String account, String region) { return ecrConfigs.get(account + "|" + region); }

    /**
     * Digests ECS services run from repository {@code name} of registry {@code registryId} in {@code region},
     * sorted, each with the sorted names of the services running it (images pinned by digest only).
     */
    public SortedMap<String, SortedSet<String>> deployedDigests(String registryId, String region, String name) {
        return deployedDigests.getOrDefault(registryId + "|" + region + "|" + name, new TreeMap<>());
    }
}
