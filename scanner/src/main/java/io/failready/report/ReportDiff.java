package io.failready.report;

import io.failready.model.Report;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.model.Severity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What changed between two reports, per workload (matched by name). A <em>finding</em> is an
 * unwaived NON_COMPLIANT evaluation; evaluations are matched by ruleId + resourceId + region +
 * recoveryRegion ({@link Evaluation#key()}).
 * <ul>
 *   <li>regressed: a finding now that was COMPLIANT or waived before;</li>
 *   <li>new: a finding now that was absent, NOT_APPLICABLE or INSUFFICIENT_DATA before;</li>
 *   <li>resolved: a finding before that the new report judged and no longer holds against the
 *       resource: now COMPLIANT, NOT_APPLICABLE or WAIVED (its state says which);</li>
 *   <li>disappeared: a finding before that the new report cannot judge: the subject is ABSENT (deleted,
 *       out of scope, or its account or region was not collected) or INSUFFICIENT_DATA. Not counted as
 *       resolved — nothing shows it was fixed.</li>
 * </ul>
 * {@link #regressions} is what {@code diff --fail-on-regression} fails on.
 * Lists are sorted like the report (severity, rule, account, region, resource), so the same two
 * inputs always give the same bytes.
 */
@JsonPropertyOrder({"old", "new", "summary", "workloads"})
public record ReportDiff(Side old, @com.fasterxml.jackson.annotation.JsonProperty("new") Side current, Summary summary, List<WorkloadDiff> workloads) {

    public static final String ABSENT = "ABSENT";
    public static final String WAIVED = "WAIVED";

    /** inventoryAt: when each side's inventory was collected, which is what the diff compares (generatedAt is when it was written). */
    @JsonPropertyOrder({"generatedAt", "inventoryAt", "schemaVersion"})
    public record Side(String generatedAt, String schemaVersion, String inventoryAt) {
        static Side of(Report r) { return new Side(r.generatedAt(), r.schemaVersion(), r.inventoryAt()); }
    }

    @JsonPropertyOrder({"newFindings", "resolved", "disappeared", "regressed", "unchanged", "newBlocking"})
    public record Summary(int newFindings, int resolved, int disappeared, int regressed, int unchanged, int newBlocking) {}

    /** status: CHANGED (in both reports), ADDED (only in the new one), REMOVED (only in the old one). */
    /** newBlocking: how many of newFindings block the gate under the new report's recorded policy. */
    @JsonPropertyOrder({"name", "status", "oldVerdict", "newVerdict", "oldScore", "newScore", "scoreDelta", "sections",
            "newFindings", "resolved", "disappeared", "regressed", "unchanged", "newBlocking"})
    public record WorkloadDiff(String name, String status, String oldVerdict, String newVerdict, Double oldScore,
                               Double newScore, Double scoreDelta, List<SectionDelta> sections, List<Change> newFindings,
                               List<Change> resolved, List<Change> disappeared, List<Change> regressed, int unchanged,
                               int newBlocking) {}

    @JsonPropertyOrder({"name", "oldScore", "newScore", "scoreDelta"})
    public record SectionDelta(String name, Double oldScore, Double newScore, Double scoreDelta) {}

    @JsonPropertyOrder({"ruleId", "section", "severity", "resourceType", "resourceId", "resourceName", "accountId",
            "region", "recoveryRegion", "before", "after", "annotation"})
    public record Change(String ruleId, String section, String severity, String resourceType, String resourceId,
                         String resourceName, String accountId, String region, String recoveryRegion,
                         String before, String after, String annotation) {}

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isEmpty() { return summary.newFindings + summary.resolved + summary.disappeared + summary.regressed == 0; }

    /** Findings that regressed plus new findings that block the gate: what --fail-on-regression fails on. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public int regressions() { return summary.regressed + summary.newBlocking; }

    public static ReportDiff of(Report old, Report now) {
        Map<String, Report.WorkloadReport> before = byName(old);
        Map<String, Report.WorkloadReport> after = byName(now);
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<WorkloadDiff> out = new ArrayList<>();
        int nNew = 0, nRes = 0, nGone = 0, nReg = 0, nSame = 0, nBlock = 0;
        for (String name : names) {
            WorkloadDiff d = workload(name, before.get(name), after.get(name));
            out.add(d);
            nNew += d.newFindings().size();
            nRes += d.resolved().size();
            nGone += d.disappeared().size();
            nReg += d.regressed().size();
            nSame += d.unchanged();
            nBlock += d.newBlocking();
        }
        return new ReportDiff(Side.of(old), Side.of(now),
                new Summary(nNew, nRes, nGone, nReg, nSame, nBlock), out);
    }

    private static Map<String, Report.WorkloadReport> byName(Report r) {
        Map<String, Report.WorkloadReport> m = new LinkedHashMap<>();
        if (r.workloads() != null) for (Report.WorkloadReport w : r.workloads()) m.putIfAbsent(ReportFacts.title(w), w);
        return m;
    }

    static WorkloadDiff workload(String name, Report.WorkloadReport o, Report.WorkloadReport n) {
        Map<String, Evaluation> oldEvals = index(o);
        Map<String, Evaluation> newEvals = index(n);
        List<Change> added = new ArrayList<>(), resolved = new ArrayList<>(), disappeared = new ArrayList<>(), regressed = new ArrayList<>();
        int unchanged = 0, newBlocking = 0;
        io.failready.evaluate.GatePolicy policy = n == null ? null : ReportFacts.policyOf(n);
        for (Map.Entry<String, Evaluation> en : newEvals.entrySet()) {
            Evaluation now = en.getValue();
            if (!isFinding(now)) continue;
            Evaluation was = oldEvals.get(en.getKey());
            String before = state(was);
            if (isFinding(was)) {
                unchanged++;
            } else if (was != null && (was.isWaived() || was.getComplianceType() == ComplianceType.COMPLIANT)) {
                regressed.add(change(now, before, state(now)));
            } else {
                added.add(change(now, before, state(now)));
                if (policy.blocks(now)) newBlocking++;
            }
        }
        for (Map.Entry<String, Evaluation> en : oldEvals.entrySet()) {
            Evaluation was = en.getValue();
            if (!isFinding(was)) continue;
            Evaluation now = newEvals.get(en.getKey());
            if (isFinding(now)) continue;
            if (now == null || now.getComplianceType() == ComplianceType.INSUFFICIENT_DATA && !now.isWaived()) {
                disappeared.add(change(was, state(was), state(now)));
            } else {
                resolved.add(change(was, state(was), state(now)));
            }
        }
        added.sort(CHANGE_ORDER);
        resolved.sort(CHANGE_ORDER);
        disappeared.sort(CHANGE_ORDER);
        regressed.sort(CHANGE_ORDER);
        List<SectionDelta> sections = new ArrayList<>();
        Map<String, Double> oldSections = sectionScores(o), newSections = sectionScores(n);
        TreeSet<String> sectionNames = new TreeSet<>(Comparator.comparingInt(ReportDiff::sectionRank).thenComparing(s -> s));
        sectionNames.addAll(oldSections.keySet());
        sectionNames.addAll(newSections.keySet());
        for (String s : sectionNames) {
            sections.add(new SectionDelta(s, oldSections.get(s), newSections.get(s), delta(oldSections.get(s), newSections.get(s))));
        }
        String status = o == null ? "ADDED" : n == null ? "REMOVED" : "CHANGED";
        Double os = o == null ? null : o.score(), ns = n == null ? null : n.score();
        return new WorkloadDiff(name, status, o == null ? null : o.verdict(), n == null ? null : n.verdict(), os, ns,
                delta(os, ns), sections, added, resolved, disappeared, regressed, unchanged, newBlocking);
    }

    private static int sectionRank(String s) {
        int i = io.failready.rules.RuleMetadata.SECTIONS.indexOf(s);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static Map<String, Double> sectionScores(Report.WorkloadReport w) {
        Map<String, Double> m = new LinkedHashMap<>();
        if (w != null && w.sections() != null) for (Report.SectionScore s : w.sections()) m.put(s.name(), s.score());
        return m;
    }

    private static Map<String, Evaluation> index(Report.WorkloadReport w) {
        Map<String, Evaluation> m = new LinkedHashMap<>();
        if (w != null && w.evaluations() != null) for (Evaluation e : w.evaluations()) m.putIfAbsent(e.key(), e);
        return m;
    }

    static boolean isFinding(Evaluation e) {
        return e != null && !e.isWaived() && e.getComplianceType() == ComplianceType.NON_COMPLIANT;
    }

    static String state(Evaluation e) {
        if (e == null) return ABSENT;
        return e.isWaived() ? WAIVED : e.getComplianceType().name();
    }

    /** new - old, rounded to one decimal like the scores; null when either side has no score. */
    public static Double delta(Double old, Double now) {
        if (old == null || now == null) return null;
        return Math.round((now - old) * 10.0) / 10.0;
    }

    private static Change change(Evaluation e, String before, String after) {
        return new Change(e.getRuleId(), e.getSection(), e.getSeverity() == null ? null : e.getSeverity().name(),
                e.getResourceType(), e.getResourceId(), e.getResourceName(), e.getAccountId(), e.getRegion(),
                e.getRecoveryRegion(), before, after, e.getAnnotation());
    }

    static int severityRank(String s) {
        if (s == null) return Severity.values().length;
        try {
            return Severity.valueOf(s).ordinal();
        } catch (IllegalArgumentException e) {
            return Severity.values().length;
        }
    }

    static final Comparator<Change> CHANGE_ORDER = Comparator.<Change>comparingInt(c -> severityRank(c.severity()))
            .thenComparing(Change::ruleId)
            .thenComparing(c -> Objects.toString(c.accountId(), ""))
            .thenComparing(c -> Objects.toString(c.region(), ""))
            .thenComparing(c -> Objects.toString(c.resourceId(), ""))
            .thenComparing(c -> Objects.toString(c.recoveryRegion(), ""));
}
