package io.failready.rules.data;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Verdict;

import java.util.List;

/**
 * DYNAMODB_TABLE_PITR_BOTH_REGIONS: the decision for one in-scope table in the primary region.
 * Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class DynamodbTablePitrBothRegions {
    private DynamodbTablePitrBothRegions() {}

    public static Verdict decide(Resource t, RegionPair p, DataIndex ix, GapIndex g) {
        String who = Labels.of(t);
        if (g.missingFor(t, "dynamodb")) {
            return Verdict.insufficientData(who + ": cannot read its backup settings (" + g.why(t, "dynamodb") + ").");
        }
        List<ReplicaLinks.Copy> copies = ReplicaLinks.copiesIn(t, p.recovery, ix);
        if (copies.isEmpty()) {
            return Verdict.notApplicable(who + " has no replica in " + p.recovery + " (see DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION).");
        }
        Resource rep = ReplicaLinks.firstSeen(copies);
        if (rep == null) {
            String why = g.missing(t.getAccountId(), p.recovery, "dynamodb") ? " (" + g.why(t.getAccountId(), p.recovery, "dynamodb") + ")"
                    : " (the replica table was not collected)";
            return Verdict.insufficientData(who + ": cannot read the point-in-time recovery setting of its " + p.recovery + " replica" + why + ".");
        }
        if (g.missingFor(rep, "dynamodb")) {
            return Verdict.insufficientData(who + ": cannot read the point-in-time recovery setting of its "
                    + p.recovery + " replica (" + g.why(rep, "dynamodb") + ").", rep);
        }
        if (!t.has("pitr") || !rep.has("pitr")) {
            return Verdict.insufficientData(who + ": the point-in-time recovery setting was not collected in "
                    + (!t.has("pitr") ? p.primary : p.recovery) + ".", rep);
        }
        boolean here = t.bool("pitr");
        boolean there = rep.bool("pitr");
        if (here && there) {
            return Verdict.compliant(who + " has point-in-time recovery on in " + p.primary + " and in its " + p.recovery + " replica.", rep);
        }
        String off = !here && !there ? "in " + p.primary + " and in its " + p.recovery + " replica"
                : !here ? "in " + p.primary + " (its " + p.recovery + " replica has it on)" : "in its " + p.recovery + " replica";
        return Verdict.nonCompliant(who + " has point-in-time recovery off " + off + ".", rep);
    }
}
