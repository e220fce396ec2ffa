package io.failready.rules.api;

import io.failready.model.Evaluation;

import java.util.Collection;
import java.util.stream.Collectors;

/** Text helpers every rule shares, so annotations read alike and are cut in one way. */
public final class Text {
    private Text() {}

    /** An annotation cut to what the report keeps (AWS Config's 256 characters, marked " [truncated]"). */
    public static String fit(String annotation) { return Evaluation.truncate(annotation); }

    /** One value inside an annotation, cut to {@code max} characters with "..." so a list of them stays readable. */
    public static String shorten(String s, int max) {
        if (s == null) return null;
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 3)) + "...";
    }

    /** "a, b, c" in the order given. */
    public static String join(Collection<?> items) {
        return items.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** A number without a trailing ".0" ("2", "2.5"). */
    public static String number(double d) {
        return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** "ledger" / "ledger and 2 more": the first of the resources' names in sort order, and how many others. */
    public static String names(Collection<?> resources) {
        java.util.TreeSet<String> names = new java.util.TreeSet<>();
        for (Object o : resources) names.add(o instanceof io.failready.facts.Resource r ? r.getResourceName() : String.valueOf(o));
        if (names.isEmpty()) return "nothing";
        return names.size() == 1 ? names.first() : names.first() + " and " + (names.size() - 1) + " more";
    }
}
