package io.failready.gate;

import io.failready.util.InputException;

/**
 * Failback (--to the primary region) is not checked yet. The pre-check rules judge whether a
 * recovery region can take the load; pointed at the primary they would pass on the primary's own
 * resources and say GO for a direction nobody verified. Until a real failback check exists the
 * gate refuses the direction; that check replaces {@link #refuse} and nothing else.
 */
public final class Failback {
    private Failback() {}

    /** Throws (exit 2) when {@code toRegion} is the workload's primary region. */
    public static void refuse(String workload, String primaryRegion, java.util.List<String> recoveryRegions, String toRegion) {
        if (toRegion == null || !toRegion.equals(primaryRegion)) return;
        throw new InputException("--to " + toRegion + " is the primary region of workload " + workload
                + ": failback (recovery -> primary) is not supported yet, and the failover pre-check cannot answer it. "
                + "To check a failover, pass a recovery region (" + String.join(", ", recoveryRegions) + "). "
                + "To check the primary before failing back, scan with a configuration that declares the current active "
                + "region as primary and " + toRegion + " as recovery, and gate that report with --to " + toRegion + ".");
    }
}
