package io.failready.evaluate;

import io.failready.config.Workload;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.TrafficIndex;

import java.util.List;
import java.util.function.Function;

/**
 * The lookup facts the engine builds once per workload session and inserts with the other facts,
 * so a rule reads what it joins against by hash instead of an inference rule re-deriving it (or a
 * pattern joining every subject with every candidate). The one list of them: add a factory here.
 */
public final class Indexes {
    private Indexes() {}

    /** What an index is built from: the workload, its region pairs, and every resource of its accounts and regions. */
    public record Estate(Workload workload, List<RegionPair> pairs, List<Resource> resources) {}

    private static final List<Function<Estate, Object>> FACTORIES = List.of(
            e -> new TrafficIndex(e.workload(), e.pairs(), e.resources()));

    public static List<Object> build(Estate estate) {
        return FACTORIES.stream().map(f -> f.apply(estate)).toList();
    }
}
