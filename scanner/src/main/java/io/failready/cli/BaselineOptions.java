package io.failready.cli;

import io.failready.config.FailreadyConfig;
import io.failready.gate.incident.Baseline;
import io.failready.gate.incident.Incident;
import io.failready.model.Direction;
import io.failready.model.Report;
import io.failready.snapshot.Snapshot;
import io.failready.util.InputException;
import io.failready.util.Terminal;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** The incident pre-check's options, shared by scan and gate (live collection only). */
public final class BaselineOptions {
    @Option(names = "--baseline", paramLabel = "SNAPSHOT", description = "Incident pre-check: when a workload's primary region answers no call "
            + "(an outage), this last good snapshot (e.g. a scheduled scan's --snapshot-out) stands in for that account's primary region; the "
            + "recovery region is still read live (in a failback the roles turn: it stands in for the recovery region the load returns from, "
            + "the primary is read live). Findings that used it say 'from baseline, N h old'; primary-side measurements (replication "
            + "lag) from it are INSUFFICIENT_DATA. Checked first: schema, age, the workload's accounts and region, its own gaps.")
    Path baseline;

    @Option(names = "--max-baseline-age", paramLabel = "DURATION", description = "Refuse (exit 2) a --baseline collected longer ago than this "
            + "(default: " + Baseline.DEFAULT_MAX_AGE + ", a weekly scan schedule with a run missed; older inventories predate deployments).")
    String maxBaselineAge;

    /** Refuses the flags where no live collection happens. */
    void refuseWithout(String why) {
        if (baseline != null || maxBaselineAge != null) {
            throw new InputException((baseline != null ? "--baseline" : "--max-baseline-age") + " " + why);
        }
    }

    /**
     * During an outage the live snapshot lacks the dead region: written over the baseline it would
     * destroy the last good snapshot exactly when it is needed (and be refused as one next time).
     */
    void refuseOverwrite(Path snapshotOut) {
        if (baseline == null || snapshotOut == null) return;
        if (snapshotOut.toAbsolutePath().normalize().equals(baseline.toAbsolutePath().normalize())) {
            throw new InputException(snapshotOut, "--snapshot-out would overwrite the --baseline snapshot; keep the new snapshot elsewhere, "
                    + "and replace the baseline only with one collected while every region answered.");
        }
    }

    /**
     * The checked baseline, or null without --baseline; before any AWS call, so a bad file costs nothing.
     * It stands in for the source region of the one direction judged (a failback's is the recovery region
     * {@code from} returns from).
     */
    Baseline load(FailreadyConfig cfg, Instant now, List<Direction> directions, String from) {
        if (baseline == null) {
            if (maxBaselineAge != null) throw new InputException("--max-baseline-age limits a --baseline SNAPSHOT; give one, or drop the flag.");
            return null;
        }
        if (directions.size() != 1) {
            // in both directions each region is one entry's source and the other's target: a stand-in would be read unmarked as a target
            throw new InputException("--baseline stands in for the region the load leaves, which --direction both makes both regions; "
                    + "run the incident pre-check in one direction (primary-to-recovery or recovery-to-primary).");
        }
        return Baseline.load(baseline, cfg, maxBaselineAge == null ? Baseline.DEFAULT_MAX_AGE : maxBaselineAge, now, directions.get(0), from);
    }

    /** The live snapshot with the baseline standing in where a source region answered nothing; says which on {@code out}. */
    static Incident apply(Baseline b, Snapshot live, FailreadyConfig cfg, List<Direction> directions, String from, PrintWriter out) {
        if (b == null) return null;
        Incident in = Incident.substitute(live, b, cfg, directions.get(0), from);
        String what = "BASELINE " + Terminal.safe(b.path()) + " collected " + b.collectedAt() + " (" + (b.ageSeconds() / 3600) + " h old)";
        if (in.stoodInFor().isEmpty()) {
            // not "every region answered": when STS itself fails no region is judged at all, and saying so would be false
            out.println(what + ": not used: no " + (directions.get(0) == Direction.RECOVERY_TO_PRIMARY ? "recovery" : "primary")
                    + " region was recorded as unreachable (one that answered none of its first calls); what else failed stays a collection gap.");
        } else {
            for (Report.StoodIn s : in.stoodInFor()) {
                out.println(what + ": stands in for " + s.accountId() + "/" + s.region() + ", which answered no call.");
            }
        }
        return in;
    }
}
