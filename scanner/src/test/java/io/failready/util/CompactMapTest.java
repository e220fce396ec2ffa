package io.failready.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CompactMapTest {

    /** What a snapshot's reader gets back must be what a sorted hash map of the same pairs would hold. */
    private static void assertSameAsTreeMap(String[] k, Object[] v) {
        Map<String, Object> expected = new TreeMap<>();
        for (int i = 0; i < k.length; i++) expected.put(k[i], v[i]);
        CompactMap<Object> m = CompactMap.of(k.clone(), v.clone(), k.length);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(m.keySet()), "keys in sorted order");
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(m.values()), "values beside their keys");
        for (String key : expected.keySet()) assertEquals(expected.get(key), m.get(key), key);
    }

    @Test
    void unsortedKeysComeOutSortedWithTheirValues() {
        assertSameAsTreeMap(new String[] {"zone", "app", "Name", "team", "b"}, new Object[] {"z", "a", "N", null, "b"});
    }

    @Test
    void aRepeatedKeyKeepsItsLastValueAsAHashMapWould() {
        CompactMap<Object> m = CompactMap.of(new String[] {"b", "a", "b", "a"}, new Object[] {1, 2, 3, 4}, 4);
        assertEquals(Map.of("a", 4, "b", 3), m);
        assertEquals(List.of("a", "b"), new ArrayList<>(m.keySet()));
    }

    @Test
    void nullValuesAreKeptAsEntries() {
        CompactMap<Object> m = CompactMap.of(new String[] {"x", "y"}, new Object[] {null, "v"}, 2);
        assertTrue(m.containsKey("x"));
        assertNull(m.get("x"));
        assertEquals(2, m.size());
    }

    @Test
    void onlyTheFirstNSlotsOfLongerScratchArraysAreTaken() {
        String[] k = {"b", "a", "stale"};
        Object[] v = {2, 1, 9};
        CompactMap<Object> m = CompactMap.of(k, v, 2);
        assertEquals(Map.of("a", 1, "b", 2), m);
    }

    @Test
    void largeMapsInAnyOrderAndWithRepeatsMatchATreeMap() {
        // beyond the in-place sort's size, in reverse order (its worst case) and shuffled, with repeats
        for (int n : new int[] {63, 64, 65, 500}) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < n; i++) keys.add("k" + (i % (n - 3)));
            Collections.reverse(keys);
            String[] k = keys.toArray(String[]::new);
            Object[] v = new Object[n];
            for (int i = 0; i < n; i++) v[i] = i;
            assertSameAsTreeMap(k, v);
            Collections.shuffle(keys, new java.util.Random(n));
            assertSameAsTreeMap(keys.toArray(String[]::new), v);
        }
    }

    @Test
    void copyOfAHashMapKeepsEveryEntry() {
        Map<String, Object> src = new LinkedHashMap<>();
        src.put("delta", 4);
        src.put("alpha", null);
        src.put("charlie", 3);
        assertEquals(src, CompactMap.copyOf(src));
        assertEquals(List.of("alpha", "charlie", "delta"), new ArrayList<>(CompactMap.copyOf(src).keySet()));
    }
}
