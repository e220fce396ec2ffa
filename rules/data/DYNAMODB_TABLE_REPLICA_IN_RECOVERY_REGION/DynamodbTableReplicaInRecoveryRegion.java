package io.failready.rules.data;

import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION: the decision for one in-scope table in the primary
 * region. Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class DynamodbTableReplicaInRecoveryRegion {
    private DynamodbTableReplicaInRecoveryRegion() {}

    public static Verdict decide(Resource t, RegionPair p, DataIndex ix, GapIndex g) {
        String who = Labels.of(t);
        if (g.missingFor(t, "dynamodb")) {
            return Verdict.insufficientData(who + ": cannot read its replicas (" + g.why(t, "dynamodb") + ").");
        }
        List<ReplicaLinks.Copy> copies = ReplicaLinks.copiesIn(t, p.recovery, ix);
        if (copies.isEmpty()) {
            List<String> others = new ArrayList<>();
            for (Map<String, Object> rep : t.maps("replicas")) {
                if (!p.primary.equals(rep.get("regionName"))) others.add(String.valueOf(rep.get("regionName")));
            }
            // a legacy (2017.11.29) global table shows its replicas only through ListGlobalTables: when that
            // listing failed, "no replica" is a guess, and a guess is not a finding
            CollectionGap legacy = t.maps("replicas").isEmpty() && !t.has("globalTableVersion")
                    ? g.resourceTypeGap(t.getAccountId(), t.getAwsRegion(), "AWS::DynamoDB::GlobalTable") : null;
            if (legacy != null) {
                return Verdict.insufficientData(who + " shows no replica, but whether it belongs to a legacy global table is unknown ("
                        + legacy.getErrorCode() + " on dynamodb:" + legacy.getOperation() + ").");
            }
            return Verdict.nonCompliant(who + (others.isEmpty() ? " is not a global table and has no replica in " + p.recovery + "."
                    : " has no replica in " + p.recovery + " (replicas: " + String.join(", ", others) + ")."), null);
        }
        ReplicaLinks.Copy c = copies.get(0);
        if (c.status() == null || c.status().isEmpty()) {
            return Verdict.insufficientData(who + " has a replica in " + p.recovery + " whose status was not reported.");
        }
        if ("ACTIVE".equals(c.status())) {
            return Verdict.compliant(who + " has an ACTIVE replica in " + p.recovery + ".", c.resource());
        }
        return Verdict.nonCompliant(who + " has a replica in " + p.recovery + " with status " + c.status() + ", not ACTIVE.", c.resource());
    }
}
