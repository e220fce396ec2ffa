package io.failready.rules.security;

import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.Links;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Labels;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.util.Locale;
import java.util.Map;

/**
 * SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION: the decision for one primary copy of an
 * in-scope secret. Scenarios are checked in the order the rule's documentation lists them. Secret
 * values are never read: only names and replication status.
 */
public final class SecretsmanagerSecretAvailableInRecoveryRegion {
    private SecretsmanagerSecretAvailableInRecoveryRegion() {}

    /**
     * Secrets Manager unreadable for the secret (ListSecrets or DescribeSecret) or in the recovery
     * region -> INSUFFICIENT_DATA; a replica there that DescribeSecret reports InSync -> COMPLIANT;
     * Failed / InProgress / any other status -> NON_COMPLIANT with the StatusMessage (a Failed replica
     * because a secret of that name already exists there means an unrelated secret sits in its
     * place); a replica with no reported status -> INSUFFICIENT_DATA; no replica but a secret of the
     * matching name there -> COMPLIANT; neither -> NON_COMPLIANT.
     */
    public static Verdict decide(Resource s, RegionPair p, GapIndex g, Counterparts cps) {
        String rec = p.getRecovery();
        String secret = Labels.of(s);
        if (g.missingFor(s, "secretsmanager") || g.missing(s.getAccountId(), rec, "secretsmanager")) {
            String why = g.missingFor(s, "secretsmanager") ? g.why(s, "secretsmanager") : g.why(s.getAccountId(), rec, "secretsmanager");
            return Verdict.insufficientData(Text.fit(secret + ": cannot tell whether it exists in " + rec + " (" + why + ")."));
        }
        String status = Links.statusIn(s, rec);
        if ("InSync".equals(status)) {
            return Verdict.compliant(Text.fit(secret + " has an InSync replica in " + rec + "."), cps.of(s, rec));
        }
        if (!Links.isBlank(status)) {
            String message = null;
            for (Map<String, Object> st : s.maps("replicationStatus")) {
                if (rec.equals(st.get("region")) && st.get("statusMessage") != null) message = String.valueOf(st.get("statusMessage"));
            }
            if ("Failed".equals(status) && message != null && message.toLowerCase(Locale.ROOT).contains("already exists")) {
                return Verdict.nonCompliant(Text.fit(secret + ": replication to " + rec + " Failed because a secret of that name already"
                        + " exists there; it is an unrelated secret, not a replica (\"" + message + "\")."), cps.of(s, rec));
            }
            return Verdict.nonCompliant(Text.fit(secret + " has a replica in " + rec + " with status " + status + ", not InSync"
                    + (message == null ? "" : " (\"" + message + "\")") + "."), cps.of(s, rec));
        }
        if (status != null) {
            return Verdict.insufficientData(Text.fit(secret + " has a replica in " + rec
                    + " but its replication status was not reported (DescribeSecret was not read)."), cps.of(s, rec));
        }
        if (cps.has(s, rec)) {
            return Verdict.compliant(Text.fit(secret + " has no replica but a secret of the matching name in " + rec + "."), cps.of(s, rec));
        }
        return Verdict.nonCompliant(Text.fit(secret + " has no replica in " + rec + " and no secret of the matching name there."), null);
    }
}
