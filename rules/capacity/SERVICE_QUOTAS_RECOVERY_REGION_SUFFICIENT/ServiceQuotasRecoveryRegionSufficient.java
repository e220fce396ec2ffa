package io.failready.rules.capacity;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.rules.api.ServiceQuotas;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;

import static io.failready.rules.api.CapacityMath.amount;

/**
 * SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT: the decision for one workload account and region
 * pair. A known shortfall is reported even when another quota is unknown.
 */
public final class ServiceQuotasRecoveryRegionSufficient {
    private ServiceQuotasRecoveryRegionSufficient() {}

    /** {@code quotas}: the account's Service Quotas values and Lambda account settings, in every region. */
    public static Verdict decide(String account, RegionPair p, List<String> codes, List<?> quotas, GapIndex g) {
        String pri = p.getPrimary(), rec = p.getRecovery();
        if (codes.isEmpty()) {
            return Verdict.notApplicable("Account " + account + ": no quota codes are configured to compare between " + pri + " and " + rec + ".");
        }
        List<String> lower = new ArrayList<>();
        List<String> atLeast = new ArrayList<>();
        String unknown = null;
        for (String code : codes) {
            Double have = ServiceQuotas.value(quotas, account, rec, code);
            Double need = ServiceQuotas.value(quotas, account, pri, code);
            String label = ServiceQuotas.label(quotas, account, pri, code);
            if (need != null && have != null && have < need) lower.add(label + " " + amount(have) + " < " + amount(need));
            atLeast.add(label + " " + amount(orUnknown(have)) + " >= " + amount(orUnknown(need)));
            if (unknown == null && need == null) unknown = code + " in " + pri + ": " + ServiceQuotas.why(g, account, pri, code);
            if (unknown == null && have == null) unknown = code + " in " + rec + ": " + ServiceQuotas.why(g, account, rec, code);
        }
        if (!lower.isEmpty()) {
            return Verdict.nonCompliant("Account " + account + " has lower quotas in " + rec + " than in " + pri + ": " + String.join("; ", lower) + ".", null);
        }
        if (unknown != null) {
            return Verdict.insufficientData("Account " + account + ": cannot compare quotas of " + rec + " with " + pri + " (" + unknown + ").");
        }
        return Verdict.compliant("Account " + account + " has quotas in " + rec + " at least as high as in " + pri + ": "
                + String.join("; ", atLeast) + ".", null);
    }

    private static double orUnknown(Double d) { return d == null ? -1 : d; }
}
