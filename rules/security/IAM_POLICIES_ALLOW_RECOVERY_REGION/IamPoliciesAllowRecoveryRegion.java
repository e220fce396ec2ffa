package io.failready.rules.security;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.SecurityIndex;
import io.failready.rules.api.SecurityRoleInUse;
import io.failready.rules.api.IamRegionPins;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

/**
 * IAM_POLICIES_ALLOW_RECOVERY_REGION: the decision for one IAM role the workload uses, and for a
 * role in use that is missing from the inventory. Scenarios are checked in the order the rule's
 * documentation lists them.
 */
public final class IamPoliciesAllowRecoveryRegion {
    private IamPoliciesAllowRecoveryRegion() {}

    /**
     * Service-linked -> NOT_APPLICABLE (AWS maintains its policies for every region); IAM unreadable
     * for the role, or a policy document not collected -> INSUFFICIENT_DATA; then
     * {@link IamRegionPins#pin}: nothing pins it -> COMPLIANT, else NON_COMPLIANT with the pinning
     * statement.
     */
    public static Verdict decide(Resource role, RegionPair p, GapIndex g, SecurityIndex ix) {
        String rec = p.getRecovery();
        String name = Labels.of(role);
        if (IamRegionPins.isServiceLinked(role)) {
            return Verdict.notApplicable(name + " is a service-linked role whose policies AWS maintains for every region.");
        }
        String withoutDocument = IamRegionPins.policyWithoutDocument(role);
        if (g.missingFor(role, "iam") || withoutDocument != null) {
            String why = g.missingFor(role, "iam") ? g.why(role, "iam") : "the document of policy " + withoutDocument + " was not collected";
            return Verdict.insufficientData(Text.fit(name + ": cannot tell whether its policies allow " + rec + " (" + why + ")."));
        }
        String pin = IamRegionPins.pin(role, p.getPrimary(), rec);
        if (pin == null) {
            return Verdict.compliant(Text.fit(name + " (used by " + Text.names(ix.roleUsers(role.getResourceId())) + ") has no policy that pins it to "
                    + p.getPrimary() + "; it can act in " + rec + "."), null);
        }
        return Verdict.nonCompliant(Text.fit(name + " is pinned to " + p.getPrimary() + " and cannot act in " + rec + ": " + pin + "."), null);
    }

    /** A role the workload uses is not in the inventory: its policies cannot be read, so never a pass. */
    public static Verdict notInInventory(SecurityRoleInUse u, RegionPair p) {
        return Verdict.insufficientData(Text.fit("IAM role " + u.getRoleArn() + " used by " + u.getUsedBy()
                + " is not in the inventory; cannot tell whether its policies allow " + p.getRecovery() + "."));
    }
}
