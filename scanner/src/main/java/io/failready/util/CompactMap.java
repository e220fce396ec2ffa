package io.failready.util;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable string-keyed map held in two arrays sorted by key, for the configuration and tags
 * of inventoried resources. A million resources carry some twenty million small maps' worth of
 * entries: as hash maps (a node object per entry plus a table) they were most of a snapshot's heap
 * and of the garbage collector's work; here an entry costs two array slots. Unlike
 * {@link Map#copyOf} it keeps null values, which snapshots contain (a JSON null is not a missing
 * key when the map is written back out).
 */
public final class CompactMap<V> extends AbstractMap<String, V> {
    private static final CompactMap<?> EMPTY = new CompactMap<>(new String[0], new Object[0]);
    /** Below this size a linear scan (keys are usually interned by the JSON parser) beats binary search. */
    private static final int LINEAR = 8;
    /** Up to this size {@link #of} sorts in place (see there); beyond it an index sort bounds the work. */
    private static final int INSERTION_SORT_MAX = 64;

    private final String[] keys;
    private final Object[] values;

    private CompactMap(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
    }

    @SuppressWarnings("unchecked")
    public static <V> CompactMap<V> empty() { return (CompactMap<V>) EMPTY; }

    /** A copy of {@code m}; {@code m} itself when it already is one. Null keys are refused. */
    @SuppressWarnings("unchecked")
    public static <V> CompactMap<V> copyOf(Map<String, ? extends V> m) {
        if (m instanceof CompactMap<?> c) return (CompactMap<V>) c;
        if (m == null || m.isEmpty()) return empty();
        String[] k = new String[m.size()];
        Object[] v = new Object[m.size()];
        int i = 0;
        for (Map.Entry<String, ? extends V> e : m.entrySet()) {
            k[i] = java.util.Objects.requireNonNull(e.getKey(), "null key");
            v[i++] = e.getValue();
        }
        return of(k, v, i);
    }

    /**
     * Takes ownership of the first {@code n} slots of the arrays (a builder's scratch arrays may be
     * longer). Keys must be distinct; a repeated key keeps its last value, as a hash map would.
     */
    public static <V> CompactMap<V> of(String[] k, Object[] v, int n) {
        if (n == 0) return empty();
        if (n > INSERTION_SORT_MAX) return sortedByIndex(k, v, n);
        String[] keys = k.length == n ? k : Arrays.copyOf(k, n);
        Object[] values = v.length == n ? v : Arrays.copyOf(v, n);
        // A stable insertion sort of the two arrays in step: these maps are small and usually arrive
        // sorted already (snapshots are written with sorted keys), so this is one comparison per key
        // and no garbage, where sorting a boxed index array cost an Integer per key and a comparator
        // call per comparison on every resource's configuration and tags.
        for (int i = 1; i < n; i++) {
            String key = keys[i];
            if (keys[i - 1].compareTo(key) <= 0) continue;
            Object value = values[i];
            int j = i - 1;
            while (j >= 0 && keys[j].compareTo(key) > 0) {
                keys[j + 1] = keys[j];
                values[j + 1] = values[j];
                j--;
            }
            keys[j + 1] = key;
            values[j + 1] = value;
        }
        return dedupe(keys, values, n);
    }

    /** Keys sorted stably: of equal keys the later wins, as in a hash map. */
    private static <V> CompactMap<V> dedupe(String[] keys, Object[] values, int n) {
        int m = 1;
        for (int i = 1; i < n; i++) {
            if (keys[m - 1].equals(keys[i])) {
                values[m - 1] = values[i];
            } else {
                keys[m] = keys[i];
                values[m++] = values[i];
            }
        }
        return m == n ? new CompactMap<>(keys, values) : new CompactMap<>(Arrays.copyOf(keys, m), Arrays.copyOf(values, m));
    }

    /** A large map (rare; insertion sort would grow with the square of its size) sorts an index. */
    private static <V> CompactMap<V> sortedByIndex(String[] k, Object[] v, int n) {
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int c = k[a].compareTo(k[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        String[] keys = new String[n];
        Object[] values = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = k[order[i]];
            values[i] = v[order[i]];
        }
        return dedupe(keys, values, n);
    }

    private int indexOf(Object key) {
        if (!(key instanceof String s)) return -1;
        int n = keys.length;
        if (n <= LINEAR) {
            for (int i = 0; i < n; i++) if (keys[i] == s) return i;
            for (int i = 0; i < n; i++) if (keys[i].equals(s)) return i;
            return -1;
        }
        int i = Arrays.binarySearch(keys, s);
        return i < 0 ? -1 : i;
    }

    @Override public int size() { return keys.length; }
    @Override public boolean isEmpty() { return keys.length == 0; }
    @Override public boolean containsKey(Object key) { return indexOf(key) >= 0; }

    @SuppressWarnings("unchecked")
    @Override public V get(Object key) {
        int i = indexOf(key);
        return i < 0 ? null : (V) values[i];
    }

    @Override public Set<Map.Entry<String, V>> entrySet() {
        return new AbstractSet<>() {
            @Override public int size() { return keys.length; }
            @Override public Iterator<Map.Entry<String, V>> iterator() {
                return new Iterator<>() {
                    private int i;
                    @Override public boolean hasNext() { return i < keys.length; }
                    @SuppressWarnings("unchecked")
                    @Override public Map.Entry<String, V> next() {
                        if (i >= keys.length) throw new NoSuchElementException();
                        int at = i++;
                        return new SimpleImmutableEntry<>(keys[at], (V) values[at]);
                    }
                };
            }
        };
    }
}
