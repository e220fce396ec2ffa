package io.failready.rules.requirements;

import io.failready.config.Workload;
import io.failready.rules.api.Verdict;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * WORKLOAD_DR_STRATEGY_MEETS_RTO: the decision for one workload. Scenarios are checked in the
 * order the rule's DRL header lists them.
 */
public final class WorkloadDrStrategyMeetsRto {
    private WorkloadDrStrategyMeetsRto() {}

    public static Verdict decide(Workload w, List<String> table) {
        String who = "Workload " + w.name;
        Map<String, Long> min = strategyTable(table);
        String strategy = w.getStrategyName();
        if (w.rtoMinutes <= 0) {
            return Verdict.insufficientData(who + " declares no positive RTO, so strategy " + strategy + " cannot be checked against it.");
        }
        Long need = strategy == null ? null : min.get(strategy);
        if (need == null) {
            return Verdict.insufficientData(who + " uses strategy " + strategy
                    + ", which has no minimum RTO in parameter StrategyMinRtoMinutes.");
        }
        if (w.rtoMinutes >= need) {
            return Verdict.compliant(who + " declares " + strategy + " with an RTO of " + w.rtoMinutes
                    + " min; " + strategy + " can recover in " + need + " min or more.", null);
        }
        String better = null;
        long best = -1;
        for (Map.Entry<String, Long> e : min.entrySet()) {
            // the slowest (usually cheapest) strategy that still fits the RTO
            if (e.getValue() <= w.rtoMinutes && (better == null || e.getValue() > best)) {
                better = e.getKey();
                best = e.getValue();
            }
        }
        return Verdict.nonCompliant(who + " declares " + strategy + " with an RTO of " + w.rtoMinutes + " min, but "
                + strategy + " needs at least " + need + " min" + (better == null ? "" : "; " + better + " can meet it") + ".", null);
    }

    /** Parses "backup-restore=240,pilot-light=30,..." into strategy -> minimum RTO minutes (entries that do not parse are left out). */
    static Map<String, Long> strategyTable(List<String> entries) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String e : entries) {
            int eq = e.indexOf('=');
            if (eq <= 0) continue;
            try {
                out.put(e.substring(0, eq).trim().toLowerCase(Locale.ROOT), Long.parseLong(e.substring(eq + 1).trim()));
            } catch (NumberFormatException ignored) {
                // a malformed entry is simply absent: the rule then reports INSUFFICIENT_DATA for that strategy
            }
        }
        return out;
    }
}
