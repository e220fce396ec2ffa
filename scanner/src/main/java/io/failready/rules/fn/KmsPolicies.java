package io.failready.rules.fn;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.failready.facts.Resource;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Semantic comparison of two KMS key policies, for KMS_KEY_POLICY_EQUIVALENT. Two policies are
 * equivalent when their statements are equal as a multiset once each statement is normalised:
 * <ul>
 *   <li>{@code Sid} is ignored and statement order does not matter;</li>
 *   <li>single values and lists are the same thing ({@code "Action": "kms:Decrypt"} = {@code ["kms:Decrypt"]}),
 *       value lists are sorted and de-duplicated;</li>
 *   <li>actions compare case-insensitively (IAM treats them so);</li>
 *   <li>principals: {@code "*"} = {@code {"AWS": "*"}}, and a bare account id {@code "AWS": "123456789012"}
 *       = {@code arn:aws:iam::123456789012:root};</li>
 *   <li>condition keys compare case-insensitively, condition values as sorted sets;</li>
 *   <li>each side's account id, region and key id are replaced by {@code <ACCOUNT>}, {@code <REGION>} and
 *       {@code <KEY>} placeholders, so a key ARN or a {@code kms:ViaService} value that names its own
 *       region, account or key compares equal to the other side's.</li>
 * </ul>
 * The first difference is described by the statement's Sid (or its 1-based position) and the
 * element that differs, in words short enough for an evaluation annotation.
 */
public final class KmsPolicies {
    private KmsPolicies() {}

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> ELEMENTS = List.of("Effect", "Principal", "NotPrincipal", "Action", "NotAction",
            "Resource", "NotResource", "Condition");

    /** What one side's policy is attached to: the names its text may mention that the other side spells differently. */
    public record Side(String label, String accountId, String region, String keyId) {
        public static Side of(String label, Resource key) {
            String keyId = key.str("keyId");
            if (keyId == null) {
                String id = key.getResourceId();
                int slash = id.lastIndexOf("key/");
                keyId = slash >= 0 ? id.substring(slash + 4) : null;
            }
            return new Side(label, key.getAccountId(), key.getAwsRegion(), keyId);
        }
    }

    public enum Outcome { EQUIVALENT, DIFFERENT, UNPARSEABLE }

    /** Outcome plus, for DIFFERENT and UNPARSEABLE, a one-sentence explanation without a final period. */
    public record Comparison(Outcome outcome, String detail) {
        public boolean isEquivalent() { return outcome == Outcome.EQUIVALENT; }
        public boolean isDifferent() { return outcome == Outcome.DIFFERENT; }
        public boolean isUnparseable() { return outcome == Outcome.UNPARSEABLE; }
        public String getDetail() { return detail; }
        public Outcome getOutcome() { return outcome; }
    }

    /** Thrown for text that is not a JSON policy document. */
    public static final class PolicyParseException extends Exception {
        public PolicyParseException(String message) { super(message); }
    }

    /** A normalised statement: its label for messages and its canonical elements. */
    record Statement(String label, Map<String, Object> elements) {}

    /** Convenience for DRL: compare the {@code policy} attributes of two KMS key resources. */
    public static Comparison compare(Resource primaryKey, Resource recoveryKey) {
        return compare(primaryKey.str("policy"), recoveryKey.str("policy"),
                Side.of(primaryKey.getAwsRegion(), primaryKey), Side.of(recoveryKey.getAwsRegion(), recoveryKey));
    }

    public static Comparison compare(String policyA, String policyB, Side a, Side b) {
        List<Statement> sa;
        List<Statement> sb;
        try {
            sa = normalise(policyA, a, b);
        } catch (PolicyParseException e) {
            return new Comparison(Outcome.UNPARSEABLE, "the " + a.label() + " key policy " + e.getMessage());
        }
        try {
            sb = normalise(policyB, b, a);
        } catch (PolicyParseException e) {
            return new Comparison(Outcome.UNPARSEABLE, "the " + b.label() + " key policy " + e.getMessage());
        }
        String diff = firstDifference(sa, sb, a.label(), b.label());
        return diff == null ? new Comparison(Outcome.EQUIVALENT, null) : new Comparison(Outcome.DIFFERENT, diff);
    }

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

    /**
     * Null when the statement multisets are equal; otherwise a description of the first
     * difference: the first statement of A (in A's order) without an equal partner in B,
     * compared with its closest unmatched statement in B; or else the first extra statement of B.
     */
    static String firstDifference(List<Statement> a, List<Statement> b, String labelA, String labelB) {
        List<Statement> restB = new ArrayList<>(b);
        List<Statement> unmatchedA = new ArrayList<>();
        for (Statement s : a) {
            int idx = indexOfEqual(restB, s);
            if (idx >= 0) restB.remove(idx);
            else unmatchedA.add(s);
        }
        if (unmatchedA.isEmpty() && restB.isEmpty()) return null;
        if (unmatchedA.isEmpty()) {
            return "statement " + restB.get(0).label() + " exists only in the " + labelB + " key policy";
        }
        Statement s = unmatchedA.get(0);
        Statement partner = closest(s, restB);
        if (partner == null) return "statement " + s.label() + " has no equivalent in the " + labelB + " key policy";
        for (String el : ELEMENTS) {
            Object x = s.elements().get(el);
            Object y = partner.elements().get(el);
            if (!Objects.equals(x, y)) {
                String name = s.label().equals(partner.label()) ? s.label() : s.label() + " (" + labelB + " " + partner.label() + ")";
                return "statement " + name + " differs in " + el + ": " + describe(el, x, y, labelA, labelB);
            }
        }
        return "statement " + s.label() + " differs";   // unreachable: unequal maps differ in some element
    }

    private static int indexOfEqual(List<Statement> list, Statement s) {
        for (int i = 0; i < list.size(); i++) if (list.get(i).elements().equals(s.elements())) return i;
        return -1;
    }

    /** Same Sid first; otherwise the statement sharing the most elements (ties: earliest). */
    private static Statement closest(Statement s, List<Statement> candidates) {
        for (Statement c : candidates) if (c.label().equals(s.label()) && c.label().startsWith("\"")) return c;
        Statement best = null;
        int bestScore = 0;
        for (Statement c : candidates) {
            int score = 0;
            for (String el : ELEMENTS) {
                if (s.elements().containsKey(el) && Objects.equals(s.elements().get(el), c.elements().get(el))) score++;
            }
            if (score > bestScore) { best = c; bestScore = score; }
        }
        return best;
    }

    private static String describe(String el, Object x, Object y, String labelA, String labelB) {
        if (x == null) return "absent in " + labelA + ", present in " + labelB;
        if (y == null) return "present in " + labelA + ", absent in " + labelB;
        TreeSet<String> fx = flatten(x);
        TreeSet<String> fy = flatten(y);
        TreeSet<String> onlyX = new TreeSet<>(fx);
        onlyX.removeAll(fy);
        TreeSet<String> onlyY = new TreeSet<>(fy);
        onlyY.removeAll(fx);
        StringBuilder sb = new StringBuilder();
        if (!onlyX.isEmpty()) sb.append("only in ").append(labelA).append(" ").append(shorten(onlyX));
        if (!onlyY.isEmpty()) {
            if (sb.length() > 0) sb.append("; ");
            sb.append("only in ").append(labelB).append(" ").append(shorten(onlyY));
        }
        return sb.toString();
    }

    /** Elements as comparable lines: "kms:decrypt", "AWS=arn:...", "StringEquals kms:viaservice=...". */
    @SuppressWarnings("unchecked")
    private static TreeSet<String> flatten(Object v) {
        TreeSet<String> out = new TreeSet<>();
        if (v instanceof String s) out.add(s);
        else if (v instanceof TreeSet<?> set) for (Object o : set) out.add(String.valueOf(o));
        else if (v instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                for (String inner : flatten(e.getValue())) {
                    out.add(e.getKey() + (e.getValue() instanceof Map<?, ?> ? " " : "=") + inner);
                }
            }
        }
        return out;
    }

    private static String shorten(TreeSet<String> vals) {
        String joined = String.join(", ", vals);
        return joined.length() > 90 ? joined.substring(0, 87) + "..." : joined;
    }
}
