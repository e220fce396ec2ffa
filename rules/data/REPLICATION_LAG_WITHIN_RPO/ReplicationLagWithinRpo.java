package io.failready.rules.data;

import io.failready.config.Workload;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.List;

/**
 * REPLICATION_LAG_WITHIN_RPO: the decision for one in-scope primary data store in the primary
 * region. Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class ReplicationLagWithinRpo {
    private ReplicationLagWithinRpo() {}

    /** The resource type of the lag metrics the CloudWatch collector records, one per store and recovery region. */
    static final String LAG_METRIC = "Failready::CloudWatch::ReplicationLag";

    public static Verdict decide(Resource r, RegionPair p, Workload w, int lookbackMinutes, DataIndex ix, GapIndex g) {
        String who = Labels.of(r);
        String svc = service(r);
        if (g.missingFor(r, svc)) {
            return Verdict.insufficientData(who + ": cannot read its replication settings (" + g.why(r, svc) + ").");
        }
        // the EFS collector omits the destinations when DescribeReplicationConfigurations failed: unknown, not unreplicated
        if (ReplicaLinks.EFS.equals(r.getResourceType()) && !r.has("replicationDestinations")) {
            return Verdict.insufficientData(who + ": cannot read its replication settings (they were not collected).");
        }
        List<ReplicaLinks.Copy> copies = ReplicaLinks.copiesIn(r, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " does not replicate to " + p.recovery + ", so it has no replication lag.");
        }
        Resource cp = ReplicaLinks.firstSeen(copies);
        if (w.rpoSeconds <= 0) {
            return Verdict.insufficientData(who + ": the workload declares no positive RPO to compare the lag with.", cp);
        }
        String metricId = r.getResourceId() + "#" + p.recovery;
        Resource m = ix.byId(metricId);
        // DynamoDB (ReplicationLatency) and EFS (TimeSinceLastSync, dimensioned by the source file system)
        // publish lag in the source region; S3 (ReplicationLatency), Aurora and RDS in the recovery region
        boolean sourceSide = ReplicaLinks.DDB.equals(r.getResourceType()) || ReplicaLinks.EFS.equals(r.getResourceType());
        String metricRegion = sourceSide ? r.getAwsRegion() : p.recovery;
        Resource probe = m != null ? m : new Resource(LAG_METRIC, metricId, metricId, r.getAccountId(), metricRegion, null, null);
        if (g.missingFor(probe, "cloudwatch")) {
            return Verdict.insufficientData(who + ": cannot read its replication lag to " + p.recovery
                    + " (" + g.why(probe, "cloudwatch") + ").", cp);
        }
        if (m == null) {
            return Verdict.insufficientData(who + ": no replication lag metric to " + p.recovery + " was collected.", cp);
        }
        double window = m.numOr("lookbackMinutes", 0);
        if (window < lookbackMinutes) {
            return Verdict.insufficientData(who + ": the lag metric to " + p.recovery + " covers " + Text.number(window)
                    + " min, less than the " + lookbackMinutes + "-min lookback.", cp);
        }
        Double max = m.num("maxSeconds");
        if (max == null || m.numOr("datapoints", 1) <= 0) {
            return Verdict.insufficientData(who + ": " + m.str("metricName") + " to " + p.recovery
                    + " has no datapoints in the last " + Text.number(window) + " min.", cp);
        }
        String seen = "maximum " + m.str("metricName") + " to " + p.recovery + " over the last " + Text.number(window) + " min was "
                + Text.number(max) + " s";
        if (max <= w.rpoSeconds) return Verdict.compliant(who + ": " + seen + ", within the RPO of " + w.rpoSeconds + " s.", cp);
        return Verdict.nonCompliant(who + ": " + seen + ", above the RPO of " + w.rpoSeconds + " s.", cp);
    }

    /** The service whose collection gap hides the store's replication settings. */
    static String service(Resource r) {
        return Labels.service(r.getResourceType());
    }
}
