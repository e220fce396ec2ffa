package io.failready.rules.api;

import io.failready.config.Workload;
import io.failready.facts.Resource;

import java.math.BigDecimal;

/**
 * The arithmetic of the capacity rules: what the recovery side needs (primary x ratio, rounded
 * up) and how amounts read in an annotation. An attribute that was not collected reads as
 * {@code -1} ("unknown"), never as zero, so a decision can turn it into INSUFFICIENT_DATA.
 */
public final class CapacityMath {
    private CapacityMath() {}

    /** "0.5", "1", "0.25": ratios as people write them. */
    public static String ratio(double r) {
        return new BigDecimal(Double.toString(r)).stripTrailingZeros().toPlainString();
    }

    /** A count or limit as an annotation shows it; "?" when unknown (negative). */
    public static String amount(double v) {
        if (v < 0 || Double.isNaN(v)) return "?";
        return v == Math.rint(v) ? Long.toString((long) v) : ratio(v);
    }

    /** ceil(value of {@code attr} x ratio), or -1 when the attribute is missing. */
    public static long needed(Resource primary, String attr, double ratio) {
        Double v = primary.num(attr);
        if (v == null) return -1;
        return ceil(v * ratio);
    }

    public static long ceil(double v) {
        // 12 x 0.1 is 1.2000000000000002 in binary floating point: round away that noise first
        return (long) Math.ceil(Math.round(v * 1e6) / 1e6);
    }

    /** The attribute rounded down, or -1 when the resource or the attribute is missing. */
    public static long whole(Resource r, String attr) {
        Double v = r == null ? null : r.num(attr);
        return v == null ? -1 : (long) Math.floor(v);
    }

    /** Hot-standby and active-active keep the recovery side running, not just able to scale. */
    public static boolean runsHot(Workload w) {
        String s = w.getStrategyName();
        return "hot-standby".equals(s) || "active-active".equals(s);
    }

    /**
     * "web-use1 runs 12 x 0.5 = 6 needed" for a primary's {@code attr} (desired instances, tasks),
     * plus "running under hot-standby" when the strategy needs them running.
     */
    public static String need(Resource primary, String attr, double ratio, Workload w) {
        return primary.getName() + " runs " + amount(whole(primary, attr)) + " x " + ratio(ratio) + " = "
                + needed(primary, attr, ratio) + (runsHot(w) ? " needed running under " + w.getStrategyName() : " needed");
    }
}
