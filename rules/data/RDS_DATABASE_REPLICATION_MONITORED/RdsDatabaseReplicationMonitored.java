package io.failready.rules.data;

import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.LagAlarms;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;

/**
 * RDS_DATABASE_REPLICATION_MONITORED: the decision for one in-scope primary Aurora cluster or DB
 * instance in the primary region. Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class RdsDatabaseReplicationMonitored {
    private RdsDatabaseReplicationMonitored() {}

    public static Verdict decide(Resource db, RegionPair p, Workload w, DataIndex ix, GapIndex g) {
        String who = Labels.of(db);
        if (g.missingFor(db, "rds")) {
            return Verdict.insufficientData(who + ": cannot read its replication settings (" + g.why(db, "rds") + ").");
        }
        List<ReplicaLinks.Copy> copies = ReplicaLinks.copiesIn(db, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " has no replica in " + p.recovery + ", so there is no replication lag to alarm on.");
        }
        if (w.rpoSeconds <= 0) {
            return Verdict.insufficientData(who + ": the workload declares no positive RPO to compare alarm thresholds with.");
        }
        boolean aurora = ReplicaLinks.CLUSTER.equals(db.getResourceType());
        List<String> ids = new ArrayList<>();
        if (aurora) ids.add(db.getResourceName());
        for (ReplicaLinks.Copy c : copies) ids.add(c.name());
        String metric = aurora ? "AuroraGlobalDBReplicationLag" : "ReplicaLag";
        // AuroraGlobalDBReplicationLag is in milliseconds, ReplicaLag in seconds
        double limit = aurora ? w.rpoSeconds * 1000.0 : w.rpoSeconds;
        String unit = aurora ? "ms" : "s";
        List<String> regions = aurora ? List.of(p.recovery, p.primary) : List.of(p.recovery);
        LagAlarms.Search a = LagAlarms.find(ix, db.getAccountId(), regions, metric, aurora ? "DBClusterIdentifier" : "DBInstanceIdentifier",
                ids, null, null, limit, unit);
        Resource cp = ReplicaLinks.firstSeen(copies);
        if (a.good() != null) {
            return Verdict.compliant(who + ": alarm " + a.good().getResourceName() + " fires when " + metric + " exceeds "
                    + Text.number(a.good().num("threshold")) + " " + unit + ", within the RPO of " + w.rpoSeconds + " s.", cp);
        }
        if (a.near() == null) {
            for (String r : regions) {
                if (g.missing(db.getAccountId(), r, "cloudwatch")) {
                    return Verdict.insufficientData(who + ": cannot list CloudWatch alarms on " + metric + " ("
                            + g.why(db.getAccountId(), r, "cloudwatch") + ").");
                }
            }
            return Verdict.nonCompliant(who + " has no CloudWatch alarm on " + metric + " for its replica in " + p.recovery + ".", cp);
        }
        return Verdict.nonCompliant(who + ": " + a.nearWhy() + " (" + metric + " in " + p.recovery + ").", cp);
    }
}
