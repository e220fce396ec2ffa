package io.failready.rules.operations;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.RecoverySide;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DEPLOYMENT_VERSION_PARITY: the decision for one primary-region Lambda function or ECS service.
 * Gaps come first, in either region: an unreadable recovery region would otherwise look like "no
 * counterpart". A missing hash, tag or image list is INSUFFICIENT_DATA before any comparison,
 * because {@link #difference} reads an absent value as a difference.
 */
public final class DeploymentVersionParity {
    private DeploymentVersionParity() {}

    private static final String FUNCTION = "AWS::Lambda::Function";

    public static Verdict decide(Resource r, RegionPair p, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String blind = RecoverySide.blind(r, rec, g, RecoverySide.service(r));
        if (blind != null) return Verdict.insufficientData(Labels.of(r) + ": cannot tell what runs in " + rec + " (" + blind + ").");
        Resource c = cps.of(r, rec);
        if (c == null) {
            return Verdict.nonCompliant(Labels.of(r) + " has no counterpart in " + rec + ", so no build of it is deployed there.", null);
        }
        String unknown = unknown(r, c);
        if (unknown != null) {
            // the counterpart is named even though nothing could be compared: it is known to exist
            return Verdict.insufficientData(Labels.of(r) + ": cannot compare builds with " + rec + " because " + unknown + ".", c);
        }
        String diff = difference(r, c);
        if (diff != null) {
            return Verdict.nonCompliant(Labels.of(c) + " in " + rec + " runs a different build than " + r.getName() + ": " + diff + ".", c);
        }
        return Verdict.compliant(Labels.of(c) + " in " + rec + " runs " + summary(r, c) + " as " + r.getName() + ".", c);
    }

    /** Why the artifacts cannot be compared, or null. */
    private static String unknown(Resource primary, Resource recovery) {
        if (FUNCTION.equals(primary.getResourceType())) {
            boolean sha = primary.has("codeSha256") && recovery.has("codeSha256");
            boolean tag = primary.has("versionTag") && recovery.has("versionTag");
            return sha || tag ? null : "neither CodeSha256 nor a version tag was collected for both " + primary.getName() + " and " + recovery.getName();
        }
        if (primary.maps("images").isEmpty()) return "the task definition images of " + primary.getName() + " were not collected";
        if (recovery.maps("images").isEmpty()) return "the task definition images of " + recovery.getName() + " were not collected";
        return null;
    }

    /** How the counterpart's artifact differs, or null when it is the same. Call only when {@link #unknown} is null. */
    private static String difference(Resource primary, Resource recovery) {
        if (FUNCTION.equals(primary.getResourceType())) {
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

    private static String summary(Resource primary, Resource recovery) {
        if (FUNCTION.equals(primary.getResourceType())) {
            String ps = primary.str("codeSha256");
            if (ps != null && ps.equals(recovery.str("codeSha256"))) return "the same code (CodeSha256 " + abbrev(ps) + ")";
            return "the same version tag " + primary.str("versionTag");
        }
        List<String> out = new ArrayList<>();
        for (Map<String, Object> i : primary.maps("images")) {
            out.add(i.get("digest") != null ? i.get("container") + "@" + abbrev(String.valueOf(i.get("digest"))) : repoAndTag(i.get("image")));
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

    private static String abbrev(String hash) {
        if (hash == null) return "none";
        String h = hash.startsWith("sha256:") ? hash.substring(7) : hash;
        return h.length() > 12 ? h.substring(0, 12) + "..." : h;
    }
}
