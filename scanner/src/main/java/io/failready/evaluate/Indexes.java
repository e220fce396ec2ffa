package io.failready.evaluate;

import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.SecurityIndex;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The lookup indexes rules read besides their subject, built by the engine from a workload's
 * resources and inserted once per session with the other facts. An index is plain Java over facts
 * that do not change during a session: deriving it with an inference rule cost a collect node and
 * truth maintenance for nothing, and let a rule fire before the index existed.
 *
 * <p>Add an index here, not in a DRL file: this list is the one place the engine learns of it.
 */
public final class Indexes {
    private Indexes() {}

    /** Each factory takes every resource of the workload's accounts and regions and keeps the types it reads. */
    static final List<Function<List<Resource>, Object>> FACTORIES = List.of(
            DataIndex::new,
            SecurityIndex::new);

    /** One instance of each index over {@code resources}, in the order of {@link #FACTORIES}. */
    public static List<Object> build(List<Resource> resources) {
        List<Object> out = new ArrayList<>(FACTORIES.size());
        for (Function<List<Resource>, Object> f : FACTORIES) out.add(f.apply(resources));
        return out;
    }
}
