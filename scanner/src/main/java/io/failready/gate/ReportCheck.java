package io.failready.gate;

import io.failready.config.FailreadyConfig;
import io.failready.config.Workload;
import io.failready.model.Evaluation;
import io.failready.model.Severity;
import io.failready.model.Report;
import io.failready.rules.RuleIndex;
import io.failready.util.InputException;

import java.util.List;
import java.util.Map;

/**
 * What {@code gate --report} re-derives instead of believing the file: a report is evidence of
 * what was found, not of how much it matters. Each evaluation's section and severity come from the
 * rule catalog and the workload's severity overrides, so a CRITICAL finding edited to LOW still
 * blocks; a rule the catalog does not hold cannot be judged at all.
 */
public final class ReportCheck {
    private ReportCheck() {}

    /**
     * Re-derives section and severity in place. {@code cfg} (may be null) supplies each workload's
     * severity overrides; without it the overrides the report records for the workload apply.
     */
    public static void reclassify(Report report, RuleIndex index, FailreadyConfig cfg, String file) {
        for (Report.WorkloadReport w : report.workloads()) {
            Map<String, String> overrides = overrides(w, cfg);
            for (Evaluation e : w.evaluations()) {
                RuleIndex.Entry rule = index.get(e.getRuleId());
                if (rule == null) {
                    throw new InputException(file, -1, -1, "the report has evaluations of rule " + e.getRuleId()
                            + ", which is not in the rule catalog, so its severity and section cannot be checked. If it is"
                            + " one of your rules, pass its directory with --rules DIR (or declare it in the configuration's"
                            + " ruleDirectories and pass --config).");
                }
                String o = overrides.get(e.getRuleId());
                e.classify(rule.section(), o == null ? rule.severity() : Severity.parse(o));
            }
        }
    }

    private static Map<String, String> overrides(Report.WorkloadReport w, FailreadyConfig cfg) {
        if (cfg != null) {
            Workload d = declared(cfg, w.name());
            return d == null ? Map.of() : d.severityOverrides;
        }
        Report.Blocking b = w.blocking();
        return b == null || b.severityOverrides() == null ? Map.of() : b.severityOverrides();
    }

    public static Workload declared(FailreadyConfig cfg, String name) {
        for (Workload w : cfg.workloads) if (w.name.equals(name)) return w;
        return null;
    }

    /**
     * A report judged under a configuration must be about what that configuration declares: the
     * same workload, the same primary region, recovery regions it lists. Otherwise its policy and
     * waivers would be applied to an estate they were never written for.
     */
    public static void checkDeclared(Report.WorkloadReport w, FailreadyConfig cfg, String reportFile) {
        Workload d = declared(cfg, w.name());
        if (d == null) {
            throw new InputException(reportFile, -1, -1, "the report is for workload '" + w.name() + "', which " + cfg.source
                    + " does not declare (it declares " + String.join(", ", cfg.workloads.stream().map(x -> x.name).toList())
                    + "). Gate a report with the configuration it was written from.");
        }
        List<String> pairs = w.recoveryRegions() == null ? List.of() : w.recoveryRegions();
        boolean ok = d.primaryRegion != null && d.primaryRegion.equals(w.primaryRegion()) && d.recoveryRegions.containsAll(pairs);
        for (Evaluation e : w.evaluations()) {
            // a failback entry's swapped evaluations name the primary as their target
            boolean target = e.getRecoveryRegion() != null && (d.recoveryRegions.contains(e.getRecoveryRegion())
                    || w.isFailback() && e.getRecoveryRegion().equals(d.primaryRegion));
            if (e.getRecoveryRegion() != null && !target) ok = false;
        }
        if (!ok) {
            throw new InputException(reportFile, -1, -1, "the report judges workload '" + w.name() + "' for " + w.primaryRegion()
                    + " -> " + String.join(", ", pairs) + ", but " + cfg.source + " declares " + d.primaryRegion + " -> "
                    + String.join(", ", d.recoveryRegions) + ". Gate a report with the configuration it was written from.");
        }
    }
}
