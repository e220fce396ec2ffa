package io.failready.rules.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.failready.rules.api.KmsPolicyComparison.Side;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A KMS key policy parsed into canonical statements, the form {@link KmsPolicyComparison} compares:
 * Sids dropped, single values as one-element sorted sets, actions and condition keys lower-cased,
 * bare account principals as root ARNs, and each side's account, region and key id as placeholders.
 */
final class KmsPolicyStatements {
    private KmsPolicyStatements() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Thrown for text that is not a JSON policy document. */
    static final class PolicyParseException extends Exception {
        public PolicyParseException(String message) { super(message); }
    }

    /** A normalised statement: its label for messages and its canonical elements. */
    record Statement(String label, Map<String, Object> elements) {}

    /**
     * Parses and normalises a policy. {@code own} is the side the policy belongs to; {@code other}
     * is used too, so that a policy that names the other side's account (cross-account grants
     * between the two copies) is normalised the same way on both sides.
     */
    static List<Statement> normalise(String policy, Side own, Side other) throws PolicyParseException {
        if (policy == null || policy.isBlank()) throw new PolicyParseException("was not collected");
        JsonNode root;
        try {
            root = MAPPER.readTree(policy);
        } catch (JsonProcessingException e) {
            throw new PolicyParseException("is not valid JSON");
        }
        if (root == null || !root.isObject()) throw new PolicyParseException("is not a JSON object");
        JsonNode st = root.get("Statement");
        if (st == null || st.isNull()) throw new PolicyParseException("has no Statement");
        List<JsonNode> raw = new ArrayList<>();
        if (st.isArray()) st.forEach(raw::add);
        else if (st.isObject()) raw.add(st);
        else throw new PolicyParseException("has a Statement that is neither an object nor a list");
        Placeholders ph = new Placeholders(own, other);
        List<Statement> out = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            JsonNode s = raw.get(i);
            if (!s.isObject()) throw new PolicyParseException("has statement #" + (i + 1) + " that is not an object");
            String sid = s.path("Sid").asText("");
            String label = sid.isEmpty() ? "#" + (i + 1) : "\"" + sid + "\"";
            out.add(new Statement(label, statement(s, ph, label)));
        }
        return out;
    }

    private static Map<String, Object> statement(JsonNode s, Placeholders ph, String label) throws PolicyParseException {
        Map<String, Object> el = new TreeMap<>();
        JsonNode effect = s.get("Effect");
        if (effect == null || !effect.isTextual()) throw new PolicyParseException("statement " + label + " has no Effect");
        el.put("Effect", effect.asText());
        for (String p : List.of("Principal", "NotPrincipal")) {
            if (s.has(p)) el.put(p, principal(s.get(p), ph, label));
        }
        for (String a : List.of("Action", "NotAction")) {
            if (s.has(a)) {
                TreeSet<String> acts = new TreeSet<>();
                for (String v : values(s.get(a), a, label)) acts.add(v.toLowerCase(Locale.ROOT));
                el.put(a, acts);
            }
        }
        for (String r : List.of("Resource", "NotResource")) {
            if (s.has(r)) {
                TreeSet<String> res = new TreeSet<>();
                for (String v : values(s.get(r), r, label)) res.add(ph.apply(v));
                el.put(r, res);
            }
        }
        if (s.has("Condition")) {
            JsonNode c = s.get("Condition");
            if (!c.isObject()) throw new PolicyParseException("statement " + label + " has a Condition that is not an object");
            Map<String, Map<String, TreeSet<String>>> cond = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = c.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> op = it.next();
                if (!op.getValue().isObject()) {
                    throw new PolicyParseException("statement " + label + " has condition operator " + op.getKey() + " without keys");
                }
                Map<String, TreeSet<String>> keys = cond.computeIfAbsent(op.getKey(), k -> new TreeMap<>());
                for (Iterator<Map.Entry<String, JsonNode>> kit = op.getValue().fields(); kit.hasNext(); ) {
                    Map.Entry<String, JsonNode> k = kit.next();
                    TreeSet<String> vals = keys.computeIfAbsent(k.getKey().toLowerCase(Locale.ROOT), x -> new TreeSet<>());
                    for (String v : values(k.getValue(), "Condition", label)) vals.add(ph.apply(v));
                }
            }
            if (!cond.isEmpty()) el.put("Condition", cond);
        }
        return el;
    }

    private static Map<String, TreeSet<String>> principal(JsonNode p, Placeholders ph, String label) throws PolicyParseException {
        Map<String, TreeSet<String>> out = new TreeMap<>();
        if (p.isTextual()) {
            if (!"*".equals(p.asText())) throw new PolicyParseException("statement " + label + " has a Principal string other than \"*\"");
            out.put("AWS", new TreeSet<>(List.of("*")));
            return out;
        }
        if (!p.isObject()) throw new PolicyParseException("statement " + label + " has a Principal that is neither \"*\" nor an object");
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            TreeSet<String> vals = out.computeIfAbsent(e.getKey(), k -> new TreeSet<>());
            for (String v : values(e.getValue(), "Principal", label)) {
                if ("AWS".equals(e.getKey()) && v.matches("\\d{12}")) v = "arn:aws:iam::" + v + ":root";
                vals.add(ph.apply(v));
            }
        }
        return out;
    }

    private static List<String> values(JsonNode n, String element, String label) throws PolicyParseException {
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) return out;
        if (n.isArray()) {
            for (JsonNode v : n) {
                if (!v.isValueNode()) throw new PolicyParseException("statement " + label + " has a non-scalar " + element + " value");
                out.add(v.asText());
            }
        } else if (n.isValueNode()) {
            out.add(n.asText());
        } else {
            throw new PolicyParseException("statement " + label + " has a " + element + " that is neither a value nor a list");
        }
        return out;
    }

    /** Replaces both sides' account ids, regions and key ids by placeholders. */
    static final class Placeholders {
        private final Map<String, String> replacements = new LinkedHashMap<>();

        Placeholders(Side own, Side other) {
            // longest first so a key id is never cut by a shorter token
            List<String[]> pairs = new ArrayList<>();
            for (Side s : List.of(own, other)) {
                if (s.keyId() != null && !s.keyId().isBlank()) pairs.add(new String[]{s.keyId(), "<KEY>"});
                if (s.accountId() != null && !s.accountId().isBlank()) pairs.add(new String[]{s.accountId(), "<ACCOUNT>"});
                if (s.region() != null && !s.region().isBlank()) pairs.add(new String[]{s.region(), "<REGION>"});
            }
            pairs.sort((x, y) -> Integer.compare(y[0].length(), x[0].length()));
            for (String[] p : pairs) replacements.putIfAbsent(p[0], p[1]);
        }

        String apply(String v) {
            String out = v;
            for (Map.Entry<String, String> e : replacements.entrySet()) out = out.replace(e.getKey(), e.getValue());
            return out;
        }
    }
}
