package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.SecurityCopyKey;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.SecurityKeyCounterpart;
import io.failready.rules.api.SecurityKeyReference;
import io.failready.rules.api.KmsKeys;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * KMS_KEY_AVAILABLE_IN_RECOVERY_REGION: the decision for one primary-region key that protects
 * in-scope data, and for a data store's key reference that names no inventoried key. Scenarios are
 * checked in the order the rule's documentation lists them.
 */
public final class KmsKeyAvailableInRecoveryRegion {
    private KmsKeyAvailableInRecoveryRegion() {}

    /**
     * Recovery copies in the recovery region record the keys they use -> those keys decide
     * ({@link #copyKeysAvailable}); else AWS managed -> NOT_APPLICABLE (AWS provides its key in every
     * region); KMS unreadable for the key or in the recovery region -> INSUFFICIENT_DATA; no
     * candidate twin -> NON_COMPLIANT; else the best candidate ({@link KmsKeys#bestCounterpart})
     * decides: Enabled -> COMPLIANT, any other state -> NON_COMPLIANT, naming it either way.
     */
    public static Verdict decide(Resource k, RegionPair p, GapIndex g, SecurityIndex ix) {
        String rec = p.getRecovery();
        String key = Labels.of(k);
        String users = Text.names(ix.dataProtectedBy(k.getResourceId()));
        List<SecurityCopyKey> copies = ix.copyKeys(k.getResourceId(), rec);
        if (!copies.isEmpty()) return copyKeysAvailable(k, key + " protecting " + users, copies, rec, g, ix);
        if (KmsKeys.isAwsManaged(k)) {
            return Verdict.notApplicable(key + " is AWS managed; the service provides its own key in " + rec + ".");
        }
        String gap = KmsKeys.gap(k, rec, g);
        if (gap != null) return Verdict.insufficientData(Text.fit(key + ": cannot tell whether it has a counterpart in " + rec + " (" + gap + ")."));
        SecurityKeyCounterpart best = KmsKeys.bestCounterpart(ix.counterparts(k, rec));
        if (best == null) {
            return Verdict.nonCompliant(Text.fit(key + " protecting " + users + " has no multi-Region replica and no alias-matched key in " + rec + "."), null);
        }
        Resource twin = best.counterpart;
        if ("Enabled".equals(twin.str("keyState"))) {
            return Verdict.compliant(Text.fit(key + " protecting " + users + " has an Enabled counterpart in " + rec + " ("
                    + best.getMatchedBy() + ")."), twin);
        }
        return Verdict.nonCompliant(Text.fit(key + " protecting " + users + " has its counterpart in " + rec + " in state "
                + twin.str("keyState") + ", not Enabled."), twin);
    }

    /**
     * When recovery copies in {@code rec} of the data the key protects record the key they use:
     * every such key must resolve (key ARN, key id or alias) to an inventoried key in {@code rec}
     * that is Enabled; AWS managed keys are fine. Any other state, a key outside {@code rec}, or a
     * key not found while KMS there was listed -> NON_COMPLIANT naming the first such copy and key;
     * else a key that cannot be looked up (KMS not listed in the copy's account and region) or whose
     * state was not read -> INSUFFICIENT_DATA; else COMPLIANT. The counterpart is the offending key,
     * or the one customer-managed key the copies use, or - when they use several - the key's own
     * twin (replica, alias match) if it is one of them.
     */
    static Verdict copyKeysAvailable(Resource k, String subject, List<SecurityCopyKey> copies, String rec, GapIndex g, SecurityIndex ix) {
        List<String> bad = new ArrayList<>();
        Resource badKey = null;
        String unknown = null;
        TreeMap<String, Resource> used = new TreeMap<>();
        boolean managed = false;
        for (SecurityCopyKey c : copies) {
            if (c.awsManagedAlias()) { managed = true; continue; }
            Resource ck = KmsKeys.named(c.ref(), ix);
            String uses = c.copy() + " uses KMS key ";
            if (ck == null) {
                String why = KmsKeys.lookupGap(c.ref(), c.region(), g);
                if (why == null) bad.add(uses + KmsKeys.shortRef(c.ref()) + ", which is not in the inventory of " + c.region());
                else if (unknown == null) unknown = uses + KmsKeys.shortRef(c.ref()) + ", which cannot be looked up (" + why + ")";
                continue;
            }
            if (KmsKeys.isAwsManaged(ck)) { managed = true; continue; }
            String state = ck.str("keyState");
            if (!rec.equals(ck.getAwsRegion())) {
                bad.add(uses + Labels.name(ck) + " in " + ck.getAwsRegion() + ", not in " + rec);
                if (badKey == null) badKey = ck;
            } else if (state != null && !"Enabled".equals(state)) {
                bad.add(uses + Labels.name(ck) + " in state " + state + ", not Enabled");
                if (badKey == null) badKey = ck;
            } else if (state == null) {
                if (unknown == null) unknown = uses + Labels.name(ck) + ", whose state was not read"
                        + (g.missingFor(ck, "kms") ? " (" + g.why(ck, "kms") + ")" : "");
            } else {
                used.put(ck.getResourceId(), ck);
            }
        }
        if (!bad.isEmpty()) {
            return Verdict.nonCompliant(Text.fit(subject + ": " + bad.get(0) + (bad.size() > 1 ? " (and " + (bad.size() - 1) + " more)" : "") + "."), badKey);
        }
        if (unknown != null) return Verdict.insufficientData(Text.fit(subject + ": " + unknown + "."));
        Resource single = used.size() == 1 ? used.firstEntry().getValue() : null;
        Resource named = single != null ? single : KmsKeys.twinAmong(k, rec, used, ix);
        String what = single != null ? Labels.of(single) + ", Enabled" : used.isEmpty() ? "" : used.size() + " Enabled keys";
        if (managed) what = what.isEmpty() ? "AWS managed keys" : what + ", and AWS managed keys";
        return Verdict.compliant(Text.fit(subject + ": its recovery copies in " + rec + " use " + what + "."), named);
    }

    /**
     * A data store names a key that is not in the inventory of {@code p}'s primary region: never a
     * pass, since the key's counterpart cannot be checked.
     */
    public static Verdict keyNotInInventory(SecurityKeyReference r, RegionPair p, GapIndex g) {
        String acct = r.getAccountId();
        String why = g.missing(acct, p.getPrimary(), "kms") ? g.why(acct, p.getPrimary(), "kms") : "not found in the collected keys";
        return Verdict.insufficientData(Text.fit("KMS key " + r.getRef() + " used by " + r.getUser().getResourceName() + " is not in the inventory of "
                + p.getPrimary() + " (" + why + "); its counterpart in " + p.getRecovery() + " cannot be checked."));
    }
}
