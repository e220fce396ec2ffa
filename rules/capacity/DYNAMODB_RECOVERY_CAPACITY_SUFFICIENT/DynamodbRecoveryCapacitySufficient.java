package io.failready.rules.capacity;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.RecoverySide;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.failready.rules.api.CapacityMath.amount;
import static io.failready.rules.api.CapacityMath.ceil;
import static io.failready.rules.api.CapacityMath.needed;
import static io.failready.rules.api.CapacityMath.ratio;
import static io.failready.rules.api.CapacityMath.whole;

/**
 * DYNAMODB_RECOVERY_CAPACITY_SUFFICIENT: the decision for one in-scope table in the primary
 * region. Scenarios are checked in the order the rule's DRL header lists them; the gap comes
 * before "global table?" because a table that could not be described lists no replicas and would
 * pass for a regional one.
 */
public final class DynamodbRecoveryCapacitySufficient {
    private DynamodbRecoveryCapacitySufficient() {}

    public static Verdict decide(Resource t, RegionPair p, double ratio, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String blind = RecoverySide.blind(t, rec, g, "dynamodb");
        if (blind != null) {
            return Verdict.insufficientData(Labels.of(t) + ": cannot tell the replica capacity in " + rec + " (" + blind + ").");
        }
        if (!isGlobalTable(t)) {
            return Verdict.notApplicable(Labels.of(t)
                    + " is not a global table; DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION judges its missing replica in " + rec + ".");
        }
        Resource c = cps.of(t, rec);
        if (c == null) {
            return Verdict.nonCompliant("DynamoDB global table " + t.getName() + " has no counterpart in " + rec
                    + ", so no capacity there serves it.", null);
        }
        String unknown = unknown(t, c);
        if (unknown != null) {
            return Verdict.insufficientData(Labels.of(t) + ": cannot compare with its replica in " + rec
                    + " because the " + unknown + " was not collected.", c);
        }
        String shortfall = shortfall(t, c, ratio);
        if (shortfall == null) {
            return Verdict.compliant(Labels.of(t) + ": the replica in " + rec + " " + summary(t, c, ratio) + ".", c);
        }
        return Verdict.nonCompliant(Labels.of(t) + ": the replica in " + rec + " " + shortfall + ".", c);
    }

    /** A global table: it lists replicas, links to copies, or reports a global table version. */
    static boolean isGlobalTable(Resource t) {
        return !t.list("replicas").isEmpty() || !t.maps("replicaLinks").isEmpty() || t.has("globalTableVersion");
    }

    static boolean onDemand(Resource t) { return "PAY_PER_REQUEST".equals(t.str("billingMode")); }

    /** Provisioned read or write ceiling: the auto-scaling maximum when larger than the current setting. */
    static long ceiling(Resource t, String kind) {
        return Math.max(whole(t, kind + "Capacity"), whole(t, "autoScaling.max" + capitalized(kind)));
    }

    private static String capitalized(String kind) { return Character.toUpperCase(kind.charAt(0)) + kind.substring(1); }

    static String unknown(Resource primary, Resource replica) {
        if (!primary.has("billingMode")) return "billing mode of " + primary.getName();
        if (!replica.has("billingMode")) return "billing mode of the replica in " + replica.getAwsRegion();
        if (!onDemand(primary) && (!primary.has("readCapacity") || !primary.has("writeCapacity"))) {
            return "provisioned capacity of " + primary.getName();
        }
        if (!onDemand(replica) && !onDemand(primary) && (ceiling(replica, "read") < 0 || ceiling(replica, "write") < 0)) {
            return "provisioned capacity of the replica in " + replica.getAwsRegion();
        }
        return null;
    }

    /**
     * The on-demand maximum of an on-demand table for {@code kind} ("read"/"write"), or -1 when it
     * is unlimited (no OnDemandThroughput, or -1 as AWS reports a removed maximum). For the replica
     * of {@code primary}, the primary's replica entry may carry an OnDemandThroughputOverride (read
     * only: writes are replicated to every replica, so a replica keeps the table's write maximum).
     */
    static long onDemandMax(Resource table, Resource primary, String kind) {
        if (primary != null && "read".equals(kind)) {
            for (Map<String, Object> r : primary.maps("replicas")) {
                if (table.getAwsRegion().equals(r.get("regionName")) && r.get("onDemandMaxRead") instanceof Number n && n.longValue() > 0) {
                    return n.longValue();
                }
            }
        }
        String attr = "onDemandThroughput.max" + capitalized(kind);
        long own = whole(table, attr);
        if (own > 0) return own;
        // a replica described without its own maximum inherits the source table's
        if (primary != null && !table.has("onDemandThroughput")) {
            long src = whole(primary, attr);
            if (src > 0) return src;
        }
        return -1;
    }

    /** "read max 1000 < 4000", for each kind the on-demand replica caps below what the primary can do x ratio. */
    private static List<String> onDemandShortfall(Resource primary, Resource replica, double ratio) {
        List<String> out = new ArrayList<>();
        for (String kind : List.of("read", "write")) {
            long have = onDemandMax(replica, primary, kind);
            if (have < 0) continue;   // unlimited
            long need = onDemand(primary) ? onDemandMax(primary, null, kind) : ceiling(primary, kind);
            if (need < 0) {
                out.add(kind + " max " + have + " request units while the primary's is unlimited");
            } else if (have < ceil(need * ratio)) {
                out.add(kind + " max " + have + " < " + ceil(need * ratio) + " request units needed (primary x " + ratio(ratio) + ")");
            }
        }
        return out;
    }

    /** What is short, or null when the replica can take the primary's load x ratio. Call only when nothing is unknown. */
    static String shortfall(Resource primary, Resource replica, double ratio) {
        if (onDemand(replica)) {
            List<String> capped = onDemandShortfall(primary, replica, ratio);
            return capped.isEmpty() ? null : "is on-demand but capped by its maximum throughput: " + String.join(", ", capped);
        }
        if (onDemand(primary)) {
            return "is provisioned (read " + amount(ceiling(replica, "read")) + ", write " + amount(ceiling(replica, "write"))
                    + ") while the primary is on-demand, so its ceiling cannot be shown to carry the primary's traffic";
        }
        long needR = needed(primary, "readCapacity", ratio);
        long needW = needed(primary, "writeCapacity", ratio);
        long haveR = ceiling(replica, "read");
        long haveW = ceiling(replica, "write");
        List<String> short_ = new ArrayList<>();
        if (haveR < needR) short_.add("read " + haveR + " < " + needR);
        if (haveW < needW) short_.add("write " + haveW + " < " + needW);
        return short_.isEmpty() ? null : "tops out at " + String.join(", ", short_) + " needed (primary x " + ratio(ratio) + ")";
    }

    private static String summary(Resource primary, Resource replica, double ratio) {
        if (onDemand(replica) && onDemand(primary)) {
            long r = onDemandMax(replica, primary, "read"), w = onDemandMax(replica, primary, "write");
            return r < 0 && w < 0 ? "is on-demand, like the primary"
                    : "is on-demand, like the primary, with maximum throughput read " + maxText(r) + ", write " + maxText(w)
                      + " (primary " + maxText(onDemandMax(primary, null, "read")) + "/" + maxText(onDemandMax(primary, null, "write")) + ")";
        }
        if (onDemand(replica)) return "is on-demand and scales past the primary's provisioned capacity";
        return "can reach read " + ceiling(replica, "read") + " and write " + ceiling(replica, "write")
                + " (primary " + amount(whole(primary, "readCapacity")) + "/" + amount(whole(primary, "writeCapacity")) + " x " + ratio(ratio) + ")";
    }

    private static String maxText(long m) { return m < 0 ? "unlimited" : Long.toString(m); }
}
