package io.failready.report;

import io.failready.model.Report;

import io.failready.config.Workload;
import io.failready.model.ComplianceType;
import io.failready.model.Evaluation;
import io.failready.evaluate.Scoring;
import io.failready.evaluate.WorkloadResult;
import io.failready.facts.CollectionGap;
import io.failready.facts.RegionPair;
import io.failready.evaluate.GatePolicy;
import io.failready.rules.RuleCatalog;
import io.failready.rules.RuleMetadata;
import io.failready.snapshot.Snapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Turns evaluation results into the report contract: scores, verdicts, sorted lists. */
public final class ReportBuilder {
    private ReportBuilder() {}

    public static Report build(List<WorkloadResult> results, Snapshot snapshot, RuleCatalog catalog,
                               Map<String, List<String>> wellArchitected, Report.Sources sources,
                               String version, Instant generatedAt, Instant asOf, List<Report.DisabledRule> disabled) {
        List<Report.WorkloadReport> workloads = new ArrayList<>();
        List<Evaluation> all = new ArrayList<>();
        Set<String> accounts = new HashSet<>();
        for (WorkloadResult r : results) {
            workloads.add(workload(r, disabled));
            all.addAll(r.evaluations());
            accounts.addAll(r.workload().accountIds());
        }
        List<Report.RuleRef> rules = new ArrayList<>();
        for (RuleMetadata m : catalog.rules().values()) {
            rules.add(new Report.RuleRef(m.id(), m.title(), m.section(), m.severity().name(), m.resourceType(),
                    new TreeMap<>(m.parameters()), wellArchitected.getOrDefault(m.id(), List.of())));
        }
        List<CollectionGap> gaps = snapshot.getCollectionGaps().stream()
                // a failed account discovery belongs to no workload's account but concerns them all
                .filter(g -> accounts.contains(g.getAccountId()) || g.isAccountDiscovery()).sorted(Snapshot.GAP_ORDER).toList();
        Report.Summary summary = new Report.Summary(all.size(),
                Scoring.count(all, e -> e.getComplianceType().name()),
                Scoring.count(all, e -> e.getSeverity().name()), gaps.size());
        return new Report(Report.SCHEMA_VERSION, new Report.Tool("failready", version), generatedAt.toString(),
                asOf.toString(), sources, rules, workloads, gaps, summary, accountNames(results, snapshot, accounts));
    }

    static final String ACCOUNT_TYPE = "AWS::::Account";

    /**
     * A display name for each covered account that has one: the configuration's accounts[].name
     * first (the owner chose it), else the name Organizations gave during collection (the account
     * collector records it on the AWS::::Account resource). Unnamed accounts are left out.
     */
    static List<Report.AccountName> accountNames(List<WorkloadResult> results, Snapshot snapshot, Set<String> covered) {
        Map<String, Report.AccountName> names = new TreeMap<>();
        for (WorkloadResult r : results) {
            for (Workload.AccountRef a : r.workload().accounts) {
                if (a.id != null && a.name != null && !a.name.isBlank()) names.putIfAbsent(a.id, new Report.AccountName(a.id, a.name.strip(), "config"));
            }
        }
        for (io.failready.facts.Resource res : snapshot.getResources()) {
            if (!ACCOUNT_TYPE.equals(res.getResourceType()) || !covered.contains(res.getAccountId())) continue;
            String name = res.str("accountName");
            if (name != null && !name.isBlank()) names.putIfAbsent(res.getAccountId(), new Report.AccountName(res.getAccountId(), name.strip(), "organizations"));
        }
        return List.copyOf(names.values());
    }

    static Report.WorkloadReport workload(WorkloadResult r) { return workload(r, List.of()); }

    static Report.WorkloadReport workload(WorkloadResult r, List<Report.DisabledRule> disabled) {
        Workload w = r.workload();
        List<Evaluation> evals = r.evaluations();
        GatePolicy policy = GatePolicy.from(w.gate);
        Double score = Scoring.score(evals);
        List<Report.SectionScore> sections = new ArrayList<>();
        // one pass for every section rather than one per section (a million evaluations at a million resources)
        Map<String, List<Evaluation>> bySection = new HashMap<>();
        for (Evaluation e : evals) if (e.getSection() != null) bySection.computeIfAbsent(e.getSection(), k -> new ArrayList<>()).add(e);
        for (String s : RuleMetadata.SECTIONS) {
            List<Evaluation> in = bySection.getOrDefault(s, List.of());
            sections.add(new Report.SectionScore(s, Scoring.score(in),
                    countType(in, ComplianceType.COMPLIANT), countType(in, ComplianceType.NON_COMPLIANT),
                    countType(in, ComplianceType.INSUFFICIENT_DATA), countType(in, ComplianceType.NOT_APPLICABLE),
                    in.stream().filter(Evaluation::isWaived).count(), SectionNotes.note(s, in, w)));
        }
        List<Report.AccountScore> accounts = new ArrayList<>();
        Scoring.scoreBy(evals, Evaluation::getAccountId).forEach((a, sc) -> accounts.add(new Report.AccountScore(a, sc)));
        List<Report.PairScore> pairs = new ArrayList<>();
        for (RegionPair p : r.pairs()) {
            // per-pair evaluations, plus per-region ones (recoveryRegion null) for either end of the pair
            List<Evaluation> in = evals.stream().filter(e -> e.getRecoveryRegion() == null
                    ? p.primary().equals(e.getRegion()) || p.recovery().equals(e.getRegion()) || "global".equals(e.getRegion())
                    : p.recovery().equals(e.getRecoveryRegion())).toList();
            pairs.add(new Report.PairScore(p.primary(), p.recovery(), Scoring.score(in)));
        }
        int blockingNc = (int) evals.stream().filter(policy::blocks).count();
        int blockingId = (int) evals.stream().filter(policy::lacksData).count();
        return new Report.WorkloadReport(w.name, w.owner, w.getStrategyName(), w.primaryRegion, List.copyOf(w.recoveryRegions),
                w.rtoMinutes < 0 ? null : w.rtoMinutes, w.rpoMinutes < 0 ? null : w.rpoMinutes,
                policy.verdict(evals, score).name(), score,
                new Report.Blocking(policy.failOn().name(), policy.minScore(), blockingNc, blockingId,
                        sortedCopy(policy.blockRules()), sortedCopy(policy.blockSections()), sortedCopy(policy.warnOnly()),
                        policy.allowUnknown(), new TreeMap<>(w.severityOverrides), List.copyOf(disabled),
                        (int) evals.stream().filter(policy::blocksButForWarnOnly).count(),
                        w.gate == null ? null : w.gate.maxAge),
                sections, accounts, pairs, List.copyOf(r.waiverNotices()), evals, r.direction().id);
    }

    private static List<String> sortedCopy(List<String> in) {
        return in == null ? List.of() : in.stream().distinct().sorted().toList();
    }

    private static long countType(List<Evaluation> in, ComplianceType t) {
        return in.stream().filter(e -> e.getComplianceType() == t && !e.isWaived()).count();
    }
}
