package io.failready.gate.incident;

import io.failready.config.Workload;

/**
 * The region a workload fails over from: the one whose outage a baseline may stand in for. One place,
 * so a failback direction (recovery region as source) changes only this.
 */
public final class SourceRegions {
    private SourceRegions() {}

    public static String of(Workload w) { return w.primaryRegion; }
}
