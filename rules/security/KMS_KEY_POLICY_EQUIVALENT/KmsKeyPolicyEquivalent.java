package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.SecurityCopyKey;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.KmsKeys;
import io.failready.rules.api.KmsPolicyComparison;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.List;
import java.util.TreeMap;

/**
 * KMS_KEY_POLICY_EQUIVALENT: the decision for one primary-region key that protects in-scope data.
 * Scenarios are checked in the order the rule's documentation lists them.
 */
public final class KmsKeyPolicyEquivalent {
    private KmsKeyPolicyEquivalent() {}

    /**
     * AWS managed -> NOT_APPLICABLE; KMS unreadable for the key or in the recovery region ->
     * INSUFFICIENT_DATA; recovery copies record the keys they use -> compared with those
     * ({@link #copyKeyPolicies}); no candidate twin -> NOT_APPLICABLE (KMS_KEY_AVAILABLE_IN_RECOVERY_REGION
     * reports that); else {@link KmsPolicyComparison#compare} with the same twin that rule names
     * decides. An unparseable policy is INSUFFICIENT_DATA that still names the twin, whose policy may
     * be the one at fault.
     */
    public static Verdict decide(Resource k, RegionPair p, GapIndex g, SecurityIndex ix) {
        String rec = p.getRecovery();
        String key = Labels.of(k);
        if (KmsKeys.isAwsManaged(k)) {
            return Verdict.notApplicable(key + " is AWS managed; its key policy is set by AWS in every region.");
        }
        String gap = KmsKeys.gap(k, rec, g);
        if (gap != null) return Verdict.insufficientData(Text.fit(key + ": cannot compare its key policy with " + rec + " (" + gap + ")."));
        List<SecurityCopyKey> copies = ix.copyKeys(k.getResourceId(), rec);
        if (!copies.isEmpty()) return copyKeyPolicies(k, key, copies, rec, g, ix);
        Resource twin = KmsKeys.twin(ix.counterparts(k, rec));
        if (twin == null) {
            return Verdict.notApplicable(key + " has no counterpart in " + rec
                    + " to compare policies with (see KMS_KEY_AVAILABLE_IN_RECOVERY_REGION).");
        }
        return compared(k, twin, key + " policy differs from its " + rec + " counterpart's: ",
                key + ": cannot compare key policies with " + rec + " because ",
                Verdict.compliant(key + " has a key policy equivalent to its counterpart's in " + rec + ".", twin));
    }

    /**
     * When recovery copies in {@code rec} record the keys they use: the primary key is compared
     * with each distinct customer-managed key they use there (usually exactly one), by ARN; the
     * first that is not equivalent decides (DIFFERENT -> NON_COMPLIANT, unparseable ->
     * INSUFFICIENT_DATA), naming it. A copy key that cannot be looked up because KMS was not listed
     * in its account and region -> INSUFFICIENT_DATA. When the copies use only AWS managed keys or
     * keys not in the inventory -> NOT_APPLICABLE (nothing of ours to compare;
     * KMS_KEY_AVAILABLE_IN_RECOVERY_REGION reports a missing key).
     */
    static Verdict copyKeyPolicies(Resource k, String key, List<SecurityCopyKey> copies, String rec, GapIndex g, SecurityIndex ix) {
        TreeMap<String, Resource> twins = new TreeMap<>();
        for (SecurityCopyKey c : copies) {
            if (c.awsManagedAlias()) continue;
            Resource ck = KmsKeys.named(c.ref(), ix);
            if (ck == null) {
                String why = KmsKeys.lookupGap(c.ref(), c.region(), g);
                if (why != null) {
                    return Verdict.insufficientData(Text.fit(key + ": cannot compare its key policy with KMS key " + KmsKeys.shortRef(c.ref())
                            + " used by " + c.copy() + " (" + why + ")."));
                }
                continue;
            }
            if (!KmsKeys.isAwsManaged(ck)) twins.put(ck.getResourceId(), ck);
        }
        if (twins.isEmpty()) {
            return Verdict.notApplicable(Text.fit(key + ": its recovery copies in " + rec + " use no inventoried customer-managed key"
                    + " to compare policies with (see KMS_KEY_AVAILABLE_IN_RECOVERY_REGION)."));
        }
        for (Resource twin : twins.values()) {
            String theKey = Labels.name(twin) + ", the key its recovery copies use in " + rec;
            Verdict v = compared(k, twin, key + " policy differs from that of " + theKey + ": ",
                    key + ": cannot compare key policies with " + theKey + ", because ", null);
            if (v != null) return v;
        }
        Resource only = twins.size() == 1 ? twins.firstEntry().getValue() : null;
        return Verdict.compliant(Text.fit(key + " has a key policy equivalent to " + (only != null ? "that of " + Labels.name(only) + ", the key"
                : "those of the " + twins.size() + " keys") + " its recovery copies use in " + rec + "."),
                only != null ? only : KmsKeys.twinAmong(k, rec, twins, ix));
    }

    /** The verdict of comparing the key's policy with {@code twin}'s, naming the twin; {@code equivalent} when they match. */
    private static Verdict compared(Resource k, Resource twin, String differs, String unparseable, Verdict equivalent) {
        KmsPolicyComparison.Comparison cmp = KmsPolicyComparison.compare(k, twin);
        return switch (cmp.outcome()) {
            case EQUIVALENT -> equivalent;
            case DIFFERENT -> Verdict.nonCompliant(Text.fit(differs + cmp.getDetail() + "."), twin);
            case UNPARSEABLE -> Verdict.insufficientData(Text.fit(unparseable + cmp.getDetail() + "."), twin);
        };
    }
}
