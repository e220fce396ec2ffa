package io.failready.rules.operations;

import io.failready.facts.RegionTokens;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.RecoverySide;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CONFIG_NO_PRIMARY_REGION_REFERENCES: the decision for one Lambda function or SSM parameter in
 * the recovery region. A collection gap comes first, SecureString parameters included: an
 * unreadable parameter cannot be known to be a SecureString. Redacted values are no evidence
 * either way, so they make the subject INSUFFICIENT_DATA only when no value was readable at all.
 */
public final class ConfigNoPrimaryRegionReferences {
    private ConfigNoPrimaryRegionReferences() {}

    /** What Lambda collectors put in place of values that look secret. */
    static final String REDACTED = "[REDACTED]";
    private static final String PARAMETER = "AWS::SSM::Parameter";

    public static Verdict decide(Resource r, RegionPair p, GapIndex g) {
        String where = Labels.of(r) + " in " + p.getRecovery();
        String svc = RecoverySide.service(r);
        if (g.missingFor(r, svc)) return Verdict.insufficientData(where + ": cannot read its configuration (" + g.why(r, svc) + ").");
        if (PARAMETER.equals(r.getResourceType()) && "SecureString".equals(r.str("type"))) {
            return Verdict.notApplicable(where + " is a SecureString; its value is never read.");
        }
        String refs = primaryReferences(r, p.getPrimary());
        if (refs != null) return Verdict.nonCompliant(where + " points at " + p.getPrimary() + ": " + refs + ".", null);
        String unknown = valuesUnknown(r);
        if (unknown != null) {
            return Verdict.insufficientData(where + ": cannot tell whether it points at " + p.getPrimary() + " because " + unknown + ".");
        }
        return Verdict.compliant(where + ": no " + p.getPrimary() + " ARN or endpoint in " + valuesChecked(r) + ".", null);
    }

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-gov)?-[a-z]+-\\d+):[^\\s\"',;]*");
    private static final Pattern HOST = Pattern.compile("(?i)(?:[a-z0-9_-]+\\.)+(?:amazonaws\\.com(?:\\.cn)?|on\\.aws|api\\.aws)\\b");

    /**
     * The first ARN in {@code value} whose region is {@code region}, or AWS endpoint host name that
     * carries the region (as a label: {@code sqs.us-east-1.amazonaws.com},
     * {@code db.abc.us-east-1.rds.amazonaws.com}, {@code cache.use1.cache.amazonaws.com}, or
     * {@code s3-us-east-1.amazonaws.com}); null when there is none. A bare region name is not a
     * reference: it is how failback settings name the other side.
     */
    static String regionReference(String value, String region) {
        if (value == null || value.isEmpty() || REDACTED.equals(value)) return null;
        Matcher a = ARN.matcher(value);
        while (a.find()) if (a.group(1).equals(region)) return a.group();
        List<String> tokens = RegionTokens.tokens(region);
        Matcher h = HOST.matcher(value);
        while (h.find()) {
            for (String label : h.group().toLowerCase().split("\\.")) {
                if (tokens.contains(label) || label.endsWith("-" + region)) return h.group();
            }
        }
        return null;
    }

    /** "QUEUE_URL -> sqs.us-east-1.amazonaws.com" for each offending value, or null when none. */
    private static String primaryReferences(Resource r, String primary) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : values(r).entrySet()) {
            String hit = regionReference(e.getValue(), primary);
            if (hit != null) out.add(PARAMETER.equals(r.getResourceType()) ? hit : e.getKey() + " -> " + Text.shorten(hit, 90));
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /**
     * Why the values cannot be judged: an SSM parameter whose value was not collected, or a
     * function whose every environment value is redacted. Null when there is evidence (including
     * "no environment variables at all", which is complete information).
     */
    private static String valuesUnknown(Resource r) {
        if (PARAMETER.equals(r.getResourceType())) {
            String v = r.str("value");
            if (v == null) return "its value was not collected";
            return REDACTED.equals(v) ? "its value was redacted by the collector" : null;
        }
        Map<String, String> env = values(r);
        if (env.isEmpty()) return null;
        long redacted = env.values().stream().filter(REDACTED::equals).count();
        return redacted == env.size() ? "all " + redacted + " environment values are redacted" : null;
    }

    /** What was checked, for COMPLIANT annotations. */
    private static String valuesChecked(Resource r) {
        if (PARAMETER.equals(r.getResourceType())) return "its value";
        Map<String, String> env = values(r);
        if (env.isEmpty()) return "its environment (no variables)";
        long redacted = env.values().stream().filter(REDACTED::equals).count();
        return (env.size() - redacted) + " environment values" + (redacted > 0 ? " (" + redacted + " redacted, not checked)" : "");
    }

    private static Map<String, String> values(Resource r) {
        Map<String, String> out = new TreeMap<>();
        if (PARAMETER.equals(r.getResourceType())) {
            String v = r.str("value");
            if (v != null) out.put(r.getName(), v);
            return out;
        }
        if (r.get("environment") instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        }
        return out;
    }
}
