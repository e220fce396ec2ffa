package io.failready.config;

import io.failready.util.Globs;
import io.failready.util.InputException;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks the rule ids and section names a user types (flags, config): a typo in --warn-only or a
 * glob that matches nothing would otherwise relax or tighten nothing, silently.
 */
public final class RuleNames {
    private RuleNames() {}

    /** Null when every entry names something; else the problem with a did-you-mean. {@code globs}: whether * and ? are allowed. */
    public static String problem(String what, String entry, Collection<String> known, boolean globs) {
        if (entry != null && globs && (entry.contains("*") || entry.contains("?"))) {
            Pattern p = Globs.glob(entry);
            for (String k : known) if (p.matcher(k).matches()) return null;
            return what + " '" + entry + "' matches no " + noun(what, known) + suggestion(entry.replace("*", "").replace("?", ""), known);
        }
        if (entry != null && known.contains(entry)) return null;
        String typed = entry == null ? "" : entry;
        if (what.equals("rule id")) return "unknown rule id '" + typed + "'" + suggestion(typed, known) + " Run 'failready rules list' for the catalog.";
        return what + " '" + typed + "' is not a known " + noun(what, known) + suggestion(typed, known);
    }

    public static void check(String what, List<String> entries, Collection<String> known, boolean globs) {
        for (String e : entries) {
            String p = problem(what, e, known, globs);
            if (p != null) throw new InputException(p);
        }
    }

    private static String noun(String what, Collection<String> known) {
        return what.contains("section") ? "section (sections: " + String.join(", ", known) + ")"
                : "rule id (run 'failready rules list' for the catalog)";
    }

    private static String suggestion(String typed, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String t = typed.toUpperCase(java.util.Locale.ROOT);
        for (String k : known) {
            String ku = k.toUpperCase(java.util.Locale.ROOT);
            int d = ku.contains(t) && !t.isEmpty() ? Math.max(0, ku.length() - t.length()) / 4 : distance(t, ku);
            if (d < bestD) { bestD = d; best = k; }
        }
        return best != null && bestD <= Math.max(3, t.length() / 3) ? ". Did you mean " + best + "?" : ".";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] x = prev; prev = cur; cur = x;
        }
        return prev[b.length()];
    }
}
