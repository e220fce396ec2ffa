package io.failready.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Null-safe dotted-path reads over the JSON-shaped maps that collectors produce. */
public final class Paths {
    private Paths() {}

    public static Object get(Map<String, ?> root, String path) {
        // most rule lookups name a top-level attribute: no substrings for those
        if (path.indexOf('.') < 0) return root == null ? null : root.get(path);
        Object cur = root;
        int start = 0;
        while (cur != null) {
            int dot = path.indexOf('.', start);
            String key = dot < 0 ? path.substring(start) : path.substring(start, dot);
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(key);
            if (dot < 0) return cur;
            start = dot + 1;
        }
        return null;
    }

    public static String str(Map<String, ?> root, String path) {
        Object v = get(root, path);
        return v == null ? null : String.valueOf(v);
    }

    public static boolean bool(Map<String, ?> root, String path) {
        Object v = get(root, path);
        if (v instanceof Boolean b) return b;
        return v instanceof String s && s.equalsIgnoreCase("true");
    }

    public static Double num(Map<String, ?> root, String path) {
        Object v = get(root, path);
        if (v instanceof Number n) return n.doubleValue();
        if (v instanceof String s) {
            try { return Double.parseDouble(s.trim()); } catch (NumberFormatException e) { return null; }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, ?> root, String path) {
        Object v = get(root, path);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> maps(Map<String, ?> root, String path) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object o : list(root, path)) if (o instanceof Map<?, ?> m) out.add((Map<String, Object>) m);
        return out;
    }
}
