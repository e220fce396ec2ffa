package io.failready.report;

import io.failready.model.Report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Field-by-field comparison of a report file with the report re-computed from its inputs, for
 * {@code verify}. It works on the JSON trees, not on {@link Report}, so that a field the reader
 * would drop, default or repair (an extra property, "waived": true with no waiver) still counts as
 * a difference: nothing in the file is trusted because it parsed.
 *
 * <p>Lists whose items have an identity (workloads, evaluations, section, account and region-pair
 * scores, rules, collection gaps) are matched by that identity, so a difference is named by its
 * evaluation key and field rather than by a position that shifts when one item is removed. Their
 * order is not compared: readers sort them. Numbers compare by value (87.5 equals 87.50). Names
 * taken from the file pass through {@link DiffWriter#oneLine} before they reach a terminal.
 */
public final class ReportComparison {
    private ReportComparison() {}

    /** One difference: where (evaluation key or item, then field), and the two values. */
    public record Difference(String where, String expected, String found) {
        @Override public String toString() {
            return where + ": report has " + found + ", re-evaluation gives " + expected;
        }
    }

    /**
     * Fields not compared: the paths the inputs were read from (the same file may be named
     * differently on another machine; its SHA-256 ties it) and the tool version (a newer failready
     * that reproduces every field reproduces the report).
     */
    static final List<String> IGNORED = List.of("tool.version", "sources.snapshot.path", "sources.config.path", "sources.rules.path");

    /** Identity of the items of each keyed list, by the list's field name. */
    private static final Map<String, Function<JsonNode, String>> KEYS = Map.of(
            // one entry per workload and direction (an absent direction is a failover)
            "workloads", n -> "workload " + n.path("name").asText()
                    + ("recovery-to-primary".equals(n.path("direction").asText()) ? " (failback)" : ""),
            "evaluations", n -> "evaluation " + String.join("|", text(n, "ruleId"), text(n, "resourceId"), text(n, "region"), text(n, "recoveryRegion")),
            "sections", n -> "section " + n.path("name").asText(),
            "accounts", n -> "account " + n.path("accountId").asText(),
            "regionPairs", n -> "region pair " + n.path("primary").asText() + "->" + n.path("recovery").asText(),
            "rules", n -> "rule " + n.path("id").asText(),
            "collectionGaps", n -> "gap " + n.toString());

    /** Every difference between {@code expected} (re-computed) and {@code found} (the file's tree). */
    public static List<Difference> compare(JsonNode expected, JsonNode found) {
        List<Difference> out = new ArrayList<>();
        JsonNode e = expected.deepCopy(), f = found.deepCopy();
        for (String p : IGNORED) {
            remove(e, p);
            remove(f, p);
        }
        for (JsonNode t : List.of(e, f)) {
            for (JsonNode w : t.path("workloads")) {
                if (w instanceof ObjectNode wo && w.path("waiverNotices").isArray()) {
                    JsonNode was = w.path("waiverNotices");
                    var notices = wo.putArray("waiverNotices");
                    was.forEach(n -> notices.add(n.isTextual() ? notices.textNode(withoutDirectories(n.asText())) : n));
                }
                for (JsonNode ev : w.path("evaluations")) {
                    if (ev.path("waiver") instanceof ObjectNode o && o.path("source").isTextual()) {
                        o.put("source", withoutDirectories(o.path("source").asText()));
                    }
                }
            }
        }
        diff("", null, e, f, out);
        return out;
    }

    private static final Pattern FILE_LINE = Pattern.compile("[^\\s(]*[/\\\\]([^/\\\\\\s(]+:\\d+)");

    /**
     * Waivers are named "FILE:LINE" with FILE as the command line gave it: keep the file name and
     * line, which the configuration's SHA-256 already ties, whatever directory it was read from.
     */
    static String withoutDirectories(String s) {
        return FILE_LINE.matcher(s).replaceAll("$1");
    }

    private static void remove(JsonNode root, String dotted) {
        String[] parts = dotted.split("\\.");
        JsonNode n = root;
        for (int i = 0; i < parts.length - 1 && n != null; i++) n = n.get(parts[i]);
        if (n instanceof ObjectNode o) o.remove(parts[parts.length - 1]);
    }

    private static void diff(String where, String field, JsonNode e, JsonNode f, List<Difference> out) {
        if (e.isObject() && f.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            e.fieldNames().forEachRemaining(names::add);
            f.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                JsonNode a = e.get(n), b = f.get(n);
                String path = io.failready.util.Terminal.safe(field == null ? n : field + "." + n);
                if (a == null) out.add(new Difference(at(where, path), "(no such field)", show(b)));
                else if (b == null) out.add(new Difference(at(where, path), show(a), "(no such field)"));
                else diff(where, path, a, b, out);
            }
        } else if (e.isArray() && f.isArray() && field != null && KEYS.containsKey(last(field))) {
            keyed(where, field, KEYS.get(last(field)), e, f, out);
        } else if (e.isNumber() && f.isNumber()) {
            if (new BigDecimal(e.asText()).compareTo(new BigDecimal(f.asText())) != 0) out.add(new Difference(at(where, field), show(e), show(f)));
        } else if (e.isArray() && f.isArray() && e.size() == f.size()) {
            for (int i = 0; i < e.size(); i++) diff(where, field + "[" + i + "]", e.get(i), f.get(i), out);
        } else if (!e.equals(f)) {
            out.add(new Difference(at(where, field), show(e), show(f)));
        }
    }

    private static void keyed(String where, String field, Function<JsonNode, String> key, JsonNode e, JsonNode f, List<Difference> out) {
        Map<String, JsonNode> byKeyE = index(e, key), byKeyF = new LinkedHashMap<>();
        for (JsonNode n : f) {
            String k = io.failready.util.Terminal.safe(key.apply(n));
            if (byKeyF.putIfAbsent(k, n) != null) out.add(new Difference(at(where, k), "once", "more than once"));
        }
        String scope = where.isEmpty() ? "" : where + ", ";
        for (Map.Entry<String, JsonNode> x : byKeyE.entrySet()) {
            JsonNode g = byKeyF.get(x.getKey());
            if (g == null) out.add(new Difference(scope + x.getKey(), "it", "(missing from the report)"));
            else diff(scope + x.getKey(), null, x.getValue(), g, out);
        }
        for (Map.Entry<String, JsonNode> x : byKeyF.entrySet()) {
            if (!byKeyE.containsKey(x.getKey())) out.add(new Difference(scope + x.getKey(), "(not reproduced)", "it"));
        }
    }

    private static Map<String, JsonNode> index(JsonNode list, Function<JsonNode, String> key) {
        Map<String, JsonNode> m = new LinkedHashMap<>();
        for (JsonNode n : list) m.putIfAbsent(io.failready.util.Terminal.safe(key.apply(n)), n);
        return m;
    }

    private static String at(String where, String field) {
        if (field == null) return where.isEmpty() ? "(the report)" : where;
        return where.isEmpty() ? field : where + ": " + field;
    }

    private static String last(String field) {
        int i = field.lastIndexOf('.');
        return i < 0 ? field : field.substring(i + 1);
    }

    private static String text(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? "" : v.asText();
    }

    /** A value as it would appear in the JSON, cut short so one difference stays one line. */
    private static String show(JsonNode n) {
        String s = n.toString();
        return s.length() <= 160 ? s : s.substring(0, 150) + "... (" + s.length() + " chars)";
    }
}
