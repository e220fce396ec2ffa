package io.failready.collect.aws.cloudwatch;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.facts.Resource;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * CloudWatch alarms ({@code AWS::CloudWatch::Alarm}) and the observed replication lag of the
 * replicated resources phase 0 found ({@code Failready::CloudWatch::ReplicationLag}, max over a
 * {@value #LOOKBACK_MINUTES}-minute window; {@code maxSeconds} omitted when there were no datapoints):
 * S3 {@code ReplicationLatency} per replication rule (read in the destination region, where S3
 * publishes it), DynamoDB {@code ReplicationLatency} per
 * replica region, Aurora {@code AuroraGlobalDBReplicationLag} on global secondaries and RDS
 * {@code ReplicaLag} on cross-region read replicas, EFS {@code TimeSinceLastSync} per replication destination
 * (in the source's region). One GetMetricData call covers up to 500 series.
 *
 * <p>AWS calls / IAM actions: {@code cloudwatch:DescribeAlarms}, {@code cloudwatch:GetMetricData} (paginated).
 */
public final class CloudWatchCollector implements Collector {
    public static final String ALARM = "AWS::CloudWatch::Alarm";
    public static final String LAG = "Failready::CloudWatch::ReplicationLag";
    public static final int LOOKBACK_MINUTES = 60;
    private static final int MAX_QUERIES = 500;

    /** One lag series to read: where it comes from, which metric, how to turn its unit into seconds. */
    record Series(String sourceResourceId, String destinationRegion, String namespace, String metricName,
                  Map<String, String> dimensions, double toSeconds) {}

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("cloudwatch", CloudWatchClient.class, CloudWatchClient::builder)
            .operations("DescribeAlarms", "GetMetricData")
            .writes(ALARM, "CloudWatch alarm")
            .writes(LAG, "replication lag")
            .phase(1)
            .regions(CloudWatchClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        CloudWatchClient cw = ctx.client(CloudWatchClient.class);
        ctx.call("cloudwatch:DescribeAlarms", () -> cw.describeAlarmsPaginator(b -> { }).metricAlarms().stream().toList())
                .ifPresent(alarms -> alarms.forEach(a -> alarm(ctx, a)));
        List<Series> series = series(ctx.inventory(), ctx.accountId(), ctx.region());
        if (series.isEmpty()) return;
        Instant end = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofMinutes(LOOKBACK_MINUTES));
        for (int from = 0; from < series.size(); from += MAX_QUERIES) {
            List<Series> chunk = series.subList(from, Math.min(series.size(), from + MAX_QUERIES));
            List<MetricDataQuery> queries = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                Series s = chunk.get(i);
                int n = i;
                queries.add(MetricDataQuery.builder().id("q" + n).returnData(true).metricStat(ms -> ms.period(60).stat("Maximum")
                        .metric(m -> m.namespace(s.namespace()).metricName(s.metricName())
                                .dimensions(s.dimensions().entrySet().stream().map(e -> Dimension.builder().name(e.getKey()).value(e.getValue()).build()).toList())))
                        .build());
            }
            ctx.call("cloudwatch:GetMetricData", () -> {
                Map<String, List<Double>> values = new HashMap<>();
                for (MetricDataResult r : cw.getMetricDataPaginator(b -> b.startTime(start).endTime(end).metricDataQueries(queries)).metricDataResults()) {
                    values.computeIfAbsent(r.id(), k -> new ArrayList<>()).addAll(r.values());
                }
                return values;
            }).ifPresent(values -> {
                for (int i = 0; i < chunk.size(); i++) lag(ctx, chunk.get(i), values.getOrDefault("q" + i, List.of()));
            });
        }
    }

    private static void lag(CollectionContext ctx, Series s, List<Double> values) {
        Double max = values.stream().max(Double::compare).map(v -> v * s.toSeconds()).orElse(null);
        String id = s.sourceResourceId() + "#" + s.destinationRegion();
        ctx.add(LAG, id, id, Map.of(), Attrs.map("sourceResourceId", s.sourceResourceId(), "destinationRegion", s.destinationRegion(),
                "namespace", s.namespace(), "metricName", s.metricName(), "unit", "Seconds", "maxSeconds", max,
                "datapoints", values.size(), "lookbackMinutes", LOOKBACK_MINUTES));
    }

    /** The lag series this account+region emits, derived from phase 0's inventory. */
    static List<Series> series(List<Resource> inventory, String account, String region) {
        List<Series> out = new ArrayList<>();
        for (Resource r : inventory) {
            if (!r.getAccountId().equals(account)) continue;
            if ("AWS::S3::Bucket".equals(r.getResourceType())) {
                // S3 publishes ReplicationLatency in the DESTINATION bucket's region (in the source
                // bucket owner's account): a query in the source region finds no datapoints.
                for (Map<String, Object> rule : r.maps("replication.rules")) {
                    String dest = (String) rule.get("destinationBucketArn");
                    String destRegion = (String) rule.get("destinationRegion");
                    if (!"Enabled".equals(rule.get("status")) || dest == null || !region.equals(destRegion) || rule.get("id") == null) continue;
                    out.add(new Series(r.getResourceId(), destRegion, "AWS/S3", "ReplicationLatency", dims(
                            "SourceBucket", r.getResourceName(), "DestinationBucket", dest.substring(dest.lastIndexOf(':') + 1),
                            "RuleId", (String) rule.get("id")), 1.0));
                }
                continue;
            }
            if (!r.getAwsRegion().equals(region)) continue;
            switch (r.getResourceType()) {
                case "AWS::DynamoDB::Table" -> {
                    for (Map<String, Object> rep : r.maps("replicas")) {
                        String other = (String) rep.get("regionName");
                        if (other == null || other.equals(region)) continue;
                        out.add(new Series(r.getResourceId(), other, "AWS/DynamoDB", "ReplicationLatency",
                                dims("TableName", r.getResourceName(), "ReceivingRegion", other), 0.001));
                    }
                }
                case "AWS::RDS::DBCluster" -> {
                    if (!Boolean.FALSE.equals(r.get("isGlobalWriter"))) continue;
                    String writer = r.maps("globalClusterMembers").stream().filter(m -> Boolean.TRUE.equals(m.get("isWriter")))
                            .map(m -> (String) m.get("dbClusterArn")).findFirst().orElse(null);
                    if (writer == null) continue;
                    out.add(new Series(writer, region, "AWS/RDS", "AuroraGlobalDBReplicationLag",
                            dims("DBClusterIdentifier", r.getResourceName()), 0.001));
                }
                case "AWS::RDS::DBInstance" -> {
                    String source = r.str("readReplicaSourceDBInstanceIdentifier");
                    if (source == null || r.has("dbClusterIdentifier")) continue;
                    String sourceArn = source.startsWith("arn:") ? source : "arn:aws:rds:" + region + ":" + account + ":db:" + source;
                    out.add(new Series(sourceArn, region, "AWS/RDS", "ReplicaLag", dims("DBInstanceIdentifier", r.getResourceName()), 1.0));
                }
                case "AWS::EFS::FileSystem" -> {
                    // TimeSinceLastSync is published in the source's region, per destination
                    for (Map<String, Object> d : r.maps("replicationDestinations")) {
                        String other = (String) d.get("region");
                        String dest = (String) d.get("fileSystemId");
                        if (other == null || dest == null || other.equals(region) || r.str("fileSystemId") == null) continue;
                        out.add(new Series(r.getResourceId(), other, "AWS/EFS", "TimeSinceLastSync",
                                dims("FileSystemId", r.str("fileSystemId"), "DestinationFileSystemId", dest), 1.0));
                    }
                }
                default -> { }
            }
        }
        // Stable query ids (q0, q1, ...) whatever order the inventory came in.
        out.sort(java.util.Comparator.comparing(Series::sourceResourceId).thenComparing(Series::destinationRegion).thenComparing(Series::metricName)
                .thenComparing(x -> x.dimensions().toString()));
        return out;
    }

    private static void alarm(CollectionContext ctx, MetricAlarm a) {
        List<Map<String, Object>> metrics = Attrs.list(a.metrics(), q -> q.metricStat() == null ? null : Attrs.map(
                "namespace", q.metricStat().metric().namespace(), "metricName", q.metricStat().metric().metricName(),
                "dimensions", dimensions(q.metricStat().metric().dimensions())));
        ctx.add(ALARM, a.alarmArn(), a.alarmName(), Map.of(), Attrs.map(
                "namespace", a.namespace(), "metricName", a.metricName(), "dimensions", dimensions(a.dimensions()),
                "metrics", metrics.isEmpty() ? null : metrics, "threshold", a.threshold(),
                "comparisonOperator", a.comparisonOperatorAsString(), "period", a.period(), "evaluationPeriods", a.evaluationPeriods(),
                "actionsEnabled", a.actionsEnabled()));
    }

    private static Map<String, String> dimensions(List<Dimension> ds) {
        Map<String, String> m = new TreeMap<>();
        if (ds != null) ds.forEach(d -> m.put(d.name(), d.value()));
        return m;
    }

    private static Map<String, String> dims(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) m.put(kv[i], kv[i + 1]);
        return m;
    }
}
