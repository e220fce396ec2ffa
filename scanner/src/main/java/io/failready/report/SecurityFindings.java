package io.failready.report;

import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.util.Hashing;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** What the security-tool formats (OCSF, ASFF, SARIF) share: stable ids, partitions, titles. */
final class SecurityFindings {
    private SecurityFindings() {}

    static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    /**
     * The same finding keeps the same id from scan to scan (workload, rule, account, region pair,
     * resource), so a re-import updates it instead of adding a duplicate; any other change (the
     * annotation, the outcome) is an update of that one finding.
     */
    static String stableId(Report.WorkloadReport w, Evaluation e) {
        String key = String.join("\u001f", nz(w.name()), nz(e.getRuleId()), nz(e.getAccountId()), nz(e.getRegion()),
                nz(e.getRecoveryRegion()), nz(e.getResourceId()));
        return Hashing.sha256(key.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }

    /** "aws", "aws-cn", "aws-us-gov" from an ARN; "aws" for ids that are not ARNs. */
    static String partition(String resourceId) {
        if (resourceId != null && resourceId.startsWith("arn:")) {
            String[] p = resourceId.split(":", 3);
            if (p.length > 2 && !p[1].isEmpty()) return p[1];
        }
        return "aws";
    }

    /** The evaluation's region when it is a region, else the workload's primary (global resources). */
    static String regionOf(Report.WorkloadReport w, Evaluation e) {
        if (e.getRegion() != null && REGION.matcher(e.getRegion()).matches()) return e.getRegion();
        return w.primaryRegion();
    }

    static Map<String, String> titles(Report report) {
        Map<String, String> t = new HashMap<>();
        if (report.rules() != null) for (Report.RuleRef r : report.rules()) t.put(r.id(), r.title());
        return t;
    }

    static String generatedAt(Report report) {
        return report.generatedAt() == null ? Instant.EPOCH.toString() : report.generatedAt();
    }

    static long epochMillis(String iso) {
        try {
            return Instant.parse(iso).toEpochMilli();
        } catch (RuntimeException e) {
            return 0L;
        }
    }

    /** At most {@code max} UTF-16 units, ending in an ellipsis when cut, never through a surrogate pair. */
    static String cut(String s, int max) {
        if (s == null) return "";
        if (s.length() <= max) return s;
        int end = max - 1;
        // half an emoji can only travel in JSON as a lone \ud83d escape, which strict readers reject
        if (Character.isHighSurrogate(s.charAt(end - 1))) end--;
        return s.substring(0, end) + "\u2026";
    }

    static String nz(String s) { return s == null ? "" : s; }
}
