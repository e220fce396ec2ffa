package io.failready.rules.data;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.LagAlarms;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * S3_BUCKET_REPLICATION_MONITORED: the decision for one in-scope bucket in the primary region.
 * Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class S3BucketReplicationMonitored {
    private S3BucketReplicationMonitored() {}

    /** S3 replication metrics an alarm may watch; the failure count is the one published in the source region. */
    static final List<String> METRICS = List.of("ReplicationLatency", "BytesPendingReplication", "OperationsPendingReplication",
            "OperationsFailedReplication");
    static final Set<String> SOURCE_REGION_METRICS = Set.of("OperationsFailedReplication");

    public static Verdict decide(Resource b, RegionPair p, DataIndex ix, GapIndex g) {
        String who = Labels.of(b);
        if (g.missingFor(b, "s3")) {
            return Verdict.insufficientData(who + ": cannot read its replication configuration (" + g.why(b, "s3") + ").");
        }
        List<Map<String, Object>> toRecovery = new ArrayList<>();
        boolean unknown = false;
        for (Map<String, Object> rule : ReplicaLinks.enabledS3Rules(b)) {
            String reg = ReplicaLinks.s3DestinationRegion(rule, ix);
            if (p.recovery.equals(reg)) toRecovery.add(rule);
            else if (reg == null) unknown = true;
        }
        if (toRecovery.isEmpty()) {
            if (unknown) return Verdict.insufficientData(who + " replicates to a bucket whose region could not be determined.");
            return Verdict.notApplicable(who + " does not replicate to " + p.recovery + " (see S3_BUCKET_REPLICATED_TO_RECOVERY_REGION).");
        }
        Resource dest = null;
        List<String> missing = new ArrayList<>();
        boolean ruleOk = false;
        for (Map<String, Object> rule : toRecovery) {
            boolean rtc = Boolean.TRUE.equals(rule.get("replicationTimeControl"));
            boolean metrics = Boolean.TRUE.equals(rule.get("metrics"));
            if (dest == null) dest = ix.byId(str(rule.get("destinationBucketArn")));
            if (rtc && metrics) { ruleOk = true; break; }
            if (missing.isEmpty()) {
                if (!metrics) missing.add("replication metrics");
                if (!rtc) missing.add("Replication Time Control");
            }
        }
        // S3 publishes ReplicationLatency and the *Pending* metrics in the destination region and
        // OperationsFailedReplication in the source region, always in the source bucket owner's account:
        // an alarm anywhere else watches a metric that never gets a datapoint.
        String acct = b.getAccountId();
        Resource alarm = null;
        Resource silenced = null;
        Resource misplaced = null;
        for (String metric : METRICS) {
            String home = SOURCE_REGION_METRICS.contains(metric) ? b.getAwsRegion() : p.recovery;
            String away = home.equals(p.recovery) ? b.getAwsRegion() : p.recovery;
            for (Resource a : ix.alarms(acct, home, metric, "SourceBucket", b.getResourceName())) {
                if (alarm == null && LagAlarms.active(a)) alarm = a;
                if (silenced == null && !LagAlarms.active(a)) silenced = a;
            }
            for (Resource a : ix.alarms(acct, away, metric, "SourceBucket", b.getResourceName())) {
                if (misplaced == null) misplaced = a;
            }
        }
        if (ruleOk && alarm != null) {
            return Verdict.compliant(who + " replicates to " + p.recovery + " with Replication Time Control and metrics on; alarm "
                    + alarm.getResourceName() + " in " + alarm.getAwsRegion() + " watches " + alarm.str("metricName") + ".", dest);
        }
        if (alarm == null && ruleOk) {
            for (String r : List.of(p.recovery, b.getAwsRegion())) {
                if (g.missing(acct, r, "cloudwatch")) {
                    return Verdict.insufficientData(who + ": cannot tell whether an alarm watches its replication ("
                            + g.why(acct, r, "cloudwatch") + ").");
                }
            }
        }
        String noAlarm = "no alarm watches ReplicationLatency or *PendingReplication in " + p.recovery
                + " or OperationsFailedReplication in " + b.getAwsRegion();
        String why = silenced != null ? " (alarm " + silenced.getResourceName() + " has its actions disabled)" : "";
        if (silenced == null && misplaced != null) {
            noAlarm = "alarm " + misplaced.getResourceName() + " watches " + misplaced.str("metricName") + " in "
                    + misplaced.getAwsRegion() + ", where S3 does not publish it, and no alarm is where it is published";
        }
        if (!ruleOk) {
            return Verdict.nonCompliant(who + " replicates to " + p.recovery + " without " + String.join(" or ", missing)
                    + (alarm == null ? "; " + noAlarm + why : "") + ".", dest);
        }
        return Verdict.nonCompliant(who + " replicates to " + p.recovery + " but " + noAlarm + why + ".", dest);
    }

    private static String str(Object o) { return o == null ? null : String.valueOf(o); }
}
