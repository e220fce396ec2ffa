package io.failready.rules.compliance;

import io.failready.config.Workload;
import io.failready.facts.AsOf;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Residency;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.TreeSet;

/**
 * DATA_RESIDENCY_RECOVERY_REGION_APPROVED: the decision for one data store in the primary region
 * ({@link Residency#isDataStore}). Scenarios are checked in the order the rule's documentation lists them.
 */
public final class DataResidencyRecoveryRegionApproved {
    private DataResidencyRecoveryRegionApproved() {}

    /**
     * The classification tag comes first, before any gap: an untagged store is judged by the
     * workload's classification policy alone, since without a data class there is no approval to
     * look up, whatever could not be read. For a classified store, a gap (its own service, AWS
     * Backup, an unresolved replication destination) comes before the regions, so a copy that could
     * not be seen never passes as approved. The twin in the recovery region is named whenever the
     * copy regions were judged.
     *
     * @param parameterDefault the rule's ClassificationTagKey, used when the workload names none
     */
    public static Verdict decide(Resource d, RegionPair p, Workload w, String parameterDefault, AsOf asOf,
                                 GapIndex g, Counterparts cps, DataIndex ix) {
        String key = Residency.classificationKey(w, parameterDefault);
        String dataClass = d.tag(key);
        String who = Labels.of(d);
        if (dataClass == null) {
            if (Residency.classificationRequired(w)) {
                return Verdict.nonCompliant(who + " has no " + key + " tag, and the workload requires every data store to be classified.", null);
            }
            return Verdict.notApplicable(who + " has no " + key + " tag; residency is not checked for unclassified data.");
        }
        String gap = Residency.gap(d, g);
        if (gap != null) {
            return Verdict.insufficientData(Text.fit(who + " (" + dataClass + "): cannot tell which regions hold copies (" + gap + ")."));
        }
        // plans of the store's own account and region: a plan selects only resources where it runs
        TreeSet<String> regions = Residency.copyRegions(d, p.recovery, cps.has(d, p.recovery), ix.plans(d.getAccountId(), d.getAwsRegion()));
        Resource twin = cps.of(d, p.recovery);
        String problem = Residency.problem(w, asOf, dataClass, regions);
        if (problem != null) {
            return Verdict.nonCompliant(Text.fit(who + " (" + dataClass + ") has copies in regions not approved for " + dataClass + ": "
                    + problem + "."), twin);
        }
        return Verdict.compliant(Text.fit(who + " (" + dataClass + ") is held only in approved regions: " + Text.join(regions) + "."), twin);
    }
}
