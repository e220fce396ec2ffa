package io.failready.rules;

import java.util.Locale;

/**
 * Which side a rule judges for the incident pre-check ({@code --baseline SNAPSHOT}): whether a
 * baseline standing in for a source region that answers no call may decide it. Declared once per
 * rule with {@code @incident("...")} in its DRL, beside {@code @failback}; absent (a user's own
 * rule) means {@link #STATE}: fail closed.
 */
public enum IncidentSide {
    /** Reads only the target region, global services or the workload's configuration: never judged from the baseline. */
    LIVE,
    /** Reads source-side configuration an outage does not change: judged from the baseline, marked with its age. */
    CONFIGURATION,
    /** Reads source-side measurements or health: a baseline value is stale by definition, so INSUFFICIENT_DATA. */
    STATE;

    public String id() { return name().toLowerCase(Locale.ROOT); }

    /** Null (no annotation) is STATE; anything else must be one of the three names. */
    public static IncidentSide parse(String s) {
        if (s == null) return STATE;
        for (IncidentSide m : values()) if (m.id().equals(s.trim())) return m;
        throw new IllegalArgumentException("@incident(\"" + s + "\") must be live, configuration or state");
    }
}
