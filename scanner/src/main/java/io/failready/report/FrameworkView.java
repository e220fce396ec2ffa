package io.failready.report;

import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.rules.Frameworks;
import io.failready.rules.Frameworks.Framework;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A report seen through one compliance framework ({@code --framework}): only the evaluations of
 * rules mapped to its controls, and each control's status from them.
 *
 * <p>A control's status, worst first: NON_COMPLIANT if any unwaived evaluation of its rules is
 * NON_COMPLIANT; else INSUFFICIENT_DATA if any is INSUFFICIENT_DATA; else COMPLIANT if any is
 * COMPLIANT; else NOT_APPLICABLE if all are NOT_APPLICABLE or waived. A control none of whose
 * rules produced any evaluation (rules disabled, nothing in scope) is INSUFFICIENT_DATA: an
 * auditor must not read "nothing was checked" as "passed". Waived evaluations do not fail a
 * control; they are counted apart so the exception stays visible.
 */
public final class FrameworkView {
    private FrameworkView() {}

    public record ControlStatus(String id, String title, String status, long compliant, long nonCompliant,
                                long insufficientData, long notApplicable, long waived, List<String> rules) {
        public long evaluations() { return compliant + nonCompliant + insufficientData + notApplicable + waived; }
    }

    /** A framework with its controls' status, for the HTML and Markdown views. */
    public record Status(Framework framework, List<ControlStatus> controls) {
        public String name() { return framework.name(); }
        public String key() { return framework.key(); }
    }

    public static List<ControlStatus> status(Report report, Framework framework) {
        List<Evaluation> all = ReportFacts.allEvaluations(report);
        List<ControlStatus> out = new ArrayList<>();
        for (Frameworks.Control c : framework.controls()) {
            long[] n = new long[5]; // compliant, non-compliant, insufficient, n/a, waived
            for (Evaluation e : all) {
                if (!c.rules().contains(e.getRuleId())) continue;
                if (e.isWaived()) { n[4]++; continue; }
                switch (e.getComplianceType()) {
                    case COMPLIANT -> n[0]++;
                    case NON_COMPLIANT -> n[1]++;
                    case INSUFFICIENT_DATA -> n[2]++;
                    case NOT_APPLICABLE -> n[3]++;
                }
            }
            ComplianceType s;
            if (n[1] > 0) s = ComplianceType.NON_COMPLIANT;
            else if (n[2] > 0) s = ComplianceType.INSUFFICIENT_DATA;
            else if (n[0] > 0) s = ComplianceType.COMPLIANT;
            else if (n[3] + n[4] > 0) s = ComplianceType.NOT_APPLICABLE;
            else s = ComplianceType.INSUFFICIENT_DATA;
            out.add(new ControlStatus(c.id(), c.title(), s.name(), n[0], n[1], n[2], n[3], n[4], c.rules()));
        }
        return out;
    }

    /**
     * The report with only the evaluations (and rule entries) of rules the framework maps. Verdicts,
     * scores, blocking counts and gaps stay the whole checklist's: the filter narrows what a reader
     * sees, never what the gate decided.
     */
    public static Report filter(Report report, Framework framework) {
        if (framework == null) return report;
        Set<String> keep = framework.ruleIds();
        List<Report.RuleRef> rules = report.rules() == null ? null
                : report.rules().stream().filter(r -> keep.contains(r.id())).toList();
        List<Report.WorkloadReport> ws = report.workloads() == null ? null : report.workloads().stream().map(w -> new Report.WorkloadReport(
                w.name(), w.owner(), w.strategy(), w.primaryRegion(), w.recoveryRegions(), w.rtoMinutes(), w.rpoMinutes(), w.verdict(),
                w.score(), w.blocking(), w.sections(), w.accounts(), w.regionPairs(), w.waiverNotices(),
                w.evaluations() == null ? null : w.evaluations().stream().filter(e -> keep.contains(e.getRuleId())).toList(),
                w.direction())).toList();
        // everything but the rules and evaluations stays as it was: direction, account names, sources
        return new Report(report.schemaVersion(), report.tool(), report.generatedAt(), report.asOf(), report.sources(), rules, ws,
                report.collectionGaps(), report.summary(), report.accounts());
    }

    /** The frameworks an output names controls from: the selected one, or every bundled one. */
    public static List<Framework> frameworks(Framework selected) {
        return selected != null ? List.of(selected) : List.copyOf(Frameworks.bundled().all());
    }

    /** A rule's controls as "framework-key:control" ids ("CP-9" alone when one framework is selected). */
    public static List<String> controlIds(String ruleId, Framework selected) {
        // one lookup per row of an 80k-evaluation CSV: memoised, the bundled mappings never change
        return CONTROL_IDS.computeIfAbsent((selected == null ? "" : selected.key()) + "|" + ruleId, k -> computeControlIds(ruleId, selected));
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, List<String>> CONTROL_IDS = new java.util.concurrent.ConcurrentHashMap<>();

    private static List<String> computeControlIds(String ruleId, Framework selected) {
        List<String> out = new ArrayList<>();
        for (Framework f : frameworks(selected)) {
            for (String c : f.controlsByRule().getOrDefault(ruleId, List.of())) out.add(selected != null ? c : f.key() + ":" + c);
        }
        return List.copyOf(out);
    }

    /** A rule's controls spelled out for other tools ("NIST SP 800-53 Rev. 5 CP-9"). */
    public static List<String> requirements(String ruleId, Framework selected) {
        List<String> out = new ArrayList<>();
        for (Framework f : frameworks(selected)) {
            for (String c : f.controlsByRule().getOrDefault(ruleId, List.of())) out.add(f.name() + " " + c);
        }
        return out;
    }

    /** The names of the frameworks that map a rule at all. */
    public static List<String> standards(String ruleId, Framework selected) {
        Set<String> out = new LinkedHashSet<>();
        for (Framework f : frameworks(selected)) if (f.controlsByRule().containsKey(ruleId)) out.add(f.name());
        return List.copyOf(out);
    }
}
