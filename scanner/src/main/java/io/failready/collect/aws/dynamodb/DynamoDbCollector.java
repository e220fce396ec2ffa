package io.failready.collect.aws.dynamodb;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.applicationautoscaling.model.ScalableTarget;
import software.amazon.awssdk.services.applicationautoscaling.model.ServiceNamespace;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ReplicaDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.Tag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * DynamoDB tables ({@code AWS::DynamoDB::Table}) with capacity, auto scaling limits, global table
 * replicas, point-in-time recovery and encryption.
 *
 * <p>AWS calls / IAM actions: {@code dynamodb:ListTables} (paginated), {@code dynamodb:DescribeTable},
 * {@code dynamodb:DescribeContinuousBackups} and {@code dynamodb:ListTagsOfResource} per table,
 * {@code application-autoscaling:DescribeScalableTargets} once per region (namespace dynamodb).
 */
public final class DynamoDbCollector implements Collector {
    public static final String TYPE = "AWS::DynamoDB::Table";

    @Override public String service() { return "dynamodb"; }
    @Override public boolean availableIn(String region) { return Collector.inMetadata(DynamoDbClient.serviceMetadata(), region); }
    @Override public List<String> operations() {
        return List.of("application-autoscaling:DescribeScalableTargets", "dynamodb:DescribeContinuousBackups", "dynamodb:DescribeTable",
                "dynamodb:ListTables", "dynamodb:ListTagsOfResource");
    }

    @Override public void collect(CollectionContext ctx) {
        DynamoDbClient ddb = ctx.client(DynamoDbClient.class);
        Optional<List<String>> names = ctx.call("dynamodb:ListTables", () -> ddb.listTablesPaginator(b -> { }).tableNames().stream().toList());
        if (names.isEmpty() || names.get().isEmpty()) return;
        Map<String, Map<String, Object>> scaling = scalableTargets(ctx);
        for (String name : names.get()) {
            String arn = ctx.arn("dynamodb", "table/" + name);
            Optional<TableDescription> t = ctx.callFor("dynamodb:DescribeTable", TYPE, arn, () -> ddb.describeTable(b -> b.tableName(name)).table());
            if (t.isEmpty()) continue;
            TableDescription d = t.get();
            String tableArn = d.tableArn() == null ? arn : d.tableArn();
            Map<String, Object> cfg = new HashMap<>();
            cfg.put("tableStatus", d.tableStatusAsString());
            String billing = d.billingModeSummary() != null && d.billingModeSummary().billingModeAsString() != null
                    ? d.billingModeSummary().billingModeAsString() : "PROVISIONED";
            cfg.put("billingMode", billing);
            if (d.provisionedThroughput() != null) {
                putIf(cfg, "readCapacity", d.provisionedThroughput().readCapacityUnits());
                putIf(cfg, "writeCapacity", d.provisionedThroughput().writeCapacityUnits());
            }
            if (scaling != null && scaling.containsKey(name)) cfg.put("autoScaling", scaling.get(name));
            putIf(cfg, "globalTableVersion", d.globalTableVersion());
            List<Map<String, Object>> replicas = new ArrayList<>();
            List<Map<String, Object>> links = new ArrayList<>();
            for (ReplicaDescription r : d.replicas()) {
                replicas.add(Attrs.map("regionName", r.regionName(), "status", r.replicaStatusAsString(), "kmsMasterKeyId", r.kmsMasterKeyId()));
                if (!ctx.region().equals(r.regionName())) {
                    links.add(Attrs.replicaLink(r.regionName(), Attrs.withRegion(tableArn, r.regionName()), name, r.replicaStatusAsString(), "dynamodb-replica"));
                }
            }
            cfg.put("replicas", replicas);
            cfg.put("replicaLinks", links);
            if (d.sseDescription() != null) {
                putIf(cfg, "sseType", d.sseDescription().sseTypeAsString());
                putIf(cfg, "kmsMasterKeyArn", d.sseDescription().kmsMasterKeyArn());
            }
            ctx.callFor("dynamodb:DescribeContinuousBackups", TYPE, tableArn,
                    () -> ddb.describeContinuousBackups(b -> b.tableName(name)).continuousBackupsDescription())
                    .ifPresent(cb -> cfg.put("pitr", cb.pointInTimeRecoveryDescription() != null
                            && "ENABLED".equals(cb.pointInTimeRecoveryDescription().pointInTimeRecoveryStatusAsString())));
            Map<String, String> tags = ctx.callFor("dynamodb:ListTagsOfResource", TYPE, tableArn, () -> {
                Map<String, String> all = new TreeMap<>();
                String token = null;
                do {
                    String tk = token;
                    var page = ddb.listTagsOfResource(b -> b.resourceArn(tableArn).nextToken(tk));
                    all.putAll(Attrs.tags(page.tags(), Tag::key, Tag::value));
                    token = page.nextToken();
                } while (token != null);
                return all;
            }).orElse(Map.of());
            ctx.add(TYPE, tableArn, name, tags, cfg);
        }
    }

    /** table name -> {maxRead, maxWrite}; null when the call failed (its gap says so). */
    private static Map<String, Map<String, Object>> scalableTargets(CollectionContext ctx) {
        ApplicationAutoScalingClient aas = ctx.client(ApplicationAutoScalingClient.class);
        return ctx.call("application-autoscaling:DescribeScalableTargets", () -> {
            Map<String, Map<String, Object>> out = new HashMap<>();
            for (ScalableTarget t : aas.describeScalableTargetsPaginator(b -> b.serviceNamespace(ServiceNamespace.DYNAMODB)).scalableTargets()) {
                if (!t.resourceId().startsWith("table/") || t.resourceId().indexOf('/', 6) >= 0) continue;   // skip indexes
                String table = t.resourceId().substring(6);
                String dim = t.scalableDimensionAsString();
                Map<String, Object> m = out.computeIfAbsent(table, k -> new TreeMap<>());
                if ("dynamodb:table:ReadCapacityUnits".equals(dim)) m.put("maxRead", t.maxCapacity());
                if ("dynamodb:table:WriteCapacityUnits".equals(dim)) m.put("maxWrite", t.maxCapacity());
            }
            return out;
        }).orElse(null);
    }

    private static void putIf(Map<String, Object> m, String k, Object v) { if (v != null) m.put(k, v); }
}
