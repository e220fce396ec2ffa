package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;

import java.util.TreeSet;

/**
 * Decision functions of the compliance rules over thousands of subjects, imported into DRL with
 * {@code import function}. Each returns the {@link Verdict} for one subject and region pair, so
 * Drools keeps one match per subject instead of one per outcome sibling. The residency helpers
 * they build on stay in {@link SecurityFunctions}; lookups besides the subject go through
 * {@link DataIndex} and {@link Counterparts} hash maps.
 */
public final class ComplianceFunctions {
    private ComplianceFunctions() {}

    /**
     * DATA_RESIDENCY_RECOVERY_REGION_APPROVED for one data store in the primary region
     * ({@link SecurityFunctions#isDataStore}). The classification tag comes first, before any
     * gap: an untagged store is judged by the workload's classification policy alone, since
     * without a data class there is no approval to look up, whatever could not be read. For a classified
     * store, a gap (its own service, AWS Backup, an unresolved replication destination) comes
     * before the regions, so a copy that could not be seen never passes as approved. The twin in
     * the recovery region is named whenever the copy regions were judged.
     *
     * @param parameterDefault the rule's ClassificationTagKey, used when the workload names none
     */
    public static Verdict residencyApproved(Resource d, RegionPair p, Workload w, String parameterDefault, AsOf asOf,
                                            GapIndex g, Counterparts cps, DataIndex ix) {
        String key = SecurityFunctions.classificationKey(w, parameterDefault);
        String dataClass = d.tag(key);
        String who = SecurityFunctions.storeLabel(d) + " " + d.getResourceName();
        if (dataClass == null) {
            if (SecurityFunctions.classificationRequired(w)) {
                return Verdict.nonCompliant(who + " has no " + key
                        + " tag, and the workload requires every data store to be classified.", null);
            }
            return Verdict.notApplicable(who + " has no " + key + " tag; residency is not checked for unclassified data.");
        }
        String gap = SecurityFunctions.residencyGap(d, g);
        if (gap != null) {
            return Verdict.insufficientData(SecurityFunctions.fit(who + " (" + dataClass + "): cannot tell which regions hold copies ("
                    + gap + ")."));
        }
        // plans of the store's own account and region: a plan selects only resources where it runs
        TreeSet<String> regions = SecurityFunctions.copyRegions(d, p, cps.has(d, p.recovery),
                ix.plans(d.getAccountId(), d.getAwsRegion()));
        Resource twin = cps.of(d, p.recovery);
        String problem = SecurityFunctions.residencyProblem(w, asOf, dataClass, regions);
        if (problem != null) {
            return Verdict.nonCompliant(SecurityFunctions.fit(who + " (" + dataClass + ") has copies in regions not approved for "
                    + dataClass + ": " + problem + "."), twin);
        }
        return Verdict.compliant(SecurityFunctions.fit(who + " (" + dataClass + ") is held only in approved regions: "
                + SecurityFunctions.join(regions) + "."), twin);
    }
}
