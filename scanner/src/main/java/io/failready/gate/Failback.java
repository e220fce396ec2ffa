package io.failready.gate;

import io.failready.model.Direction;
import io.failready.model.Report;
import io.failready.report.ReportFacts;
import io.failready.util.InputException;

import java.util.List;

/**
 * How the gate tells a failback from a failover, and what it refuses. {@code --to} the primary
 * region means returning there (failback); a saved report answers that only with an entry judged
 * recovery-to-primary. A failover entry is never read as a failback one: its rules looked at the
 * primary's resources and their copies in the recovery region, not at what the recovery region
 * holds now and whether it flows back.
 */
public final class Failback {
    private Failback() {}

    /** The direction {@code --to REGION} asks about for a workload; refused when REGION is not one of its regions. */
    public static Direction directionTo(String workload, String primary, List<String> recovery, String to) {
        if (to.equals(primary)) return Direction.RECOVERY_TO_PRIMARY;
        if (recovery != null && recovery.contains(to)) return Direction.PRIMARY_TO_RECOVERY;
        throw new InputException("--to " + to + " is not a region of workload " + workload + " (regions: "
                + primary + ", " + String.join(", ", recovery == null ? List.of() : recovery) + "). Pass a recovery region to check"
                + " failing over there, or the primary (" + primary + ") to check failing back.");
    }

    /**
     * Refuses (exit 2) when a saved report has no entry judged in {@code wanted} for the workload,
     * saying how to produce one.
     */
    public static void refuseMissing(String reportFile, String workload, Direction wanted, List<Direction> present) {
        String has = present.isEmpty() ? "no entry" : "only " + String.join(" and ", present.stream().map(d -> d.id).toList()) + " results";
        String how = wanted == Direction.RECOVERY_TO_PRIMARY
                ? "A failover result says nothing about returning: it never looked at what the recovery region holds now or whether"
                  + " it is copied back. Produce a failback result with 'failready scan' or 'failready evaluate' and --direction"
                  + " recovery-to-primary (or both), then gate that report"
                : "Produce a failover result with 'failready scan' or 'failready evaluate' and --direction primary-to-recovery"
                  + " (the default) or both, then gate that report";
        throw new InputException(reportFile, -1, -1, "the report has " + has + " for workload '" + workload + "', and this gate asks about "
                + wanted.id + ". " + how + ".");
    }

    /**
     * A failback entry must be shaped like one (every region pair from a recovery region to the
     * primary: a failover entry relabelled by hand is not) and start where --from says.
     */
    public static void checkFrom(String reportFile, Report.WorkloadReport w, String from) {
        if (!w.isFailback()) return;
        List<Report.PairScore> pairs = w.regionPairs() == null ? List.of() : w.regionPairs();
        List<String> rec = w.recoveryRegions() == null ? List.of() : w.recoveryRegions();
        boolean shaped = !pairs.isEmpty() && pairs.stream().allMatch(p -> java.util.Objects.equals(p.recovery(), w.primaryRegion())
                && rec.contains(p.primary()));
        if (!shaped) {
            throw new InputException(reportFile, -1, -1, "the report's failback result for workload '" + w.name() + "' does not go from a"
                    + " recovery region to the primary " + w.primaryRegion() + " (its regionPairs: " + String.join(", ", pairs.stream()
                    .map(p -> p.primary() + " -> " + p.recovery()).toList()) + "), so it is not a failback result. Re-evaluate with"
                    + " --direction recovery-to-primary.");
        }
        if (from == null) return;
        List<String> sources = ReportFacts.failbackSources(w);
        if (!sources.equals(List.of(from))) {
            throw new InputException(reportFile, -1, -1, "the report's failback result for workload '" + w.name() + "' returns from "
                    + String.join(", ", sources) + ", not from " + from + " (--from). Evaluate the failback from " + from
                    + " with --direction recovery-to-primary --from " + from + ", then gate that report.");
        }
    }
}
