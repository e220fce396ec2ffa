package io.failready.rules;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import io.failready.util.InputException;
import io.failready.util.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The compliance frameworks of {@code rules/mappings/*.yaml}: every mapping file with a
 * {@code framework:} key is one framework, named on the command line by its file name without
 * {@code .yaml} ({@code --framework nist-sp-800-53-r5}). Rules never name controls; these files
 * are the only place a rule meets a control. Every file is checked when read: a rule id the
 * bundled catalog does not hold, a control without id, title or rules, a control id given twice, or
 * a {@code why} for a rule the control does not list is an error naming the file and line.
 */
public final class Frameworks {
    /** The framework every report has always carried (RuleRef.wellArchitected). */
    public static final String WELL_ARCHITECTED = "well-architected-reliability";

    public record Control(String id, String title, List<String> rules, Map<String, String> why) {}

    public record Framework(String key, String name, List<Control> controls) {
        /** Rule id -> the ids of the controls it supports, in the file's control order. */
        public Map<String, List<String>> controlsByRule() {
            Map<String, List<String>> out = new TreeMap<>();
            for (Control c : controls) for (String r : c.rules()) out.computeIfAbsent(r, k -> new ArrayList<>()).add(c.id());
            return out;
        }

        public Set<String> ruleIds() {
            Set<String> out = new LinkedHashSet<>();
            for (Control c : controls) out.addAll(c.rules());
            return out;
        }
    }

    private final Map<String, Framework> byKey;

    private Frameworks(Map<String, Framework> byKey) { this.byKey = byKey; }

    private static volatile Frameworks bundled;

    /** The bundled frameworks, read and checked against the bundled rule index once per JVM. */
    public static Frameworks bundled() {
        Frameworks f = bundled;
        if (f != null) return f;
        synchronized (Frameworks.class) {
            if (bundled == null) bundled = read(RuleSources.bundledRoot().resolve("mappings"), RuleIndex.bundledPlus(List.of()).ids());
            return bundled;
        }
    }

    public Collection<Framework> all() { return byKey.values(); }

    public Framework get(String key) { return byKey.get(key); }

    /** The framework named on the command line (file name, any case), or exit 2 listing the choices. */
    public Framework require(String option, String name) {
        Framework f = byKey.get(name.trim().toLowerCase(Locale.ROOT));
        if (f == null) {
            throw new InputException(option + ": unknown framework '" + name + "'; choose from " + String.join(", ", byKey.keySet()) + ".");
        }
        return f;
    }

    /** Every mapping file in {@code dir} that declares a framework, checked against {@code ruleIds}. */
    public static Frameworks read(Path dir, Set<String> ruleIds) {
        Map<String, Framework> out = new LinkedHashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path f : files) {
            String name = "rules/mappings/" + f.getFileName();
            JsonNode t;
            try (InputStream in = Files.newInputStream(f)) {
                t = Json.readLocated(in, name, true);
            } catch (IOException e) {
                throw new InputException(name, -1, -1, "could not be read: " + e.getMessage(), e);
            }
            if (!t.has("framework")) continue; // e.g. failover-precheck.yaml: a rule selection, not a framework
            String key = f.getFileName().toString().replaceFirst("\\.yaml$", "");
            out.put(key, parse(key, name, t, ruleIds));
        }
        return new Frameworks(out);
    }

    static Framework parse(String key, String file, JsonNode t, Set<String> ruleIds) {
        String title = text(t, "framework", file, t);
        JsonNode controls = t.get("controls");
        if (controls == null || !controls.isArray() || controls.isEmpty()) throw error(file, t, "needs a non-empty 'controls' list.");
        List<Control> list = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode c : controls) {
            String id = text(c, "id", file, c);
            if (!ids.add(id)) throw error(file, c, "control " + id + " appears twice.");
            String ctitle = text(c, "title", file, c);
            JsonNode rules = c.get("rules");
            if (rules == null || !rules.isArray() || rules.isEmpty()) throw error(file, c, "control " + id + " needs a non-empty 'rules' list.");
            List<String> rs = new ArrayList<>();
            for (JsonNode r : rules) {
                if (!r.isTextual() || !ruleIds.contains(r.asText())) {
                    throw error(file, r, "control " + id + " names rule '" + r.asText() + "', which is not in the checklist (see 'failready rules list').");
                }
                rs.add(r.asText());
            }
            Map<String, String> why = new TreeMap<>();
            JsonNode w = c.get("why");
            if (w != null) {
                if (!w.isObject()) throw error(file, w, "control " + id + ": 'why' must map rule ids to one-line reasons.");
                for (var e : (Iterable<Map.Entry<String, JsonNode>>) w::fields) {
                    if (!rs.contains(e.getKey())) throw error(file, e.getValue(), "control " + id + " explains rule '" + e.getKey() + "', which its 'rules' list does not name.");
                    why.put(e.getKey(), e.getValue().asText());
                }
            }
            list.add(new Control(id, ctitle, List.copyOf(rs), why));
        }
        return new Framework(key, title, List.copyOf(list));
    }

    private static String text(JsonNode parent, String field, String file, JsonNode at) {
        JsonNode n = parent.get(field);
        if (n == null || !n.isTextual() || n.asText().isBlank()) throw error(file, at, "needs a text '" + field + "'.");
        return n.asText();
    }

    private static InputException error(String file, JsonNode at, String message) {
        JsonLocation loc = Json.locationOf(at);
        return new InputException(file, loc == null ? -1 : loc.getLineNr(), loc == null ? -1 : loc.getColumnNr(), message);
    }
}
