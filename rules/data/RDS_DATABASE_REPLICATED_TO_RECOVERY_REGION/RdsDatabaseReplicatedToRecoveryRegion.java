package io.failready.rules.data;

import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Arns;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Verdict;

import java.util.List;
import java.util.Map;

/**
 * RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION: the decision for one in-scope primary Aurora cluster
 * or DB instance in the primary region. Scenarios are checked in the order the rule's DRL header
 * lists them.
 */
public final class RdsDatabaseReplicatedToRecoveryRegion {
    private RdsDatabaseReplicatedToRecoveryRegion() {}

    public static Verdict decide(Resource db, RegionPair p, Workload w, DataIndex ix, GapIndex g) {
        String who = Labels.of(db);
        // DocumentDB and Neptune are read by their own collectors, whose gaps name docdb and neptune
        String svc = Labels.service(db.getResourceType());
        if (g.missingFor(db, svc)) {
            return Verdict.insufficientData(who + ": cannot read its replication settings (" + g.why(db, svc) + ").");
        }
        boolean cluster = ReplicaLinks.isCluster(db);
        List<ReplicaLinks.Copy> copies = ReplicaLinks.copiesIn(db, p.recovery, ix);
        if (!copies.isEmpty()) {
            // a copy counts only when healthy; an unreadable one keeps the answer open
            String problem = null, unknown = null;
            ReplicaLinks.Copy bad = null;
            for (ReplicaLinks.Copy c : copies) {
                String how = cluster && db.has("globalClusterIdentifier")
                        ? "is in global cluster " + db.str("globalClusterIdentifier") + " with secondary cluster " + c.name()
                        : cluster ? "has replica cluster " + c.name()
                        : "has cross-region read replica " + c.name();
                String sick = copyProblem(db, c);
                if (sick == null && c.resource() == null) {
                    if (unknown == null) unknown = how + " in " + p.recovery + ", whose state could not be read ("
                            + (g.missing(db.getAccountId(), p.recovery, svc) ? g.why(db.getAccountId(), p.recovery, svc) : "it was not collected") + ")";
                } else if (sick == null && g.missingFor(c.resource(), svc)) {
                    if (unknown == null) unknown = how + " in " + p.recovery + ", whose state could not be read (" + g.why(c.resource(), svc) + ")";
                } else if (sick == null) {
                    return Verdict.compliant(who + " " + how + " in " + p.recovery + ".", c.resource());
                } else if (problem == null) {
                    problem = how + " in " + p.recovery + ", but " + sick;
                    bad = c;
                }
            }
            if (unknown != null) return Verdict.insufficientData(who + " " + unknown + ".");
            return Verdict.nonCompliant(who + " " + problem + ".", bad.resource());
        }
        if (cluster) {
            if (db.has("globalClusterIdentifier")) {
                return Verdict.nonCompliant(who + " is in global cluster " + db.str("globalClusterIdentifier")
                        + ", which has no secondary cluster in " + p.recovery + ".", null);
            }
            return Verdict.nonCompliant(who + " is not in a global cluster and has no replica cluster in " + p.recovery + ".", null);
        }
        boolean backupsThere = false;
        for (Map<String, Object> abr : db.maps("automatedBackupReplications")) {
            String reg = abr.get("region") == null ? Arns.region(str(abr.get("arn"))) : str(abr.get("region"));
            if (p.recovery.equals(reg)) backupsThere = true;
        }
        boolean backupRestore = "backup-restore".equals(w.getStrategyName());
        if (backupsThere && backupRestore) {
            return Verdict.compliant(who + " replicates its automated backups to " + p.recovery + ", enough for backup-restore.", null);
        }
        if (backupsThere) {
            return Verdict.nonCompliant(who + " only replicates automated backups to " + p.recovery + "; " + w.getStrategyName()
                    + " needs a cross-region read replica there.", null);
        }
        return Verdict.nonCompliant(who + " has no cross-region read replica in " + p.recovery
                + (backupRestore ? " and no automated backup replication there" : "") + ".", null);
    }

    /**
     * Why a database copy cannot take over, or null when nothing says so: a global member's
     * SynchronizationStatus other than connected; a cluster or instance status other than available;
     * a read replica's "read replication" StatusInfo that is not replicating or not normal.
     */
    static String copyProblem(Resource db, ReplicaLinks.Copy c) {
        for (Map<String, Object> m : db.maps("globalClusterMembers")) {
            String sync = str(m.get("synchronizationStatus"));
            if (c.id().equals(m.get("dbClusterArn")) && sync != null && !"connected".equals(sync)) {
                return "its synchronization status is " + sync + ", not connected";
            }
        }
        Resource r = c.resource();
        if (r == null) return null;
        String status = r.str("status");
        if (status != null && !"available".equals(status)) return "its status is " + status + ", not available";
        for (Map<String, Object> info : r.maps("statusInfos")) {
            if (!"read replication".equalsIgnoreCase(str(info.get("statusType")))) continue;
            String st = str(info.get("status"));
            if (!"replicating".equals(st) || Boolean.FALSE.equals(info.get("normal"))) {
                return "read replication is " + st + (info.get("message") == null ? "" : " (" + info.get("message") + ")");
            }
        }
        return null;
    }

    private static String str(Object o) { return o == null ? null : String.valueOf(o); }
}
