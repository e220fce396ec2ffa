package io.failready.rules.traffic;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * CLOUDFRONT_ORIGIN_FAILOVER_CONFIGURED: the decision for one in-scope CloudFront distribution and
 * one region pair. A cache behaviour is at risk when its first-choice origin (the origin it
 * targets, or the first member of the origin group it targets) is in the primary region; it is
 * covered when it targets an origin group whose other member is in the recovery region and that
 * fails over on every 5xx CloudFront can fail over on. Scenarios are checked in the order the
 * rule's documentation lists them.
 */
public final class CloudFrontOriginFailoverConfigured {
    private CloudFrontOriginFailoverConfigured() {}

    /** The 5xx codes an origin group can fail over on; connection failures and timeouts always fail over. */
    static final List<Integer> REQUIRED_CODES = List.of(500, 502, 503, 504);

    public static Verdict decide(Resource d, RegionPair p, EdgeIndex ix, GapIndex g) {
        String who = Labels.of(d);
        if (g.missingFor(d, "cloudfront")) {
            return Verdict.insufficientData(who + ": cannot read its origins (" + g.why(d, "cloudfront") + ").");
        }
        if (d.maps("origins").isEmpty()) {
            // every distribution has an origin: none read means the listing did not carry them
            return Verdict.insufficientData(who + ": no origins were read for it, so whether it depends on " + p.primary + " is unknown.");
        }
        Map<String, String> regionOf = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        boolean inPrimary = false;
        for (Map<String, Object> o : d.maps("origins")) {
            String id = String.valueOf(o.get("id"));
            String region = o.get("region") == null ? null : String.valueOf(o.get("region"));
            if (region == null && o.get("s3Bucket") != null) {
                // S3's legacy global endpoint (bucket.s3.amazonaws.com) does not name the region; the bucket does
                Resource b = ix.bucketNamed(String.valueOf(o.get("s3Bucket")));
                if (b != null) region = b.getAwsRegion();
            }
            if (region == null) unknown.add(id);
            else regionOf.put(id, region);
            if (p.primary.equals(region)) inPrimary = true;
        }
        if (!inPrimary) {
            if (!unknown.isEmpty()) {
                return Verdict.insufficientData(who + ": cannot tell which region origin(s) " + Text.join(unknown)
                        + " are in (custom domain names), so whether it depends on " + p.primary + " is unknown.");
            }
            return Verdict.notApplicable(who + " has no origin in " + p.primary + ".");
        }
        if (d.maps("cacheBehaviors").isEmpty()) {
            // every distribution has a default cache behaviour: none read would make "no behaviour at risk" vacuous
            return Verdict.insufficientData(who + ": no cache behaviour was read for it, so which origins serve its traffic is unknown.");
        }
        Map<String, Map<String, Object>> groups = new HashMap<>();
        for (Map<String, Object> grp : d.maps("originGroups")) groups.put(String.valueOf(grp.get("id")), grp);
        Set<String> atRisk = new LinkedHashSet<>();
        Set<String> unknownSecondary = new LinkedHashSet<>();
        Set<String> missingCodes = new TreeSet<>();
        for (Map<String, Object> b : d.maps("cacheBehaviors")) {
            String path = String.valueOf(b.get("pathPattern"));
            String target = String.valueOf(b.get("targetOriginId"));
            Map<String, Object> grp = groups.get(target);
            if (grp == null) {
                if (p.primary.equals(regionOf.get(target))) atRisk.add(path + " -> " + target + " (no origin group)");
                continue;
            }
            List<Object> members = grp.get("members") instanceof List<?> l ? new ArrayList<>(l) : List.of();
            if (members.isEmpty() || !p.primary.equals(regionOf.get(String.valueOf(members.get(0))))) continue;
            String failover = null;
            boolean blind = false;
            for (Object m : members.subList(1, members.size())) {
                String r = regionOf.get(String.valueOf(m));
                if (p.recovery.equals(r)) failover = String.valueOf(m);
                else if (r == null) blind = true;
            }
            if (failover == null) {
                if (blind) unknownSecondary.add(target);
                else atRisk.add(path + " -> group " + target + " (no member in " + p.recovery + ")");
                continue;
            }
            List<Object> codes = grp.get("failoverStatusCodes") instanceof List<?> c ? new ArrayList<>(c) : List.of();
            for (Integer code : REQUIRED_CODES) {
                if (codes.stream().noneMatch(x -> x instanceof Number n && n.intValue() == code)) missingCodes.add(target + ":" + code);
            }
        }
        if (!atRisk.isEmpty()) {
            return Verdict.nonCompliant(who + " serves " + Text.join(atRisk) + " from " + p.primary
                    + " with no failover to an origin in " + p.recovery + ".", null);
        }
        if (!unknownSecondary.isEmpty()) {
            return Verdict.insufficientData(who + ": cannot tell which region the failover origin of group(s) "
                    + Text.join(unknownSecondary) + " is in.");
        }
        if (!missingCodes.isEmpty()) {
            return Verdict.nonCompliant(who + ": origin group failover to " + p.recovery + " does not cover status code(s) "
                    + Text.join(missingCodes) + "; a regional outage answering those codes is passed to clients.", null);
        }
        return Verdict.compliant(who + ": every cache behaviour served from " + p.primary + " fails over to an origin in "
                + p.recovery + " on 5xx and timeouts.", null);
    }
}
