package io.failready.collect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/** Small builders for normalised {@code configuration} maps: absent (null) attributes are omitted, as the contract says. */
public final class Attrs {
    private Attrs() {}

    /** {@code map("a", 1, "b", null)} -> {a=1}. */
    public static Map<String, Object> map(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            Object v = keyValues[i + 1];
            if (v != null) m.put((String) keyValues[i], v);
        }
        return m;
    }

    public static <T, R> List<R> list(Collection<T> in, Function<T, R> f) {
        List<R> out = new ArrayList<>();
        if (in != null) for (T t : in) { R r = f.apply(t); if (r != null) out.add(r); }
        return out;
    }

    /** One entry of the standard {@code replicaLinks} attribute. */
    public static Map<String, Object> replicaLink(String region, String resourceId, String resourceName, String status, String kind) {
        return map("region", region, "resourceId", resourceId, "resourceName", resourceName, "status", status, "kind", kind);
    }

    public static <T> Map<String, String> tags(Collection<T> in, Function<T, String> key, Function<T, String> value) {
        Map<String, String> m = new TreeMap<>();
        if (in != null) for (T t : in) if (key.apply(t) != null) m.put(key.apply(t), value.apply(t) == null ? "" : value.apply(t));
        return m;
    }

    /** Region field of an ARN ({@code arn:aws:rds:eu-west-1:...}), or null. */
    public static String arnRegion(String arn) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] p = arn.split(":", 6);
        return p.length > 3 && !p[3].isEmpty() ? p[3] : null;
    }

    /** Account field of an ARN, or null. */
    public static String arnAccount(String arn) {
        if (arn == null || !arn.startsWith("arn:")) return null;
        String[] p = arn.split(":", 6);
        return p.length > 4 && !p[4].isEmpty() ? p[4] : null;
    }

    /** Same ARN in another region (DynamoDB replicas share name and account). */
    public static String withRegion(String arn, String region) {
        String[] p = arn.split(":", 6);
        if (p.length < 6) return arn;
        p[3] = region;
        return String.join(":", p);
    }

    public static Integer toInt(Long v) { return v == null ? null : (int) Math.min(Integer.MAX_VALUE, v); }
}
