package io.failready.rules;

import java.util.Locale;

/**
 * How a rule is judged when the check runs backwards (failback: the recovery region is the
 * source, the primary the target). Declared once per rule with {@code @failback("...")} in its
 * DRL; absent means {@link #REVERSE}, the natural reading of a rule written against a
 * {@link io.failready.facts.RegionPair}.
 */
public enum FailbackMode {
    /** The region pair is swapped: what the recovery region holds needs a twin, a copy or capacity in the primary. */
    REVERSE,
    /**
     * Judged on the declared roles, unswapped: the mechanism is the same one that returns the load
     * (a DNS failover record's PRIMARY, a CloudFront origin group's first origin).
     */
    FORWARD,
    /** Does not depend on the direction (the workload's declaration, both regions alike, endpoint settings). */
    SAME;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** Null (no annotation) is REVERSE; anything else must be one of the three names. */
    public static FailbackMode parse(String s) {
        if (s == null) return REVERSE;
        for (FailbackMode m : values()) if (m.id().equals(s.trim())) return m;
        throw new IllegalArgumentException("@failback(\"" + s + "\") must be reverse, forward or same");
    }
}
