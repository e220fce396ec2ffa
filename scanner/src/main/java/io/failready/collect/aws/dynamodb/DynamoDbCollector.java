package io.failready.collect.aws.dynamodb;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
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
 * <p>Global tables of version 2017.11.29 (legacy) do not show their replicas in DescribeTable; they
 * are listed by ListGlobalTables, which answers only for the region it is called in, so each
 * regional task asks it, and DescribeGlobalTable gives each replica's status. A table that belongs
 * to one gets {@code globalTableVersion: "2017.11.29"} and its replicas and replica links like a
 * current global table. When the listing fails the gap is scoped to the legacy global tables
 * ({@code AWS::DynamoDB::GlobalTable}), not to DynamoDB: the tables are still read.
 *
 * <p>AWS calls / IAM actions: {@code dynamodb:ListTables} (paginated), {@code dynamodb:DescribeTable},
 * {@code dynamodb:ListGlobalTables} once per region and {@code dynamodb:DescribeGlobalTable} per
 * legacy global table with a table in the region,
 * {@code dynamodb:DescribeContinuousBackups} and {@code dynamodb:ListTagsOfResource} per table,
 * {@code application-autoscaling:DescribeScalableTargets} once per region (namespace dynamodb).
 */
public final class DynamoDbCollector implements Collector {
    public static final String TYPE = "AWS::DynamoDB::Table";
    static final String LEGACY_TYPE = "AWS::DynamoDB::GlobalTable";
    static final String LEGACY_VERSION = "2017.11.29";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("dynamodb", DynamoDbClient.class, DynamoDbClient::builder)
            .operations("DescribeContinuousBackups", "DescribeGlobalTable", "DescribeTable", "ListGlobalTables", "ListTables",
                    "ListTagsOfResource")
            .alsoUses("applicationautoscaling", "application-autoscaling", ApplicationAutoScalingClient.class,
                    ApplicationAutoScalingClient::builder, "DescribeScalableTargets")
            .writes(TYPE, "DynamoDB table")
            .regions(DynamoDbClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        DynamoDbClient ddb = ctx.client(DynamoDbClient.class);
        Optional<List<String>> names = ctx.call("dynamodb:ListTables", () -> ddb.listTablesPaginator(b -> { }).tableNames().stream().toList());
        if (names.isEmpty() || names.get().isEmpty()) return;
        Map<String, Map<String, Object>> scaling = scalableTargets(ctx);
        Map<String, List<ReplicaDescription>> legacy = legacyGlobalTables(ctx, ddb, names.get());
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
            if (d.onDemandThroughput() != null) {
                Map<String, Object> od = Attrs.map("maxRead", d.onDemandThroughput().maxReadRequestUnits(),
                        "maxWrite", d.onDemandThroughput().maxWriteRequestUnits());
                if (!od.isEmpty()) cfg.put("onDemandThroughput", od);
            }
            putIf(cfg, "globalTableVersion", d.globalTableVersion());
            List<Map<String, Object>> replicas = new ArrayList<>();
            List<Map<String, Object>> links = new ArrayList<>();
            List<ReplicaDescription> group = new ArrayList<>(d.replicas());
            if (d.globalTableVersion() == null && legacy.containsKey(name)) {
                cfg.put("globalTableVersion", LEGACY_VERSION);
                // the replication group names this region too; the replicas are the others
                legacy.get(name).stream().filter(r -> !ctx.region().equals(r.regionName())).forEach(group::add);
            }
            for (ReplicaDescription r : group) {
                replicas.add(Attrs.map("regionName", r.regionName(), "status", r.replicaStatusAsString(), "kmsMasterKeyId", r.kmsMasterKeyId(),
                        "onDemandMaxRead", r.onDemandThroughputOverride() == null ? null : r.onDemandThroughputOverride().maxReadRequestUnits()));
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

    /**
     * Legacy (2017.11.29) global tables with a replica in this region and a table of the same name
     * here: name -> replication group. Empty when there are none or the listing failed (the gap
     * then names {@link #LEGACY_TYPE}, so the table rules can tell a missing listing apart).
     */
    private static Map<String, List<ReplicaDescription>> legacyGlobalTables(CollectionContext ctx, DynamoDbClient ddb, List<String> tables) {
        String listId = ctx.arn("dynamodb", "global-table/*");
        Optional<List<String>> names = ctx.callFor("dynamodb:ListGlobalTables", LEGACY_TYPE, listId, () -> {
            List<String> out = new ArrayList<>();
            String start = null;
            do {
                String from = start;
                var page = ddb.listGlobalTables(b -> b.regionName(ctx.region()).exclusiveStartGlobalTableName(from));
                page.globalTables().forEach(g -> out.add(g.globalTableName()));
                start = page.lastEvaluatedGlobalTableName();
            } while (start != null);
            return out;
        });
        Map<String, List<ReplicaDescription>> out = new HashMap<>();
        for (String name : names.orElse(List.of())) {
            if (!tables.contains(name)) continue;
            String id = ctx.arn("dynamodb", "global-table/" + name);
            ctx.callFor("dynamodb:DescribeGlobalTable", LEGACY_TYPE, id, () -> ddb.describeGlobalTable(b -> b.globalTableName(name)).globalTableDescription())
                    .ifPresent(g -> out.put(name, g.replicationGroup().stream()
                            // a legacy replica may carry no status of its own: the global table's then speaks for it
                            .map(r -> r.replicaStatus() != null ? r : r.toBuilder().replicaStatus(g.globalTableStatusAsString()).build()).toList()));
        }
        return out;
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
