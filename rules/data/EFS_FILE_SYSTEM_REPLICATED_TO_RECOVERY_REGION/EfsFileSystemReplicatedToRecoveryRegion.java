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
 * EFS_FILE_SYSTEM_REPLICATED_TO_RECOVERY_REGION: the decision for one in-scope file system in the
 * primary region. Scenarios are checked in the order the rule's documentation lists them.
 */
public final class EfsFileSystemReplicatedToRecoveryRegion {
    private EfsFileSystemReplicatedToRecoveryRegion() {}

    public static Verdict decide(Resource fs, RegionPair p, GapIndex g, Counterparts cps) {
        String who = Labels.of(fs);
        String rec = p.recovery;
        if (g.missingFor(fs, "efs") || !fs.has("replicationDestinations")) {
            return Verdict.insufficientData(who + ": cannot read its replication configuration ("
                    + (g.missingFor(fs, "efs") ? g.why(fs, "efs") : "it was not collected") + ").");
        }
        if (fs.has("replicationSource")) {
            return Verdict.notApplicable(who + " is the read-only replication destination of " + fs.str("replicationSource.fileSystemId")
                    + " in " + fs.str("replicationSource.region") + "; its source is judged instead.");
        }
        if (fs.maps("replicationDestinations").isEmpty()) {
            return Verdict.nonCompliant(who + " has no replication configuration, so nothing is copied to " + rec + ".", null);
        }
        Map<String, Object> there = null;
        TreeSet<String> elsewhere = new TreeSet<>();
        for (Map<String, Object> d : fs.maps("replicationDestinations")) {
            if (rec.equals(d.get("region"))) there = d;
            else elsewhere.add(String.valueOf(d.get("region")));
        }
        if (there == null) {
            return Verdict.nonCompliant(who + " replicates to " + Text.join(elsewhere) + ", not to " + rec + ".", null);
        }
        // name the destination only when it is the one EFS replicates to, not a same-named look-alike
        Resource dest = cps.of(fs, rec);
        if (dest != null && !String.valueOf(there.get("fileSystemId")).equals(dest.str("fileSystemId"))) dest = null;
        String destName = dest != null ? dest.getResourceName() : String.valueOf(there.get("fileSystemId"));
        String status = there.get("status") == null ? "unknown" : String.valueOf(there.get("status"));
        if (!"ENABLED".equals(status)) {
            Object msg = there.get("statusMessage");
            return Verdict.nonCompliant(who + " replicates to " + destName + " in " + rec + " but the replication is " + status
                    + (msg == null ? "" : " (" + Text.shorten(String.valueOf(msg), 80) + ")") + ", not ENABLED.", dest);
        }
        Object last = there.get("lastReplicatedTimestamp");
        return Verdict.compliant(who + " replicates to " + destName + " in " + rec + " (ENABLED"
                + (last == null ? "" : ", last synced " + last) + ").", dest);
    }
}
