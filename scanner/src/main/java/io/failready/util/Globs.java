package io.failready.util;

import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The one glob syntax users type (workload scope, waivers, gate rule lists, rule parameters): here,
 * below every stage, so configuration checks and rule code can match the way the engine does.
 */
public final class Globs {
    private Globs() {}

    /*
     * Rule helpers match the same few globs (backup selections, IAM resources) against every
     * resource; compiling each time was 4 % of a 100k evaluation's allocation. The
     * globs come from the configuration and the snapshot.
     */
    private static final int MAX_CACHED = 4096;
    private static final ConcurrentHashMap<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    /** Shell-style glob: '*' any run of characters, '?' one character; everything else literal. */
    public static Pattern glob(String glob) {
        Pattern p = COMPILED.get(glob);
        if (p == null) {
            p = compile(glob);
            // a snapshot made of distinct globs must not turn the cache into a second copy of itself
            if (COMPILED.size() < MAX_CACHED) COMPILED.putIfAbsent(glob, p);
        }
        return p;
    }

    private static Pattern compile(String glob) {
        StringBuilder sb = new StringBuilder();
        StringBuilder lit = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*' || c == '?') {
                if (lit.length() > 0) { sb.append(Pattern.quote(lit.toString())); lit.setLength(0); }
                sb.append(c == '*' ? ".*" : ".");
            } else {
                lit.append(c);
            }
        }
        if (lit.length() > 0) sb.append(Pattern.quote(lit.toString()));
        return Pattern.compile(sb.toString(), Pattern.DOTALL);
    }
}
