package io.failready.rules.data;

import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Arns;
import io.failready.rules.api.BackupPlans;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.ReplicaLinks;
import io.failready.rules.api.Verdict;

import java.util.List;
import java.util.Map;

/**
 * BACKUP_INDEPENDENT_OF_REPLICATION: the decision for one in-scope primary data store in the primary
 * region. Scenarios are checked in the order the rule's DRL header lists them.
 */
public final class BackupIndependentOfReplication {
    private BackupIndependentOfReplication() {}

    public static Verdict decide(Resource r, RegionPair p, DataIndex ix, GapIndex g) {
        String who = Labels.of(r);
        if (g.missing(r.getAccountId(), r.getAwsRegion(), "backup")) {
            return Verdict.insufficientData(who + ": cannot list AWS Backup plans (" + g.why(r.getAccountId(), r.getAwsRegion(), "backup") + ").");
        }
        String weak = null;
        Resource unread = null;
        for (Resource plan : ix.plans(r.getAccountId(), r.getAwsRegion())) {
            // a plan whose selections could not be read may cover this store: only an independent
            // copy found elsewhere decides; otherwise the answer is unknown, not "uncovered"
            if (g.missingFor(plan, "backup")) {
                if (unread == null) unread = plan;
                continue;
            }
            if (!BackupPlans.selects(plan, r)) continue;
            String planName = plan.str("planName") != null ? plan.str("planName") : plan.getResourceName();
            for (Map<String, Object> rule : plan.maps("rules")) {
                for (Object o : list(rule.get("copyActions"))) {
                    if (!(o instanceof Map<?, ?> ca)) continue;
                    String dest = str(ca.get("destinationVaultArn"));
                    String reg = Arns.region(dest);
                    String acct = Arns.account(dest);
                    boolean otherPlace = (reg != null && !reg.equals(r.getAwsRegion())) || (acct != null && !acct.equals(r.getAccountId()));
                    if (otherPlace || lockedOrAirGapped(ix.byId(dest))) {
                        String where = reg != null && !reg.equals(r.getAwsRegion()) ? reg
                                : acct != null && !acct.equals(r.getAccountId()) ? "account " + acct : "a locked vault";
                        return Verdict.compliant(who + " is backed up by plan " + planName + " with a copy to vault "
                                + Arns.shortName(dest) + " in " + where + ".", null);
                    }
                }
                String vaultName = str(rule.get("targetVault"));
                Resource vault = ix.byId("arn:aws:backup:" + plan.getAwsRegion() + ":" + plan.getAccountId() + ":backup-vault:" + vaultName);
                if (vault == null) vault = ix.byName("AWS::Backup::BackupVault", plan.getAccountId(), plan.getAwsRegion(), vaultName);
                if (lockedOrAirGapped(vault)) {
                    return Verdict.compliant(who + " is backed up by plan " + planName + " to vault " + vaultName + ", which is "
                            + (vault.bool("locked") ? "locked" : "logically air-gapped") + ".", null);
                }
                if (weak == null) weak = "plan " + planName + " only to vault " + vaultName + " in " + plan.getAwsRegion();
            }
        }
        if (unread != null) {
            return Verdict.insufficientData(who + ": cannot read backup plan " + unread.getResourceName() + " (" + g.why(unread, "backup") + ").");
        }
        if (weak != null) {
            return Verdict.nonCompliant(who + " is backed up by " + weak + ", which is neither locked nor copied to another region or account.", null);
        }
        boolean replicated = !ReplicaLinks.copiesIn(r, p.recovery, ix).isEmpty();
        return Verdict.nonCompliant(who + (replicated
                ? " relies on replication to " + p.recovery + " alone: no AWS Backup plan covers it, and replication copies deletions and corruption too."
                : " is not covered by any AWS Backup plan, so nothing protects it against deletion or corruption."), null);
    }

    static boolean lockedOrAirGapped(Resource vault) {
        return vault != null && (vault.bool("locked") || "LOGICALLY_AIR_GAPPED_BACKUP_VAULT".equals(vault.str("vaultType")));
    }

    private static List<?> list(Object o) { return o instanceof List<?> l ? l : List.of(); }

    private static String str(Object o) { return o == null ? null : String.valueOf(o); }
}
