package io.failready.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * Which way a workload result judges: failing over (the primary region is the source, a recovery
 * region the target) or failing back (the recovery region is the source, the primary the target).
 * Reports written before schema 1.3 carry no direction: they are failover results.
 */
public enum Direction {
    PRIMARY_TO_RECOVERY("primary-to-recovery", "Failover (primary -> recovery)"),
    RECOVERY_TO_PRIMARY("recovery-to-primary", "Failback (recovery -> primary)");

    /** The value in --direction and in the report's {@code direction} field. */
    public final String id;
    /** The heading HTML and Markdown reports give the result. */
    public final String heading;

    Direction(String id, String heading) {
        this.id = id;
        this.heading = heading;
    }

    /** A report's recorded direction; absent (older reports) is failover. Unknown values are refused by the caller. */
    public static Direction ofRecorded(String recorded) {
        if (recorded == null) return PRIMARY_TO_RECOVERY;
        for (Direction d : values()) if (d.id.equals(recorded)) return d;
        return null;
    }

    /** Parses a --direction value; throws IllegalArgumentException naming the accepted values. */
    public static Direction parse(String s) {
        String v = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        for (Direction d : values()) if (d.id.equals(v)) return d;
        throw new IllegalArgumentException("'" + s + "' is not a direction; use " + String.join(", ",
                Arrays.stream(values()).map(d -> d.id).toList()));
    }

    @Override public String toString() { return id; }
}
