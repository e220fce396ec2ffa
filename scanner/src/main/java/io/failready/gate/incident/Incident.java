package io.failready.gate.incident;

import io.failready.config.FailreadyConfig;
import io.failready.config.Workload;
import io.failready.evaluate.WorkloadResult;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.model.Direction;
import io.failready.model.Evaluation;
import io.failready.model.Report;
import io.failready.rules.IncidentSide;
import io.failready.rules.RuleCatalog;
import io.failready.snapshot.Snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A live snapshot with the baseline standing in for every (account, source region) that answered no
 * call ({@link CollectionGap#REGION_UNREACHABLE}): that account's region is replaced by
 * the baseline's resources and gaps, and nothing else is. Live recovery-region data is never
 * replaced: only a workload's source region in the direction judged ({@link SourceRegions}) can be stood in for.
 */
public record Incident(Baseline baseline, Snapshot snapshot, List<Report.StoodIn> stoodInFor, Direction direction, String fromRegion) {
    static final String UNREACHABLE = CollectionGap.REGION_UNREACHABLE;

    /** Failover: the baseline may stand in for the primary region. */
    public static Incident substitute(Snapshot live, Baseline baseline, FailreadyConfig cfg) {
        return substitute(live, baseline, cfg, Direction.PRIMARY_TO_RECOVERY, null);
    }

    /** In a failback ({@code direction} recovery-to-primary) the source is the recovery region {@code fromRegion} (or the only one). */
    public static Incident substitute(Snapshot live, Baseline baseline, FailreadyConfig cfg, Direction direction, String fromRegion) {
        Map<String, CollectionGap> down = new LinkedHashMap<>();
        for (CollectionGap g : live.getCollectionGaps()) {
            if (UNREACHABLE.equals(g.getErrorCode())) down.put(g.getAccountId() + "|" + g.getRegion(), g);
        }
        Set<String> pairs = new TreeSet<>();
        List<Report.StoodIn> stood = new ArrayList<>();
        for (Workload w : cfg.workloads) {
            String region = SourceRegions.of(w, direction, fromRegion);
            for (String a : w.accountIds()) {
                CollectionGap g = down.get(a + "|" + region);
                if (g != null && pairs.add(a + "|" + region)) stood.add(new Report.StoodIn(a, region, g.getErrorCode() + ": " + g.getMessage()));
            }
        }
        if (stood.isEmpty()) return new Incident(baseline, live, List.of(), direction, fromRegion);
        List<Resource> resources = new ArrayList<>();
        for (Resource r : live.getResources()) if (!pairs.contains(r.getAccountId() + "|" + r.getAwsRegion())) resources.add(r);
        List<CollectionGap> gaps = new ArrayList<>();
        for (CollectionGap g : live.getCollectionGaps()) if (!pairs.contains(g.getAccountId() + "|" + g.getRegion())) gaps.add(g);
        for (Report.StoodIn s : stood) {
            resources.addAll(baseline.resources(s.accountId(), s.region()));
            gaps.addAll(baseline.gaps(s.accountId(), s.region()));
        }
        Snapshot merged = new Snapshot(live.getSchemaVersion(), live.getTool(), live.getCollectedAt(), live.getCollectionWindow(),
                live.getAccounts(), live.getRegions(), resources, gaps).sorted();
        stood.sort(java.util.Comparator.comparing(Report.StoodIn::accountId).thenComparing(Report.StoodIn::region));
        return new Incident(baseline, merged, List.copyOf(stood), direction, fromRegion);
    }

    /** What the report's sources record about the baseline. */
    public Report.BaselineSource source() {
        return new Report.BaselineSource(baseline.path(), baseline.sha256(), baseline.collectedAt().toString(), baseline.ageSeconds(),
                baseline.maxAge(), stoodInFor);
    }

    /**
     * Marks every evaluation that read the stood-in source side (by its rule's {@code @incident}
     * {@link IncidentSide side}, for an account the baseline stood in for) with the baseline's age, and turns those of
     * rules judging source-side state into INSUFFICIENT_DATA: a lag or health value from before the
     * outage says nothing about now. Runs before scoring, so the verdict sees the result.
     */
    public List<WorkloadResult> mark(List<WorkloadResult> results, RuleCatalog catalog) {
        if (stoodInFor.isEmpty()) return results;
        Evaluation.BaselineRef ref = new Evaluation.BaselineRef(baseline.collectedAt().toString(), baseline.ageSeconds());
        List<WorkloadResult> out = new ArrayList<>();
        for (WorkloadResult r : results) {
            if (r.direction() != direction) {
                // a result in the other direction would read the stood-in region as its target, unmarked
                throw new IllegalStateException("the baseline stood in for the " + direction + " source, not for a " + r.direction() + " result");
            }
            String region = SourceRegions.of(r.workload(), direction, fromRegion);
            Set<String> accounts = new TreeSet<>();
            for (Report.StoodIn s : stoodInFor) if (s.region().equals(region) && r.workload().accountIds().contains(s.accountId())) accounts.add(s.accountId());
            List<Evaluation> evals = new ArrayList<>();
            for (Evaluation e : r.evaluations()) {
                IncidentSide side = sideOf(catalog, e.getRuleId());
                if (accounts.isEmpty() || side == IncidentSide.LIVE || !accounts.contains(e.getAccountId())) {
                    evals.add(e);
                    continue;
                }
                evals.add(marked(e, side, ref, region));
            }
            out.add(new WorkloadResult(r.workload(), r.pairs(), evals, r.waiverNotices(), r.direction()));
        }
        return out;
    }

    /** A rule the catalog does not know (it cannot happen for an evaluation it produced) reads as state: fail closed. */
    private static IncidentSide sideOf(RuleCatalog catalog, String ruleId) {
        var m = catalog.rules().get(ruleId);
        return m == null ? IncidentSide.STATE : m.incidentSide();
    }

    private static Evaluation marked(Evaluation e, IncidentSide side, Evaluation.BaselineRef ref, String region) {
        boolean stale = side == IncidentSide.STATE
                && (e.getComplianceType() == ComplianceType.COMPLIANT || e.getComplianceType() == ComplianceType.NON_COMPLIANT);
        String prefix = "[" + ref.label() + "] ";
        Evaluation m;
        if (stale) {
            m = new Evaluation(e.getRuleId(), e.getSection(), e.getSeverity(), ComplianceType.INSUFFICIENT_DATA, e.getResourceType(),
                    e.getResourceId(), e.getResourceName(), e.getAccountId(), e.getRegion(), e.getRecoveryRegion(), e.getCounterpart(),
                    prefix + "measured in " + region + ", which answers no call: the baseline's value is stale by definition (it said "
                    + e.getComplianceType() + ": " + e.getAnnotation() + ")", e.getWaiver());
            m.setGaps(List.of(new Evaluation.GapRef(e.getAccountId(), region, CollectionGap.ALL_SERVICES, "*", null, UNREACHABLE)));
        } else {
            m = new Evaluation(e.getRuleId(), e.getSection(), e.getSeverity(), e.getComplianceType(), e.getResourceType(),
                    e.getResourceId(), e.getResourceName(), e.getAccountId(), e.getRegion(), e.getRecoveryRegion(), e.getCounterpart(),
                    prefix + e.getAnnotation(), e.getWaiver());
            m.setGaps(e.getGaps());
        }
        m.setBaseline(ref);
        return m;
    }
}
