package io.failready.rules.api;

import io.failready.facts.Resource;
import io.failready.rules.api.KmsPolicyStatements.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * ({@link KmsPolicyStatements} parses and normalises.) The first difference is described by the
 * statement's Sid (or its 1-based position) and the element that differs, in words short enough
 * for an evaluation annotation.
 */
public final class KmsPolicyComparison {
    private KmsPolicyComparison() {}

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

    /** Compares the {@code policy} attributes of two KMS key resources, each side labelled by its region. */
    public static Comparison compare(Resource primaryKey, Resource recoveryKey) {
        return compare(primaryKey.str("policy"), recoveryKey.str("policy"),
                Side.of(primaryKey.getAwsRegion(), primaryKey), Side.of(recoveryKey.getAwsRegion(), recoveryKey));
    }

    public static Comparison compare(String policyA, String policyB, Side a, Side b) {
        List<Statement> sa;
        List<Statement> sb;
        try {
            sa = KmsPolicyStatements.normalise(policyA, a, b);
        } catch (KmsPolicyStatements.PolicyParseException e) {
            return new Comparison(Outcome.UNPARSEABLE, "the " + a.label() + " key policy " + e.getMessage());
        }
        try {
            sb = KmsPolicyStatements.normalise(policyB, b, a);
        } catch (KmsPolicyStatements.PolicyParseException e) {
            return new Comparison(Outcome.UNPARSEABLE, "the " + b.label() + " key policy " + e.getMessage());
        }
        String diff = firstDifference(sa, sb, a.label(), b.label());
        return diff == null ? new Comparison(Outcome.EQUIVALENT, null) : new Comparison(Outcome.DIFFERENT, diff);
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

    private static String shorten(TreeSet<String> vals) { return Text.shorten(String.join(", ", vals), 90); }
}
