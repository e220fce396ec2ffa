package io.failready.collect;

import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Keeps secrets out of snapshots: a Lambda environment value whose name or content looks secret
 * becomes {@code "[REDACTED]"}. Errs on the side of redacting; rules only need non-secret values
 * (table names, region names, endpoints) to compare regions.
 */
public final class Redactor {
    private Redactor() {}

    public static final String REDACTED = "[REDACTED]";
    private static final Pattern SECRET_NAME = Pattern.compile("(?i)(passw|pwd|secret|token|key|credential|private|auth|session|cert|signature|salt|api_?key|conn(ection)?_?str)");
    private static final Pattern ACCESS_KEY = Pattern.compile("(AKIA|ASIA|AGPA|AIDA|AROA)[0-9A-Z]{16}");
    private static final Pattern PEM = Pattern.compile("-----BEGIN [A-Z ]+-----");
    private static final Pattern URL_WITH_PASSWORD = Pattern.compile("[a-z][a-z0-9+.-]*://[^/\\s:@]+:[^/\\s@]+@");
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32,}");
    private static final Pattern TOKEN_LIKE = Pattern.compile("[A-Za-z0-9+/=_\\-.]{24,}");

    /** Free text (an error message) with every AWS access key id in it replaced by {@link #REDACTED}. */
    public static String redactAccessKeyIds(String text) {
        return text == null ? null : ACCESS_KEY.matcher(text).replaceAll(REDACTED);
    }

    public static Map<String, String> redact(Map<String, String> env) {
        Map<String, String> out = new TreeMap<>();
        if (env != null) env.forEach((k, v) -> out.put(k, redact(k, v)));
        return out;
    }

    public static String redact(String name, String value) {
        if (value == null) return null;
        if (looksSecret(name, value)) return REDACTED;
        return value;
    }

    static boolean looksSecret(String name, String value) {
        if (SECRET_NAME.matcher(name).find()) return true;
        if (ACCESS_KEY.matcher(value).find() || PEM.matcher(value).find() || URL_WITH_PASSWORD.matcher(value).find()) return true;
        var m = TOKEN_LIKE.matcher(value);
        while (m.find()) {
            String t = m.group();
            // ARNs, hostnames and paths are long but low-entropy and structured; random tokens are neither.
            if (t.startsWith("arn:") || t.contains("..")) continue;
            if (HEX.matcher(t).matches() || (entropy(t) >= 4.0 && hasMixedClasses(t))) return true;
        }
        return false;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String s) {
        int[] counts = new int[128];
        int n = 0;
        for (char c : s.toCharArray()) if (c < 128) { counts[c]++; n++; }
        double h = 0;
        for (int c : counts) if (c > 0) { double p = (double) c / n; h -= p * Math.log(p) / Math.log(2); }
        return h;
    }

    private static boolean hasMixedClasses(String s) {
        boolean lower = false, upper = false, digit = false;
        for (char c : s.toCharArray()) {
            lower |= Character.isLowerCase(c);
            upper |= Character.isUpperCase(c);
            digit |= Character.isDigit(c);
        }
        // Random tokens mix all three; long names ("orders-bucket-2024") rarely do.
        return lower && upper && digit;
    }
}
