package io.failready.evaluate;

import io.failready.config.Workload;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.TrafficIndex;

import java.util.List;
import java.util.function.Function;

/**
 * The lookup indexes rules read besides their subject, built by the engine once per workload
 * session and inserted with the other facts, so a rule reads what it joins against by hash. An
 * index is plain Java over facts that do not change during a session: deriving it with an inference
 * rule cost a collect node and truth maintenance for nothing, and let a rule fire before the index
 * existed.
 *
 * <p>Add an index here, not in a DRL file: this list is the one place the engine learns of it.
 */
public final class Indexes {
    private Indexes() {}

    /** What an index is built from: the workload, its region pairs, and every resource of its accounts and regions. */
    public record Estate(Workload workload, List<RegionPair> pairs, List<Resource> resources) {}

    /** Each factory keeps the resource types it reads. */
    static final List<Function<Estate, Object>> FACTORIES = List.of(
            e -> new DataIndex(e.resources()),
            e -> new EdgeIndex(e.resources()),
            e -> new SecurityIndex(e.resources()),
            e -> new TrafficIndex(e.workload(), e.pairs(), e.resources()));

    /** One instance of each index, in the order of {@link #FACTORIES}. */
    public static List<Object> build(Estate estate) {
        return FACTORIES.stream().map(f -> f.apply(estate)).toList();
    }
}
