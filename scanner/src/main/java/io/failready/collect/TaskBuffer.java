package io.failready.collect;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.List;

/**
 * What one account x region x service task produced. The runner drains it when the task ends or
 * when the deadline cancels it; after {@link #close()} a still-running collector can no longer
 * add anything, so a late reply never sneaks into a snapshot already written.
 */
final class TaskBuffer {
    private final List<Resource> resources = new ArrayList<>();
    private final List<CollectionGap> gaps = new ArrayList<>();
    private boolean closed;

    synchronized void add(Resource r) { if (!closed) resources.add(r); }
    synchronized void add(CollectionGap g) { if (!closed) gaps.add(g); }
    synchronized List<Resource> resources() { return List.copyOf(resources); }
    synchronized List<CollectionGap> gaps() { return List.copyOf(gaps); }
    synchronized void close() { closed = true; }
    /** The runner's own gap (deadline, collector failure) is recorded even after close. */
    synchronized void forceGap(CollectionGap g) { gaps.add(g); }
}
