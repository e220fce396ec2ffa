package io.failready.rules.data;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.Map;
import java.util.TreeSet;

/**
 * ELASTICACHE_GLOBAL_DATASTORE_IN_RECOVERY_REGION: the decision for one in-scope replication group
 * in the primary region. Scenarios are checked in the order the rule's documentation lists them.
 */
public final class ElastiCacheGlobalDatastoreInRecoveryRegion {
    private ElastiCacheGlobalDatastoreInRecoveryRegion() {}

    public static Verdict decide(Resource rg, RegionPair p, boolean rebuiltOnFailover, GapIndex g, Counterparts cps) {
        String who = Labels.of(rg);
        String rec = p.recovery;
        if (g.missingFor(rg, "elasticache")) {
            return Verdict.insufficientData(who + ": cannot read its global datastore membership (" + g.why(rg, "elasticache") + ").");
        }
        if (rebuiltOnFailover) {
            return Verdict.notApplicable(who + ": the workload rebuilds its caches in " + rec + " at failover (CacheRebuiltOnFailover = true).");
        }
        String gd = rg.str("globalReplicationGroupId");
        if (gd != null && "SECONDARY".equalsIgnoreCase(rg.str("globalReplicationGroupMemberRole"))) {
            return Verdict.notApplicable(who + " is a secondary of global datastore " + gd + "; the primary group is judged.");
        }
        if (gd == null) {
            return Verdict.nonCompliant(who + " is not in a global datastore, so no copy of the cache exists in " + rec + ".", null);
        }
        if (!rg.has("globalDatastore.members")) {
            return Verdict.insufficientData(who + " is in global datastore " + gd + ", whose members could not be listed.");
        }
        Map<String, Object> there = null;
        TreeSet<String> regions = new TreeSet<>();
        for (Map<String, Object> m : rg.maps("globalDatastore.members")) {
            if (rec.equals(m.get("region")) && !rg.getResourceName().equals(m.get("replicationGroupId"))) there = m;
            if (m.get("region") != null && !p.primary.equals(m.get("region"))) regions.add(String.valueOf(m.get("region")));
        }
        if (there == null) {
            return Verdict.nonCompliant(who + " is the primary of global datastore " + gd + ", which has no secondary in " + rec
                    + (regions.isEmpty() ? "" : " (secondaries in " + Text.join(regions) + ")") + ".", null);
        }
        Resource c = cps.of(rg, rec);
        if (c != null && !String.valueOf(there.get("replicationGroupId")).equals(c.getResourceName())) c = null;
        String status = there.get("status") == null ? "unknown" : String.valueOf(there.get("status"));
        if (!"associated".equalsIgnoreCase(status)) {
            return Verdict.nonCompliant(who + ": its secondary " + there.get("replicationGroupId") + " in " + rec + " in global datastore "
                    + gd + " is " + status + ", not associated.", c);
        }
        return Verdict.compliant(who + " is the primary of global datastore " + gd + " with associated secondary "
                + there.get("replicationGroupId") + " in " + rec + ".", c);
    }
}
