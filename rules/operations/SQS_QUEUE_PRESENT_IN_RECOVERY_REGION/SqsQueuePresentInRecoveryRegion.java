package io.failready.rules.operations;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Arns;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Verdict;

/**
 * SQS_QUEUE_PRESENT_IN_RECOVERY_REGION: the decision for one in-scope queue in the primary region.
 * Scenarios are checked in the order the rule's documentation lists them.
 */
public final class SqsQueuePresentInRecoveryRegion {
    private SqsQueuePresentInRecoveryRegion() {}

    /** The AWS managed key exists in every region, so naming it never ties a queue to one region. */
    static final String AWS_MANAGED_KEY = "alias/aws/sqs";

    public static Verdict decide(Resource q, RegionPair p, GapIndex g, Counterparts cps) {
        String who = Labels.of(q);
        String rec = p.recovery;
        if (g.missingFor(q, "sqs")) {
            return Verdict.insufficientData(who + ": cannot read its attributes (" + g.why(q, "sqs") + ").");
        }
        Resource c = cps.of(q, rec);
        if (c == null) {
            if (g.missing(q.getAccountId(), rec, "sqs")) {
                return Verdict.insufficientData(who + ": cannot tell whether it exists in " + rec + " (" + g.why(q.getAccountId(), rec, "sqs") + ").");
            }
            return Verdict.nonCompliant(who + " has no counterpart queue in " + rec + ".", null);
        }
        String twin = "its counterpart " + c.getResourceName() + " in " + rec;
        if (g.missingFor(c, "sqs")) {
            return Verdict.insufficientData(who + ": cannot read the attributes of " + twin + " (" + g.why(c, "sqs") + ").", c);
        }
        if (q.bool("fifo") != c.bool("fifo")) {
            return Verdict.nonCompliant(who + " is a " + type(q) + " queue but " + twin + " is a " + type(c)
                    + " queue; producers and consumers cannot switch between them.", c);
        }
        if (q.str("deadLetterTargetArn") != null && c.str("deadLetterTargetArn") == null) {
            return Verdict.nonCompliant(who + " sends failed messages to dead-letter queue " + Arns.shortName(q.str("deadLetterTargetArn"))
                    + ", but " + twin + " has no dead-letter queue.", c);
        }
        String shorter = shorter(q, c, "messageRetentionPeriod", "message retention period");
        if (shorter == null) shorter = shorter(q, c, "visibilityTimeout", "visibility timeout");
        if (shorter != null) return Verdict.nonCompliant(who + ": " + twin + " has a shorter " + shorter + ".", c);
        if (encrypted(q) && !encrypted(c)) {
            return Verdict.nonCompliant(who + " is encrypted (" + encryption(q) + ") but " + twin + " is not encrypted.", c);
        }
        String key = c.str("kmsMasterKeyId");
        String keyRegion = Arns.region(key);
        if (keyRegion != null && !keyRegion.equals(rec)) {
            return Verdict.nonCompliant(who + ": " + twin + " is encrypted with KMS key " + Arns.shortName(key) + " in " + keyRegion
                    + "; SQS can only use a key in the queue's own region.", c);
        }
        return Verdict.compliant(who + " has counterpart " + c.getResourceName() + " in " + rec + " (matched by "
                + cps.matchedBy(q, rec) + "): same type, " + (q.str("deadLetterTargetArn") != null ? "with a dead-letter queue, " : "")
                + "retention and visibility timeout no shorter" + (encrypted(c) ? ", encrypted (" + encryption(c) + ")" : "") + ".", c);
    }

    private static String type(Resource q) { return q.bool("fifo") ? "FIFO" : "standard"; }

    /** "message retention period (3600 s, primary 345600 s)" when the counterpart's value is lower, else null. */
    private static String shorter(Resource q, Resource c, String attr, String label) {
        Double mine = q.num(attr);
        Double theirs = c.num(attr);
        if (mine == null || theirs == null || theirs >= mine) return null;
        return label + " (" + theirs.longValue() + " s, the primary's is " + mine.longValue() + " s)";
    }

    static boolean encrypted(Resource q) { return q.str("kmsMasterKeyId") != null || q.bool("sqsManagedSseEnabled"); }

    private static String encryption(Resource q) {
        String key = q.str("kmsMasterKeyId");
        if (key == null) return "SSE-SQS";
        return "SSE-KMS with " + (AWS_MANAGED_KEY.equals(key) ? "the AWS managed key" : "key " + Arns.shortName(key));
    }
}
