package io.failready.rules.api;

import io.failready.facts.Resource;

import java.util.List;
import java.util.Map;

/**
 * Finding the CloudWatch alarm that watches a replication-lag metric (DynamoDB ReplicationLatency,
 * Aurora AuroraGlobalDBReplicationLag, RDS ReplicaLag, S3 replication metrics) through the alarm
 * index of {@link DataIndex}.
 */
public final class LagAlarms {
    private LagAlarms() {}

    /**
     * What a search found: the first alarm that qualifies ({@code good}), else the first that watches
     * the metric but does not ({@code near}, with {@code nearWhy} saying why); both null when no alarm
     * watches it.
     */
    public record Search(Resource good, Resource near, String nearWhy) {}

    /** Whether the alarm would notify anyone: an alarm with its actions disabled only changes colour. */
    public static boolean active(Resource alarm) { return !(alarm.has("actionsEnabled") && !alarm.bool("actionsEnabled")); }

    static boolean firesAbove(Resource alarm) {
        String op = alarm.str("comparisonOperator");
        return op == null || op.startsWith("GreaterThan");
    }

    /**
     * Looks for an alarm on {@code metric} with {@code dimName} = one of {@code dimValues} (and, when
     * {@code extraDim} is given, {@code extraDim = extraValue}) in the account and regions, in that
     * order, that fires above a static threshold at or below {@code limit} (in the metric's own
     * {@code unit}) with its actions enabled.
     */
    public static Search find(DataIndex ix, String account, List<String> regions, String metric, String dimName,
                              List<String> dimValues, String extraDim, String extraValue, double limit, String unit) {
        Resource near = null;
        String nearWhy = null;
        for (String region : regions) {
            for (String v : dimValues) {
                for (Resource a : ix.alarms(account, region, metric, dimName, v)) {
                    if (extraDim != null && !extraValue.equals(dimensionOf(a, metric, extraDim))) continue;
                    Double t = a.num("threshold");
                    String why;
                    if (!firesAbove(a)) why = "alarm " + a.getResourceName() + " uses " + a.str("comparisonOperator");
                    else if (!active(a)) why = "alarm " + a.getResourceName() + " has its actions disabled";
                    else if (t == null) why = "alarm " + a.getResourceName() + " has no static threshold";
                    else if (t > limit) why = "alarm " + a.getResourceName() + " fires only above " + Text.number(t) + " " + unit
                            + ", more than the RPO of " + Text.number(limit) + " " + unit;
                    else return new Search(a, near, nearWhy);
                    if (near == null) { near = a; nearWhy = why; }
                }
            }
        }
        return new Search(null, near, nearWhy);
    }

    /** The value of dimension {@code dim} of {@code metric} in the alarm (its own metric or one of its metric-math metrics). */
    static String dimensionOf(Resource alarm, String metric, String dim) {
        if (metric.equals(alarm.str("metricName"))) return alarm.str("dimensions." + dim);
        for (Map<String, Object> m : alarm.maps("metrics")) {
            if (metric.equals(m.get("metricName")) && m.get("dimensions") instanceof Map<?, ?> d) {
                return d.get(dim) == null ? null : String.valueOf(d.get(dim));
            }
        }
        return null;
    }
}
