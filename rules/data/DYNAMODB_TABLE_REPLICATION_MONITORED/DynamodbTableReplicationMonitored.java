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

import java.util.List;

/**
 * DYNAMODB_TABLE_REPLICATION_MONITORED: the decision for one in-scope table in the primary region.
 * Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class DynamodbTableReplicationMonitored {
    private DynamodbTableReplicationMonitored() {}

    public static Verdict decide(Resource t, RegionPair p, Workload w, DataIndex ix, GapIndex g) {
        String who = Labels.of(t);
        if (g.missingFor(t, "dynamodb")) {
            return Verdict.insufficientData(who + ": cannot tell whether it is a global table (" + g.why(t, "dynamodb") + ").");
        }
        List<ReplicaLinks.Copy> copies = ReplicaLinks.copiesIn(t, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " has no replica in " + p.recovery + ", so there is no replication to monitor.");
        }
        if (w.rpoSeconds <= 0) {
            return Verdict.insufficientData(who + ": the workload declares no positive RPO to compare alarm thresholds with.");
        }
        // DynamoDB publishes ReplicationLatency in milliseconds, in the source region, per receiving region
        LagAlarms.Search a = LagAlarms.find(ix, t.getAccountId(), List.of(t.getAwsRegion()), "ReplicationLatency", "TableName",
                List.of(t.getResourceName()), "ReceivingRegion", p.recovery, w.rpoSeconds * 1000.0, "ms");
        Resource cp = ReplicaLinks.firstSeen(copies);
        if (a.good() != null) {
            return Verdict.compliant(who + ": alarm " + a.good().getResourceName() + " fires when ReplicationLatency to " + p.recovery
                    + " exceeds " + Text.number(a.good().num("threshold")) + " ms, within the RPO of " + w.rpoSeconds + " s.", cp);
        }
        if (a.near() == null && g.missing(t.getAccountId(), t.getAwsRegion(), "cloudwatch")) {
            return Verdict.insufficientData(who + ": cannot list its CloudWatch alarms ("
                    + g.why(t.getAccountId(), t.getAwsRegion(), "cloudwatch") + ").");
        }
        if (a.near() != null) return Verdict.nonCompliant(who + ": " + a.nearWhy() + " (ReplicationLatency to " + p.recovery + ").", cp);
        return Verdict.nonCompliant(who + " has no CloudWatch alarm on ReplicationLatency to " + p.recovery + ".", cp);
    }
}
