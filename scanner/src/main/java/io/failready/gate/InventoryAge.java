package io.failready.gate;

import io.failready.util.Durations;
import io.failready.util.InputException;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Whether the evidence a gate decides on is fresh enough to decide at all. Age is measured on the
 * inventory (when the resources were read from AWS), never on when a report was written: a report
 * written today from a month-old snapshot describes a month-old estate.
 *
 * <p>Two clocks are involved. Timestamps in the future are judged against the machine's real
 * clock, because no --as-of can make evidence from the future honest. Age is judged against the
 * gate's clock: the real time, or the --as-of instant when the user set one explicitly (the
 * demo's fixed inventory, a post-incident review); the gate prints and records that clock.
 */
public final class InventoryAge {
    private InventoryAge() {}

    /** Clocks of the scanning and the gating machine may disagree by this much (documented in README). */
    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /**
     * Refuses (exit 2) a timestamp that lies in the future; refuses an inventory older than
     * {@code maxAge} (null: no limit) or without a time when a limit is set.
     *
     * @param what       the input, for messages ("out/report.json")
     * @param inventoryAt when the inventory was collected (ISO-8601), or null
     * @param generatedAt when the report was written, or null (snapshots, the demo)
     * @param maxAgeText the limit as the user wrote it, for the message
     * @param maxAgeFrom where the limit came from ("--max-age", "gate.maxAge in payments.yaml")
     */
    public static void check(String what, String inventoryAt, String generatedAt, Instant realNow, Instant clock,
                             Duration maxAge, String maxAgeText, String maxAgeFrom) {
        Instant generated = parse(what, "generatedAt", generatedAt);
        Instant collected = parse(what, "inventory time (collectedAt)", inventoryAt);
        future(what, "was written (generatedAt)", generated, realNow);
        future(what, "inventory was collected (collectedAt)", collected, realNow);
        if (maxAge == null) return;
        if (collected == null) {
            throw new InputException(what + " does not say when its inventory was collected (no collectedAt), so "
                    + maxAgeFrom + " " + maxAgeText + " cannot be honoured. Gate a report written by failready scan/evaluate, "
                    + "or the snapshot itself.");
        }
        if (collected.isAfter(clock.plus(CLOCK_SKEW))) {
            throw new InputException(what + " inventory was collected at " + collected + ", after the gate's clock " + clock
                    + " (--as-of): it cannot be judged as of a time before it existed.");
        }
        Duration age = Duration.between(collected, clock);
        if (age.compareTo(maxAge) > 0) {
            throw new InputException(what + " inventory was collected at " + collected + ", " + roughly(age) + " before the gate's clock ("
                    + clock + "): older than " + maxAgeFrom + " " + maxAgeText
                    + "; refusing a stale decision. Re-run the scan (or collect) and gate the new report.");
        }
    }

    private static void future(String what, String event, Instant t, Instant realNow) {
        if (t != null && t.isAfter(realNow.plus(CLOCK_SKEW))) {
            throw new InputException(what + " says it " + event + " at " + t + ", in the future (this machine's clock is "
                    + realNow + ", allowing " + Durations.format(CLOCK_SKEW) + " of clock skew). Refusing to decide on it: "
                    + "fix the clock of the machine that wrote it, or re-run the scan.");
        }
    }

    private static Instant parse(String what, String field, String stamp) {
        if (stamp == null) return null;
        try {
            return Instant.parse(stamp);
        } catch (DateTimeParseException e) {
            throw new InputException(what + ": " + field + " '" + stamp + "' is not an ISO-8601 instant (2026-11-20T06:00:00Z).");
        }
    }

    /** Rounded down to the minute, in days, hours and minutes: "14d9h3m" reads better than seconds. */
    static String roughly(Duration age) {
        long m = Math.max(1, age.toMinutes());
        StringBuilder sb = new StringBuilder();
        if (m >= 1440) sb.append(m / 1440).append('d');
        if (m % 1440 >= 60) sb.append(m % 1440 / 60).append('h');
        if (m % 60 > 0) sb.append(m % 60).append('m');
        return sb.toString();
    }
}
