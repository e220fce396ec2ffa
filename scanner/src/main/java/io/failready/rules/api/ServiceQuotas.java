package io.failready.rules.api;

import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Quota lookups for the capacity rules: Service Quotas values (AWS::ServiceQuotas::Quota) and
 * Lambda's own account settings (AWS::Lambda::AccountSettings), which hold the concurrency limit in
 * force and take precedence for L-B99A9384. A value that was not collected is null, never zero.
 */
public final class ServiceQuotas {
    private ServiceQuotas() {}

    public static final String LAMBDA_CONCURRENCY_QUOTA = "L-B99A9384";
    public static final String LAMBDA_ACCOUNT_SETTINGS = "AWS::Lambda::AccountSettings";

    /** The quota's value in that account and region, or null when it was not collected. */
    public static Double value(List<?> quotas, String accountId, String region, String quotaCode) {
        if (LAMBDA_CONCURRENCY_QUOTA.equals(quotaCode)) {
            for (Object o : quotas) {
                if (o instanceof Resource s && LAMBDA_ACCOUNT_SETTINGS.equals(s.getResourceType()) && s.getAccountId().equals(accountId)
                        && s.getAwsRegion().equals(region) && s.num("concurrentExecutions") != null) {
                    return s.num("concurrentExecutions");
                }
            }
        }
        Resource q = quota(quotas, accountId, region, quotaCode);
        return q == null ? null : q.num("value");
    }

    /** "L-1216C47A (Running On-Demand Standard instances)" when the name was collected. */
    public static String label(List<?> quotas, String accountId, String region, String code) {
        Resource q = quota(quotas, accountId, region, code);
        String name = q == null ? null : q.str("quotaName");
        return name == null ? code : code + " (" + name + ")";
    }

    /** Why a quota value is unknown there: the collection gap, or that it simply was not collected. */
    public static String why(GapIndex gaps, String accountId, String region, String quotaCode) {
        if (LAMBDA_CONCURRENCY_QUOTA.equals(quotaCode)) return concurrencyWhy(gaps, accountId, region);
        return quotaWhy(gaps, accountId, region, quotaCode);
    }

    /** Why neither GetAccountSettings nor the Service Quotas value tells the Lambda concurrency limit there. */
    public static String concurrencyWhy(GapIndex g, String accountId, String region) {
        if (g.missing(accountId, region, "lambda")) return g.why(accountId, region, "lambda");
        CollectionGap settings = g.resourceTypeGap(accountId, region, LAMBDA_ACCOUNT_SETTINGS);
        String quota = quotaWhy(g, accountId, region, LAMBDA_CONCURRENCY_QUOTA);
        return settings == null ? quota : GapIndex.describe(settings) + "; " + quota;
    }

    private static String quotaWhy(GapIndex gaps, String accountId, String region, String quotaCode) {
        if (gaps.missing(accountId, region, "servicequotas")) return gaps.why(accountId, region, "servicequotas");
        return "quota " + quotaCode + " was not collected in " + accountId + "/" + region;
    }

    private static Resource quota(List<?> quotas, String accountId, String region, String quotaCode) {
        for (Object o : quotas) {
            if (o instanceof Resource q && q.getAccountId().equals(accountId) && q.getAwsRegion().equals(region)
                    && quotaCode.equals(q.str("quotaCode")) && q.num("value") != null) {
                return q;
            }
        }
        return null;
    }

    /**
     * The Lambda concurrency limit of each account and region, built once per region pair so each
     * function's lookup is a hash read rather than a scan: GetAccountSettings first, else the
     * Service Quotas value of L-B99A9384; plus what GetAccountSettings leaves to unreserved functions.
     */
    public static ConcurrencyLimits concurrencyLimits(List<?> quotasAndSettings) {
        Map<String, Double> limit = new HashMap<>();
        Map<String, Double> unreserved = new HashMap<>();
        for (Object o : quotasAndSettings) {
            if (o instanceof Resource s && LAMBDA_ACCOUNT_SETTINGS.equals(s.getResourceType())) {
                if (s.num("concurrentExecutions") != null) limit.put(place(s), s.num("concurrentExecutions"));
                if (s.num("unreservedConcurrentExecutions") != null) unreserved.put(place(s), s.num("unreservedConcurrentExecutions"));
            }
        }
        for (Object o : quotasAndSettings) {
            if (o instanceof Resource q && LAMBDA_CONCURRENCY_QUOTA.equals(q.str("quotaCode")) && q.num("value") != null) {
                limit.putIfAbsent(place(q), q.num("value"));
            }
        }
        return new ConcurrencyLimits(limit, unreserved);
    }

    /** Lambda concurrency per account and region; every lookup is null when not collected. */
    public record ConcurrencyLimits(Map<String, Double> limit, Map<String, Double> unreserved) {
        /** The concurrency limit of the function's account and region. */
        public Double accountLimit(Resource fn) { return limit.get(place(fn)); }
        /** What the account leaves to unreserved functions in the function's region. */
        public Double unreservedPool(Resource fn) { return unreserved.get(place(fn)); }
    }

    private static String place(Resource r) { return r.getAccountId() + "|" + r.getAwsRegion(); }
}
