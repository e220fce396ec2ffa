package io.failready.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The DR strategies of the AWS DR whitepaper, ordered from slowest to fastest recovery. */
public enum DrStrategy {
    BACKUP_RESTORE("backup-restore"),
    PILOT_LIGHT("pilot-light"),
    WARM_STANDBY("warm-standby"),
    HOT_STANDBY("hot-standby"),
    ACTIVE_ACTIVE("active-active");

    private final String id;
    DrStrategy(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static DrStrategy of(String s) {
        for (DrStrategy d : values()) if (d.id.equalsIgnoreCase(s) || d.name().equalsIgnoreCase(s)) return d;
        throw new IllegalArgumentException("unknown DR strategy '" + s + "'");
    }
}
