package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.evaluate.RegionTokens;
import io.failready.facts.AsOf;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text and comparison helpers for the operations rules (rules/operations/*), imported into DRL
 * with {@code import function}. They read facts and describe them; which outcome applies stays in
 * the DRL, except for the per-resource rules over thousands of subjects, which decide here once per
 * subject (returning a {@link Verdict}) so Drools keeps one match per subject, not one per outcome.
 * Null means "nothing to report" throughout.
 */
public final class OperationsFunctions {
    private OperationsFunctions() {}

    /** What Lambda collectors put in place of values that look secret: no evidence either way. */
    public static final String REDACTED = "[REDACTED]";

    // ---------------------------------------------------------------- per-resource presence

    /**
     * CLOUDWATCH_ALARMS_PRESENT_IN_RECOVERY_REGION, SSM_PARAMETERS_PRESENT_IN_RECOVERY_REGION: the
     * subject has a counterpart in the recovery region. INSUFFICIENT_DATA when {@code service} could
     * not be read for the subject, or at all in the recovery region of its account.
     */
    public static Verdict counterpartPresent(Resource r, RegionPair p, GapIndex g, Counterparts cps, String service, String label) {
        String rec = p.getRecovery();
        if (g.missingFor(r, service) || g.missing(r.getAccountId(), rec, service)) {
            String why = g.missingFor(r, service) ? g.why(r, service) : g.why(r.getAccountId(), rec, service);
            return Verdict.insufficientData(label + " " + r.getName() + ": cannot tell whether it exists in " + rec + " (" + why + ").");
        }
        Resource c = cps.of(r, rec);
        if (c == null) return Verdict.nonCompliant(label + " " + r.getName() + " has no counterpart in " + rec + ".", null);
        return Verdict.compliant(label + " " + r.getName() + " has a counterpart in " + rec + ": " + c.getName()
                + " (matched by " + cps.matchedBy(r, rec) + ").", c);
    }

    // ---------------------------------------------------------------- workload-level subjects

    /** Workload-level evaluations are filed under the first declared account. */
    public static String firstAccount(Workload w) {
        return w.getAccounts().isEmpty() ? "-" : w.getAccounts().get(0).getId();
    }

    /** "failback", "failover and failback", or null when both runbooks are referenced. */
    public static String missingRunbooks(Workload w) {
        Workload.Runbooks rb = w.getRunbooks();
        boolean fo = rb != null && rb.getFailover() != null && !rb.getFailover().isBlank();
        boolean fb = rb != null && rb.getFailback() != null && !rb.getFailback().isBlank();
        if (fo && fb) return null;
        if (!fo && !fb) return "failover and failback";
        return fo ? "failback" : "failover";
    }

    /**
     * What is wrong with the last drill, or null: none recorded, too old, observed RTO or RPO over
     * target. Only facts that are known count; unknown observations are {@link #drillUnknown}'s.
     */
    public static String drillProblems(Workload w, AsOf now, int maxDays) {
        Workload.Drill d = w.getLastDrill();
        if (d == null) return "no failover drill is recorded";
        List<String> out = new ArrayList<>();
        long age = now.daysSince(d.getDate());
        if (age > maxDays) out.add("the last drill on " + d.getDate() + " was " + age + " days ago (limit " + maxDays + ")");
        if (d.getObservedRtoMinutes() >= 0 && w.getRtoMinutes() > 0 && d.getObservedRtoMinutes() > w.getRtoMinutes()) {
            out.add("its observed RTO of " + d.getObservedRtoMinutes() + " min missed the " + w.getRtoMinutes() + " min target");
        }
        if (d.getObservedRpoMinutes() >= 0 && w.getRpoMinutes() > 0 && d.getObservedRpoMinutes() > w.getRpoMinutes()) {
            out.add("its observed RPO of " + d.getObservedRpoMinutes() + " min missed the " + w.getRpoMinutes() + " min target");
        }
        return out.isEmpty() ? null : String.join("; ", out);
    }

    /** What keeps a recent drill from being judged against the targets, or null. */
    public static String drillUnknown(Workload w) {
        Workload.Drill d = w.getLastDrill();
        if (d == null) return null;
        if (d.getObservedRtoMinutes() < 0) return "the drill on " + d.getDate() + " records no observed RTO";
        if (d.getObservedRpoMinutes() < 0) return "the drill on " + d.getDate() + " records no observed RPO";
        if (w.getRtoMinutes() <= 0) return "the workload declares no RTO to compare the drill with";
        if (w.getRpoMinutes() <= 0) return "the workload declares no RPO to compare the drill with";
        return null;
    }

    public static String drillSummary(Workload w, AsOf now) {
        Workload.Drill d = w.getLastDrill();
        return "the last drill on " + d.getDate() + " (" + now.daysSince(d.getDate()) + " days ago) met its targets: RTO "
                + d.getObservedRtoMinutes() + "/" + w.getRtoMinutes() + " min, RPO " + d.getObservedRpoMinutes() + "/" + w.getRpoMinutes() + " min";
    }

    // ---------------------------------------------------------------- primary-region references

    private static final Pattern ARN = Pattern.compile("arn:aws[a-z-]*:[a-z0-9-]+:([a-z]{2}(?:-gov)?-[a-z]+-\\d+):[^\\s\"',;]*");
    private static final Pattern HOST = Pattern.compile("(?i)(?:[a-z0-9_-]+\\.)+(?:amazonaws\\.com(?:\\.cn)?|on\\.aws|api\\.aws)\\b");

    /**
     * The first ARN in {@code value} whose region is {@code region}, or AWS endpoint host name that
     * carries the region (as a label: {@code sqs.us-east-1.amazonaws.com},
     * {@code db.abc.us-east-1.rds.amazonaws.com}, {@code cache.use1.cache.amazonaws.com}, or
     * {@code s3-us-east-1.amazonaws.com}); null when there is none. A bare region name is not a
     * reference: it is how failback settings name the other side.
     */
    public static String regionReference(String value, String region) {
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

    /**
     * CONFIG_NO_PRIMARY_REGION_REFERENCES for one Lambda function or SSM parameter in the recovery
     * region. A collection gap comes first, SecureString parameters included: an unreadable
     * parameter cannot be known to be a SecureString. Redacted values are no evidence either way, so
     * they make the subject INSUFFICIENT_DATA only when no value was readable at all.
     */
    public static Verdict primaryRegionReferences(Resource r, RegionPair p, GapIndex g) {
        String rec = p.getRecovery();
        String svc = service(r);
        if (g.missingFor(r, svc)) {
            return Verdict.insufficientData(kind(r) + " " + r.getName() + " in " + rec + ": cannot read its configuration ("
                    + g.why(r, svc) + ").");
        }
        if (secureString(r)) {
            return Verdict.notApplicable("SSM parameter " + r.getName() + " in " + rec + " is a SecureString; its value is never read.");
        }
        String refs = primaryReferences(r, p.getPrimary());
        if (refs != null) {
            return Verdict.nonCompliant(CapacityFunctions.fit(kind(r) + " " + r.getName() + " in " + rec + " points at "
                    + p.getPrimary() + ": " + refs + "."), null);
        }
        String unknown = valuesUnknown(r);
        if (unknown != null) {
            return Verdict.insufficientData(CapacityFunctions.fit(kind(r) + " " + r.getName() + " in " + rec
                    + ": cannot tell whether it points at " + p.getPrimary() + " because " + unknown + "."));
        }
        return Verdict.compliant(CapacityFunctions.fit(kind(r) + " " + r.getName() + " in " + rec + ": no " + p.getPrimary()
                + " ARN or endpoint in " + valuesChecked(r) + "."), null);
    }

    /** "QUEUE_URL -> sqs.us-east-1.amazonaws.com" for each offending value, or null when none. */
    public static String primaryReferences(Resource r, String primary) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, String> e : values(r).entrySet()) {
            String hit = regionReference(e.getValue(), primary);
            if (hit != null) out.add(r.getResourceType().equals("AWS::SSM::Parameter") ? hit : e.getKey() + " -> " + shorten(hit));
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    /**
     * Why the values cannot be judged: an SSM parameter whose value was not collected, or a
     * function whose every environment value is redacted. Null when there is evidence (including
     * "no environment variables at all", which is complete information).
     */
    public static String valuesUnknown(Resource r) {
        if (r.getResourceType().equals("AWS::SSM::Parameter")) {
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
    public static String valuesChecked(Resource r) {
        if (r.getResourceType().equals("AWS::SSM::Parameter")) return "its value";
        Map<String, String> env = values(r);
        if (env.isEmpty()) return "its environment (no variables)";
        long redacted = env.values().stream().filter(REDACTED::equals).count();
        return (env.size() - redacted) + " environment values" + (redacted > 0 ? " (" + redacted + " redacted, not checked)" : "");
    }

    public static boolean secureString(Resource r) {
        return r.getResourceType().equals("AWS::SSM::Parameter") && "SecureString".equals(r.str("type"));
    }

    /** The SDK service id whose collection gap hides this resource. */
    public static String service(Resource r) {
        return switch (r.getResourceType()) {
            case "AWS::Lambda::Function" -> "lambda";
            case "AWS::SSM::Parameter" -> "ssm";
            case "AWS::ECS::Service" -> "ecs";
            default -> "*";
        };
    }

    /** "Lambda function", "ECS service", "SSM parameter", for annotations. */
    public static String kind(Resource r) {
        return switch (r.getResourceType()) {
            case "AWS::Lambda::Function" -> "Lambda function";
            case "AWS::ECS::Service" -> "ECS service";
            case "AWS::SSM::Parameter" -> "SSM parameter";
            default -> r.getResourceType();
        };
    }

    private static Map<String, String> values(Resource r) {
        Map<String, String> out = new TreeMap<>();
        if (r.getResourceType().equals("AWS::SSM::Parameter")) {
            String v = r.str("value");
            if (v != null) out.put(r.getName(), v);
            return out;
        }
        Object env = r.get("environment");
        if (env instanceof Map<?, ?> m) for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), String.valueOf(e.getValue()));
        return out;
    }

    private static String shorten(String s) { return s.length() <= 90 ? s : s.substring(0, 87) + "..."; }

    // ---------------------------------------------------------------- deployment parity

    /**
     * DEPLOYMENT_VERSION_PARITY for one primary-region Lambda function or ECS service. Gaps come
     * first, in either region: an unreadable recovery region would otherwise look like "no
     * counterpart". A missing hash, tag or image list is INSUFFICIENT_DATA before any comparison,
     * because {@link #artifactDifference} reads an absent value as a difference.
     */
    public static Verdict deploymentParity(Resource r, RegionPair p, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String svc = service(r);
        if (g.missingFor(r, svc) || g.missing(r.getAccountId(), rec, svc)) {
            String why = g.missingFor(r, svc) ? g.why(r, svc) : g.why(r.getAccountId(), rec, svc);
            return Verdict.insufficientData(kind(r) + " " + r.getName() + ": cannot tell what runs in " + rec + " (" + why + ").");
        }
        Resource c = cps.of(r, rec);
        if (c == null) {
            return Verdict.nonCompliant(kind(r) + " " + r.getName() + " has no counterpart in " + rec
                    + ", so no build of it is deployed there.", null);
        }
        String unknown = artifactUnknown(r, c);
        if (unknown != null) {
            // the counterpart is named even though nothing could be compared: it is known to exist
            return new Verdict(io.failready.model.ComplianceType.INSUFFICIENT_DATA, CapacityFunctions.fit(kind(r) + " " + r.getName()
                    + ": cannot compare builds with " + rec + " because " + unknown + "."), c);
        }
        String diff = artifactDifference(r, c);
        if (diff != null) {
            return Verdict.nonCompliant(CapacityFunctions.fit(kind(r) + " " + c.getName() + " in " + rec + " runs a different build than "
                    + r.getName() + ": " + diff + "."), c);
        }
        return Verdict.compliant(CapacityFunctions.fit(kind(r) + " " + c.getName() + " in " + rec + " runs "
                + artifactSummary(r, c) + " as " + r.getName() + "."), c);
    }

    /** Why the artifacts cannot be compared, or null. */
    public static String artifactUnknown(Resource primary, Resource recovery) {
        if (primary.getResourceType().equals("AWS::Lambda::Function")) {
            boolean sha = primary.has("codeSha256") && recovery.has("codeSha256");
            boolean tag = primary.has("versionTag") && recovery.has("versionTag");
            return sha || tag ? null : "neither CodeSha256 nor a version tag was collected for both " + primary.getName() + " and " + recovery.getName();
        }
        if (primary.maps("images").isEmpty()) return "the task definition images of " + primary.getName() + " were not collected";
        if (recovery.maps("images").isEmpty()) return "the task definition images of " + recovery.getName() + " were not collected";
        return null;
    }

    /** How the counterpart's artifact differs, or null when it is the same. Call only when {@link #artifactUnknown} is null. */
    public static String artifactDifference(Resource primary, Resource recovery) {
        if (primary.getResourceType().equals("AWS::Lambda::Function")) {
            String ps = primary.str("codeSha256"), rs = recovery.str("codeSha256");
            String pt = primary.str("versionTag"), rt = recovery.str("versionTag");
            if (ps != null && ps.equals(rs)) return null;
            if (pt != null && pt.equals(rt)) return null;   // same release, built per region
            if (pt != null && rt != null) return "version tag " + rt + " vs " + pt;
            return "CodeSha256 " + abbrev(rs) + " vs " + abbrev(ps);
        }
        Map<String, Map<String, Object>> rec = new TreeMap<>();
        for (Map<String, Object> i : recovery.maps("images")) rec.put(String.valueOf(i.get("container")), i);
        List<String> out = new ArrayList<>();
        for (Map<String, Object> i : primary.maps("images")) {
            String name = String.valueOf(i.get("container"));
            Map<String, Object> j = rec.get(name);
            if (j == null) { out.add("container " + name + " is missing"); continue; }
            Object pd = i.get("digest"), rd = j.get("digest");
            if (pd != null && rd != null) {
                if (!pd.equals(rd)) out.add(name + " runs " + abbrev(String.valueOf(rd)) + " vs " + abbrev(String.valueOf(pd)));
            } else if (!repoAndTag(i.get("image")).equals(repoAndTag(j.get("image")))) {
                out.add(name + " runs " + repoAndTag(j.get("image")) + " vs " + repoAndTag(i.get("image")));
            }
        }
        return out.isEmpty() ? null : String.join(", ", out);
    }

    public static String artifactSummary(Resource primary, Resource recovery) {
        if (primary.getResourceType().equals("AWS::Lambda::Function")) {
            String ps = primary.str("codeSha256");
            if (ps != null && ps.equals(recovery.str("codeSha256"))) return "the same code (CodeSha256 " + abbrev(ps) + ")";
            return "the same version tag " + primary.str("versionTag");
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> i : primary.maps("images")) {
            out.add(i.get("digest") != null ? String.valueOf(i.get("container")) + "@" + abbrev(String.valueOf(i.get("digest"))) : repoAndTag(i.get("image")));
        }
        return "the same images (" + String.join(", ", out) + ")";
    }

    /**
     * "payments-api:1.8.0" from "111122223333.dkr.ecr.us-east-1.amazonaws.com/payments-api:1.8.0":
     * the registry host differs per region when ECR replicates, the repository and tag do not.
     */
    static String repoAndTag(Object image) {
        String s = String.valueOf(image);
        int slash = s.indexOf('/');
        if (slash > 0) {
            String first = s.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost")) s = s.substring(slash + 1);
        }
        return s;
    }

    static String abbrev(String hash) {
        if (hash == null) return "none";
        String h = hash.startsWith("sha256:") ? hash.substring(7) : hash;
        return h.length() > 12 ? h.substring(0, 12) + "..." : h;
    }
}
