package io.failready.evaluate;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideBySideTest {
    /** A key with many ties and the position it started at: a stable sort keeps equal keys in position order. */
    private record Item(int key, int position) {}

    private static List<Item> items(int n, long seed) {
        Random r = new Random(seed);
        List<Item> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(new Item(r.nextInt(50), i));
        return out;
    }

    @Test
    void sortOnSeveralThreadsEqualsOneStableSortTiesIncluded() {
        Comparator<Item> byKey = Comparator.comparingInt(Item::key);
        for (int threads : new int[] {1, 2, 3, 4, 7}) {
            for (int n : new int[] {0, 1, SideBySide.MIN_SLICE * 2 - 1, SideBySide.MIN_SLICE * 2, SideBySide.MIN_SLICE * 7 + 5, 100_003}) {
                List<Item> want = items(n, n + threads);
                List<Item> got = new ArrayList<>(want);
                want.sort(byKey);
                new SideBySide(threads).sort(got, byKey);
                assertEquals(want, got, threads + " threads, " + n + " items");
            }
        }
    }

    @Test
    void slicesCoverTheListInOrderOnSeveralThreads() {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < SideBySide.MIN_SLICE * 5; i++) in.add(i);
        java.util.Set<Thread> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<List<Integer>> parts = new SideBySide(3).slices(in, s -> {
            threads.add(Thread.currentThread());
            return new ArrayList<>(s);
        });
        assertEquals(3, parts.size());
        List<Integer> joined = new ArrayList<>();
        parts.forEach(joined::addAll);
        assertEquals(in, joined);
        assertEquals(3, threads.size(), "each slice ran on a thread of its own: " + threads);
        // below two slices' worth, one pass on the caller
        assertEquals(1, new SideBySide(3).slices(in.subList(0, SideBySide.MIN_SLICE), s -> s.size()).size());
    }

    @Test
    void aFailureIsTheOneTheFirstFailingSliceThrowsAsOnePassWould() {
        List<Integer> in = new ArrayList<>();
        for (int i = 0; i < SideBySide.MIN_SLICE * 4; i++) in.add(i);
        AtomicInteger done = new AtomicInteger();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SideBySide(4).slices(in, s -> {
            for (int i : s) if (i % SideBySide.MIN_SLICE == 7) throw new IllegalStateException("item " + i);
            return done.incrementAndGet();
        }));
        assertEquals("item 7", e.getMessage());
    }

    @Test
    void aSideTaskFailureIsRethrownAsItselfWhenJoined() {
        RuntimeException boom = new io.failready.util.InputException("bad input");
        for (int threads : new int[] {1, 2}) {
            SideBySide.Pending<Object> p = new SideBySide(threads).start(() -> { throw boom; });
            assertSame(boom, assertThrows(RuntimeException.class, p::join), threads + " threads");
            assertTrue(new SideBySide(threads).start(() -> "ok").join().equals("ok"));
        }
    }
}
