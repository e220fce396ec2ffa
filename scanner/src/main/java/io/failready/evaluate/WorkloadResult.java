package io.failready.evaluate;

import io.failready.model.Evaluation;

import io.failready.config.Workload;
import io.failready.facts.RegionPair;
import io.failready.model.Direction;

import java.util.List;

/**
 * Everything the evaluation produced for one workload in one direction, before scoring. For a
 * failback, {@code pairs} hold the swapped pair (source = the recovery region, target = the primary).
 */
public record WorkloadResult(Workload workload, List<RegionPair> pairs, List<Evaluation> evaluations, List<String> waiverNotices,
                             Direction direction) {
    public WorkloadResult(Workload workload, List<RegionPair> pairs, List<Evaluation> evaluations, List<String> waiverNotices) {
        this(workload, pairs, evaluations, waiverNotices, Direction.PRIMARY_TO_RECOVERY);
    }
}
