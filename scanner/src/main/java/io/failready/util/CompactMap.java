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
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> {
            int c = k[a].compareTo(k[b]);
            return c != 0 ? c : Integer.compare(a, b);
        });
        String[] keys = new String[n];
        Object[] values = new Object[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            int src = order[i];
            if (m > 0 && keys[m - 1].equals(k[src])) {
                values[m - 1] = v[src];
            } else {
                keys[m] = k[src];
                values[m++] = v[src];
            }
        }
        return m == n ? new CompactMap<>(keys, values) : new CompactMap<>(Arrays.copyOf(keys, m), Arrays.copyOf(values, m));
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
