package io.failready.cli;

import io.failready.evaluate.RuleEngine;
import io.failready.model.Direction;
import io.failready.util.InputException;
import picocli.CommandLine.Option;

import java.util.List;

/**
 * --direction and --from, shared by scan, evaluate and gate: which way the checklist judges. Kept
 * apart from {@link EvaluationOptions} because verify re-evaluates in the directions a report
 * records, never in one chosen on its command line.
 */
public final class DirectionOptions {
    static final String BOTH = "both";

    @Option(names = "--direction", paramLabel = "DIR", description = "primary-to-recovery (failover, the default), recovery-to-primary "
            + "(failback: the recovery region as source, the primary as target, e.g. after a failover), or both (one report entry per "
            + "direction, each with its own score and verdict).")
    String direction;

    @Option(names = "--from", paramLabel = "REGION", description = "With failback: the recovery region the load returns from "
            + "(needed when a workload has several recovery regions; it applies to every workload evaluated, so check workloads with "
            + "different recovery regions one configuration, or gate --workload, at a time).")
    String from;

    /** Whether the user asked for a direction at all (gate --to decides it otherwise). */
    boolean given() { return direction != null; }

    /** The directions to judge, in report order; failover alone when --direction is absent. */
    List<Direction> directions() {
        if (direction == null) {
            if (from != null) throw new InputException("--from " + from + " names where a failback starts; add --direction recovery-to-primary (or both).");
            return List.of(Direction.PRIMARY_TO_RECOVERY);
        }
        if (BOTH.equalsIgnoreCase(direction.trim())) return List.of(Direction.PRIMARY_TO_RECOVERY, Direction.RECOVERY_TO_PRIMARY);
        Direction d;
        try {
            d = Direction.parse(direction);
        } catch (IllegalArgumentException e) {
            throw new InputException("--direction: " + e.getMessage() + " or " + BOTH + ".");
        }
        if (from != null && d == Direction.PRIMARY_TO_RECOVERY) {
            throw new InputException("--from " + from + " names where a failback starts, but --direction is primary-to-recovery;"
                    + " to check failing over to one recovery region use gate --to REGION.");
        }
        return List.of(d);
    }

    /** Refuses an ambiguous or wrong --from before anything slow (a live collection) starts. */
    void check(io.failready.config.FailreadyConfig cfg) {
        if (!directions().contains(Direction.RECOVERY_TO_PRIMARY)) return;
        for (io.failready.config.Workload w : cfg.workloads) RuleEngine.failbackPair(w, from);
    }

    RuleEngine.Options apply(RuleEngine.Options opts) {
        List<Direction> ds = directions();
        return opts.withDirection(ds.get(ds.size() - 1), from);
    }
}
