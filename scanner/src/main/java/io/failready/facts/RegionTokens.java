package io.failready.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ways people write a region inside resource names: {@code us-east-1}, {@code useast1},
 * {@code use1}, {@code us_east_1}. Used to pair {@code orders-use1} with {@code orders-euw1}.
 */
public final class RegionTokens {
    private RegionTokens() {}

    private static final Pattern REGION = Pattern.compile("([a-z]{2}(?:-gov)?)-([a-z]+)-(\\d+)");

    /** A handful of regions, asked about once per resource name: compute each region's tokens once. */
    private static final Map<String, List<String>> TOKENS = new ConcurrentHashMap<>();

    /** Longest first, so "us-east-1" is replaced before a shorter token inside it could be. */
    public static List<String> tokens(String region) {
        return TOKENS.computeIfAbsent(region, RegionTokens::compute);
    }

    private static List<String> compute(String region) {
        List<String> out = new ArrayList<>();
        out.add(region);
        out.add(region.replace('-', '_'));
        Matcher m = REGION.matcher(region);
        if (m.matches()) {
            String geo = m.group(1).replace("-", "");
            String dir = m.group(2);
            String n = m.group(3);
            out.add(geo + dir + n);                  // useast1
            out.add(geo + abbreviate(dir) + n);      // use1, euw1, apse1
        }
        return List.copyOf(out);
    }

    static String abbreviate(String direction) {
        return switch (direction) {
            case "northeast" -> "ne";
            case "northwest" -> "nw";
            case "southeast" -> "se";
            case "southwest" -> "sw";
            default -> direction.substring(0, 1);
        };
    }

    /**
     * {@code name} with the first token of {@code from} replaced by the matching-style token of
     * {@code to}, or null when the name does not mention {@code from}. Matches whole tokens only
     * (delimited by non-alphanumerics) so "use1" is not found inside "reuse10".
     */
    public static String translate(String name, String from, String to) {
        List<String> f = tokens(from);
        List<String> t = tokens(to);
        String lower = name.toLowerCase();
        for (int i = 0; i < f.size() && i < t.size(); i++) {
            String tok = f.get(i);
            int idx = indexOfToken(lower, tok);
            if (idx >= 0) return name.substring(0, idx) + t.get(i) + name.substring(idx + tok.length());
        }
        return null;
    }

    private static int indexOfToken(String s, String tok) {
        int from = 0;
        while (true) {
            int idx = s.indexOf(tok, from);
            if (idx < 0) return -1;
            boolean startOk = idx == 0 || !Character.isLetterOrDigit(s.charAt(idx - 1));
            int end = idx + tok.length();
            boolean endOk = end == s.length() || !Character.isLetterOrDigit(s.charAt(end));
            if (startOk && endOk) return idx;
            from = idx + 1;
        }
    }

    /** A region token inside an AWS-owned host name: {@code s3.eu-west-1.}, {@code .us-east-1.elb.}, {@code s3-website-us-east-1.}. */
    private static final Pattern AWS_HOST_REGION = Pattern.compile("(?:^|[.-])((?:[a-z]{2}(?:-gov|-iso[a-z]?)?)-(?:north|south|east|west|central|northeast|northwest|southeast|southwest)-\\d)(?:[.]|$)");

    /** The region an AWS-owned origin host names; null for custom domains and for S3's legacy global endpoint. */
    public static String ofAwsHost(String host) {
        if (host == null) return null;
        String h = host.toLowerCase(Locale.ROOT);
        if (!h.endsWith(".amazonaws.com") && !h.endsWith(".on.aws")) return null;
        Matcher m = AWS_HOST_REGION.matcher(h);
        return m.find() ? m.group(1) : null;
    }
}
