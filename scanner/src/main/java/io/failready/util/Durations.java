package io.failready.util;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Human durations as written in configs and flags: "90", "90s", "15m", "4h", "1h30m", "7d". */
public final class Durations {
    private Durations() {}

    private static final Pattern PART = Pattern.compile("(\\d+)\\s*([dhms])");

    public static Duration parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("empty duration");
        String t = text.trim().toLowerCase();
        if (t.matches("\\d+")) return Duration.ofMinutes(Long.parseLong(t));
        if (!t.matches("(\\d+\\s*[dhms]\\s*)+")) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (use forms like 90s, 15m, 4h, 1h30m, 7d)");
        }
        Matcher m = PART.matcher(t);
        Duration d = Duration.ZERO;
        while (m.find()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "d" -> d.plusDays(n);
                case "h" -> d.plusHours(n);
                case "m" -> d.plusMinutes(n);
                default -> d.plusSeconds(n);
            };
        }
        return d;
    }

    /** An age for people: "14d 9h", "2h 5m", "4m", "30s" (the two largest units). */
    public static String human(Duration d) {
        long s = Math.max(0, d.getSeconds());
        long days = s / 86400, hours = s % 86400 / 3600, minutes = s % 3600 / 60;
        if (days > 0) return days + "d " + hours + "h";
        if (hours > 0) return hours + "h " + minutes + "m";
        if (minutes > 0) return minutes + "m";
        return s + "s";
    }

    public static String format(Duration d) {
        long s = d.getSeconds();
        if (s % 86400 == 0 && s > 0) return s / 86400 + "d";
        if (s % 3600 == 0 && s > 0) return s / 3600 + "h";
        if (s % 60 == 0) return s / 60 + "m";
        return s + "s";
    }
}
