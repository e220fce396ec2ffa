package io.failready.rules.traffic;

import io.failready.config.Workload;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * APIGATEWAY_CUSTOM_DOMAIN_IN_RECOVERY_REGION: the decision for one API Gateway custom domain name
 * in the primary region that maps an in-scope API (or is in scope itself). Scenarios are checked
 * in the order the rule's documentation lists them.
 */
public final class ApiGatewayCustomDomainInRecoveryRegion {
    private ApiGatewayCustomDomainInRecoveryRegion() {}

    static final String SERVICE = "apigateway";

    public static boolean applies(Resource domain, EdgeIndex ix) { return domain.isInScope() || ix.mapsInScopeApi(domain); }

    public static Verdict decide(Resource d, RegionPair p, Workload w, EdgeIndex ix, GapIndex g, Counterparts cps) {
        String who = Labels.of(d);
        if (g.missingFor(d, SERVICE)) {
            return Verdict.insufficientData(who + ": cannot read it or its API mappings (" + g.why(d, SERVICE) + ").");
        }
        if (!"REGIONAL".equals(d.str("endpointType"))) {
            return Verdict.notApplicable(who + " is " + (d.str("endpointType") == null ? "of unknown endpoint type" : d.str("endpointType"))
                    + ", not regional: edge-optimized domains are served by CloudFront from every region.");
        }
        Resource cp = cps.of(d, p.recovery);
        if (cp == null) cp = ix.twin(d, p.recovery, w.matching.logicalIdTag);
        if (cp == null) {
            if (g.missing(d.getAccountId(), p.recovery, SERVICE)) {
                return Verdict.insufficientData(who + ": cannot tell whether the domain exists in " + p.recovery + " ("
                        + g.why(d.getAccountId(), p.recovery, SERVICE) + ").");
            }
            return Verdict.nonCompliant(who + " does not exist in " + p.recovery + ", so the API cannot be reached by its name there.", null);
        }
        if (g.missingFor(cp, SERVICE)) {
            return Verdict.insufficientData(who + ": its twin in " + p.recovery + " or its API mappings could not be read ("
                    + g.why(cp, SERVICE) + ").", cp);
        }
        if (!"REGIONAL".equals(cp.str("endpointType")) || cp.str("certificateArn") == null) {
            return Verdict.nonCompliant(who + ": the domain in " + p.recovery + " is "
                    + (cp.str("certificateArn") == null ? "without a certificate" : cp.str("endpointType") + ", not REGIONAL")
                    + ".", cp);
        }
        if (cp.str("status") != null && !"AVAILABLE".equals(cp.str("status"))) {
            return Verdict.nonCompliant(who + ": the domain in " + p.recovery + " is " + cp.str("status") + ", not AVAILABLE.", cp);
        }
        List<String> missing = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Map<String, Object> m : d.maps("apiMappings")) {
            String key = m.get("apiMappingKey") == null ? "" : String.valueOf(m.get("apiMappingKey"));
            String stage = String.valueOf(m.get("stage"));
            Resource api = ix.api(d.getAccountId(), d.getAwsRegion(), String.valueOf(m.get("apiId")));
            String apiName = api != null ? api.getResourceName() : m.get("apiName") == null ? null : String.valueOf(m.get("apiName"));
            if (apiName == null) {
                unknown.add(String.valueOf(m.get("apiId")));
                continue;
            }
            Set<String> twins = new HashSet<>();
            twins.add(apiName);
            if (api != null) {
                Resource t = cps.of(api, p.recovery);
                if (t == null) t = ix.twin(api, p.recovery, w.matching.logicalIdTag);
                if (t != null) twins.add(t.getResourceName());
            }
            String translated = io.failready.facts.RegionTokens.translate(apiName, p.primary, p.recovery);
            if (translated != null) twins.add(translated);
            boolean found = false;
            for (Map<String, Object> r : cp.maps("apiMappings")) {
                String rKey = r.get("apiMappingKey") == null ? "" : String.valueOf(r.get("apiMappingKey"));
                Resource rApi = ix.api(cp.getAccountId(), cp.getAwsRegion(), String.valueOf(r.get("apiId")));
                String rName = rApi != null ? rApi.getResourceName() : r.get("apiName") == null ? null : String.valueOf(r.get("apiName"));
                if (rKey.equals(key) && stage.equals(String.valueOf(r.get("stage"))) && rName != null && twins.contains(rName)) { found = true; break; }
            }
            if (!found) missing.add("/" + key + " -> " + apiName + " stage " + stage);
        }
        if (!missing.isEmpty()) {
            return Verdict.nonCompliant(who + ": the domain in " + p.recovery + " has no mapping " + Text.join(missing)
                    + " to the counterpart API.", cp);
        }
        if (!unknown.isEmpty()) {
            return Verdict.insufficientData(who + ": cannot tell which API(s) " + Text.join(unknown) + " its mappings name (the APIs were not read).", cp);
        }
        return Verdict.compliant(who + " exists in " + p.recovery + " with a regional certificate and maps the same paths and stages to the counterpart APIs.", cp);
    }
}
