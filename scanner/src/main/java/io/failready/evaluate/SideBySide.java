package io.failready.evaluate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The engine's own work before and after firing (counterparts beside the indexes, gap attribution
 * beside the unseen-subject completion, the report sort) spread over as many threads as rule sessions
 * fire on. With one thread everything runs in order on the caller, as it did before.
 *
 * <p>Not {@code Arrays.parallelSort} or parallel streams: both fall back to one thread when the
 * common pool has a parallelism of 1, which it has on the two-core machines this is meant for.
 * A failure on another thread is rethrown on the caller as the same exception, so a caller sees
 * what the serial run would have thrown.
 */
final class SideBySide {
    private final int threads;

    SideBySide(int threads) { this.threads = Math.max(1, threads); }

    /** Starts {@code work} on its own thread, or runs it now when there is only one. */
    <T> Pending<T> start(Supplier<T> work) {
        return start(work, threads == 1);
    }

    /** {@code here}: on the caller, now, any failure kept for {@link Pending#join}. */
    private <T> Pending<T> start(Supplier<T> work, boolean here) {
        if (here) {
            T value;
            try {
                value = work.get();
            } catch (RuntimeException | Error e) {
                return () -> { throw e; };
            }
            return () -> value;
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(work.get());
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "failready-side");
        t.setDaemon(true);
        t.start();
        return () -> {
            try {
                return f.join();
            } catch (CompletionException e) {
                throw rethrow(e.getCause());
            }
        };
    }

    /** A result another thread may still be computing. */
    @FunctionalInterface
    interface Pending<T> { T join(); }

    /**
     * {@code each} applied to consecutive slices of {@code items}, one slice per thread (the caller
     * takes the last), results in slice order: concatenated, they are what one pass over the whole
     * list would give when {@code each} only looks at its own slice.
     */
    <T, R> List<R> slices(List<T> items, Function<List<T>, R> each) {
        int n = Math.min(threads, Math.max(1, items.size() / MIN_SLICE));
        if (n == 1) return java.util.Collections.singletonList(each.apply(items));
        List<Pending<R>> others = new ArrayList<>();
        int size = items.size();
        for (int i = 0; i < n - 1; i++) {
            List<T> slice = items.subList(i * size / n, (i + 1) * size / n);
            others.add(start(() -> each.apply(slice)));
        }
        Pending<R> last = start(() -> each.apply(items.subList((n - 1) * size / n, size)), true);
        // joined in slice order, so the failure thrown is the one a single pass would have met first
        List<R> out = new ArrayList<>();
        for (Pending<R> p : others) out.add(p.join());
        out.add(last.join());
        return out;
    }

    /**
     * Sorts {@code items} in place, stably: equal elements keep their order, exactly as
     * {@link List#sort} leaves them. Each thread sorts a consecutive slice; the sorted slices are then
     * merged, neighbours pairwise, taking from the earlier slice on a tie.
     */
    <T> void sort(List<T> items, Comparator<? super T> order) {
        int n = Math.min(threads, Math.max(1, items.size() / MIN_SLICE));
        if (n == 1) {
            items.sort(order);
            return;
        }
        @SuppressWarnings("unchecked")
        T[] from = (T[]) items.toArray();
        List<Integer> runs = new ArrayList<>();
        for (int i = 0; i <= n; i++) runs.add((int) ((long) i * from.length / n));
        T[] sorting = from;
        List<Pending<Void>> sorts = new ArrayList<>();
        for (int i = 0; i < n - 1; i++) {
            int lo = runs.get(i), hi = runs.get(i + 1);
            sorts.add(start(() -> { Arrays.sort(sorting, lo, hi, order); return null; }));
        }
        Arrays.sort(sorting, runs.get(n - 1), runs.get(n), order);
        for (Pending<Void> p : sorts) p.join();
        @SuppressWarnings("unchecked")
        T[] to = (T[]) new Object[from.length];
        while (runs.size() > 2) {
            List<Integer> next = new ArrayList<>();
            for (int i = 0; i + 1 < runs.size(); i += 2) {
                int lo = runs.get(i), mid = runs.get(i + 1), hi = i + 2 < runs.size() ? runs.get(i + 2) : mid;
                merge(from, to, lo, mid, hi, order);
                next.add(lo);
            }
            next.add(runs.get(runs.size() - 1));
            runs = next;
            T[] swap = from;
            from = to;
            to = swap;
        }
        for (int i = 0; i < from.length; i++) items.set(i, from[i]);
    }

    private static <T> void merge(T[] src, T[] dst, int lo, int mid, int hi, Comparator<? super T> order) {
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) dst[k++] = order.compare(src[j], src[i]) < 0 ? src[j++] : src[i++];
        while (i < mid) dst[k++] = src[i++];
        while (j < hi) dst[k++] = src[j++];
    }

    /** Below this many items a second thread costs more than it saves. */
    static final int MIN_SLICE = 2048;

    private static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) return r;
        if (t instanceof Error e) throw e;
        return new IllegalStateException(t);
    }
}
