package io.failready.gate.incident;

import io.failready.config.Workload;
import io.failready.evaluate.RuleEngine;
import io.failready.model.Direction;

/**
 * The region a workload's load leaves in the direction judged: the one whose outage a baseline may
 * stand in for. A failover leaves the primary; a failback leaves the recovery region it returns from
 * ({@code --from}, or the only one), exactly as the engine pairs it.
 */
public final class SourceRegions {
    private SourceRegions() {}

    public static String of(Workload w, Direction direction, String fromRegion) {
        return direction == Direction.RECOVERY_TO_PRIMARY ? RuleEngine.failbackPair(w, fromRegion).primary : w.primaryRegion;
    }
}
