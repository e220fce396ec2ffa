package io.failready.rules.data;

import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Arns;
import io.failready.rules.api.BackupPlans;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Labels;
import io.failready.rules.api.RestoreTestingPlans;
import io.failready.rules.api.Text;
import io.failready.rules.api.Verdict;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * BACKUP_RESTORE_TESTED: the decision for one in-scope primary data store in the primary region.
 * Scenarios are checked in the order the rule's DRL header lists them. Evidence from one copy vault
 * is enough: a COMPLIANT vault outranks an unknown one, which outranks a failing one.
 */
public final class BackupRestoreTested {
    private BackupRestoreTested() {}

    private static final Set<String> FAILED_VALIDATION = Set.of("FAILED", "TIMED_OUT");

    public static Verdict decide(Resource r, RegionPair p, DataIndex ix, GapIndex g, AsOf now, int maxDays) {
        String who = Labels.of(r);
        if (g.missing(r.getAccountId(), r.getAwsRegion(), "backup")) {
            return Verdict.insufficientData(who + ": cannot list AWS Backup plans (" + g.why(r.getAccountId(), r.getAwsRegion(), "backup") + ").");
        }
        boolean protectedByBackup = false;
        Resource unread = null;
        Set<String> copyVaults = new TreeSet<>();
        String planName = null;
        for (Resource plan : ix.plans(r.getAccountId(), r.getAwsRegion())) {
            if (g.missingFor(plan, "backup")) {
                if (unread == null) unread = plan;
                continue;
            }
            if (!BackupPlans.selects(plan, r)) continue;
            protectedByBackup = true;
            if (planName == null) planName = name(plan, "planName");
            for (Map<String, Object> rule : plan.maps("rules")) {
                for (Object o : list(rule.get("copyActions"))) {
                    if (o instanceof Map<?, ?> ca && ca.get("destinationVaultArn") != null
                            && p.recovery.equals(Arns.region(String.valueOf(ca.get("destinationVaultArn"))))) {
                        copyVaults.add(String.valueOf(ca.get("destinationVaultArn")));
                    }
                }
            }
        }
        if (copyVaults.isEmpty() && unread != null) {
            return Verdict.insufficientData(who + ": cannot read backup plan " + unread.getResourceName() + " (" + g.why(unread, "backup") + ").");
        }
        if (!protectedByBackup) {
            return Verdict.notApplicable(who + " is not protected by AWS Backup: no backup plan in " + r.getAwsRegion() + " selects it.");
        }
        if (copyVaults.isEmpty()) {
            return Verdict.nonCompliant(who + " is backed up by plan " + planName + ", but no copy action puts a copy in " + p.recovery
                    + ", so no restore there can be tested" + primaryOnly(r, ix, g) + ".", null);
        }
        Verdict unknown = null;
        Verdict failing = null;
        for (String vault : copyVaults) {
            Verdict v = judgeVault(who, r, p, vault, ix, g, now, maxDays);
            switch (v.type()) {
                case COMPLIANT -> { return v; }
                case INSUFFICIENT_DATA -> { if (unknown == null) unknown = v; }
                default -> { if (failing == null) failing = v; }
            }
        }
        return unknown != null ? unknown : failing;
    }

    /** The evidence of restore testing in the recovery region for the copy held in {@code vault}. */
    private static Verdict judgeVault(String who, Resource r, RegionPair p, String vault, DataIndex ix, GapIndex g, AsOf now, int maxDays) {
        String account = Arns.account(vault);
        String where = account.equals(r.getAccountId()) ? p.recovery : account + "/" + p.recovery;
        String vaultName = Arns.shortName(vault);
        CollectionGap listing = g.whyGap(listingOf(account, p.recovery), "backup");
        if (listing != null) {
            return Verdict.insufficientData(who + ": cannot list restore testing plans in " + where + " (" + GapIndex.describe(listing) + ").");
        }
        List<Resource> covering = new ArrayList<>();
        Resource unread = null;
        for (Resource plan : ix.restoreTestingPlans(account, p.recovery)) {
            boolean gap = g.missingFor(plan, "backup");
            boolean selects = RestoreTestingPlans.selection(plan, r) != null;
            Boolean draws = RestoreTestingPlans.drawsFrom(plan, vault);
            if (selects && Boolean.TRUE.equals(draws)) covering.add(plan);
            else if ((gap || draws == null) && unread == null) unread = plan;
        }
        for (Resource plan : covering) {
            if (!plan.has("restoreJobs")) {
                return Verdict.insufficientData(who + ": cannot list the restore jobs of restore testing plan " + name(plan, "planName")
                        + " in " + where + " (" + g.why(plan, "backup") + ").");
            }
        }
        if (covering.isEmpty()) {
            if (unread != null) {
                return Verdict.insufficientData(who + ": cannot read restore testing plan " + name(unread, "planName") + " in " + where
                        + " (" + g.why(unread, "backup") + ").");
            }
            return Verdict.nonCompliant(who + ": no restore testing plan in " + where + " selects it and draws from vault " + vaultName
                    + ", where its copy lives" + primaryOnly(r, ix, g) + ".", null);
        }
        List<Job> jobs = new ArrayList<>();
        for (Resource plan : covering) {
            for (Map<String, Object> j : RestoreTestingPlans.jobsFor(plan, r)) {
                Job job = Job.of(j, name(plan, "planName"));
                // a job created or finished after the as-of instant was not known then
                boolean later = (job.created != null && job.created.isAfter(now.getInstant()))
                        || (job.completed != null && job.completed.isAfter(now.getInstant()));
                if (!later) jobs.add(job);
            }
        }
        String plans = String.join(", ", covering.stream().map(pl -> name(pl, "planName")).sorted().toList());
        Job latest = jobs.stream().max(Comparator.comparing(j -> j.created == null ? Instant.MIN : j.created)).orElse(null);
        if (latest == null) {
            return Verdict.nonCompliant(who + ": restore testing plan " + plans + " in " + where + " selects it, but no restore job for it has finished.", null);
        }
        if (!"COMPLETED".equals(latest.status)) {
            return Verdict.nonCompliant(who + ": the latest restore test in " + where + " (plan " + latest.plan + ", " + day(latest.created) + ") "
                    + latest.status + (latest.message == null ? "" : ": " + Text.shorten(latest.message, 90)) + lastSuccess(jobs, now) + ".", null);
        }
        if (latest.validation != null && FAILED_VALIDATION.contains(latest.validation)) {
            return Verdict.nonCompliant(who + ": the latest restore test in " + where + " (plan " + latest.plan + ", " + day(latest.created)
                    + ") restored it, but its validation " + latest.validation
                    + (latest.validationMessage == null ? "" : ": " + Text.shorten(latest.validationMessage, 90)) + ".", null);
        }
        Instant done = latest.completed != null ? latest.completed : latest.created;
        if (done == null) {
            return Verdict.insufficientData(who + ": restore job " + latest.id + " in " + where + " completed but records no date.");
        }
        long age = ChronoUnit.DAYS.between(done, now.getInstant());
        if (age > maxDays) {
            return Verdict.nonCompliant(who + ": the last successful restore test in " + where + " was on " + day(done) + ", " + ago(age)
                    + " (limit " + maxDays + ").", null);
        }
        return Verdict.compliant(who + " was restored by restore testing plan " + latest.plan + " from vault " + vaultName + " in " + where
                + " on " + day(done) + " (" + ago(age) + ", limit " + maxDays + ")"
                + (latest.validation == null ? "" : "; validation " + latest.validation) + ".", null);
    }

    /** ", and restore testing runs only in the primary" when a primary-region plan tests the store: the copy is never what is restored. */
    private static String primaryOnly(Resource r, DataIndex ix, GapIndex g) {
        for (Resource plan : ix.restoreTestingPlans(r.getAccountId(), r.getAwsRegion())) {
            if (!g.missingFor(plan, "backup") && RestoreTestingPlans.selection(plan, r) != null) {
                return "; restore testing plan " + name(plan, "planName") + " tests it only in " + r.getAwsRegion();
            }
        }
        return "";
    }

    private static String lastSuccess(List<Job> jobs, AsOf now) {
        return jobs.stream().filter(j -> "COMPLETED".equals(j.status) && j.completed != null)
                .max(Comparator.comparing(j -> j.completed))
                .map(j -> "; last success " + day(j.completed) + ", " + ago(ChronoUnit.DAYS.between(j.completed, now.getInstant())))
                .orElse("; no successful restore on record");
    }

    /** The id under which the collector files a failed ListRestoreTestingPlans of that account and region. */
    private static Resource listingOf(String account, String region) {
        return new Resource("AWS::Backup::RestoreTestingPlan", "arn:aws:backup:" + region + ":" + account + ":restore-testing-plan:*", "*",
                account, region, Map.of(), Map.of());
    }

    private record Job(String id, String plan, String status, String message, Instant created, Instant completed,
                       String validation, String validationMessage) {
        static Job of(Map<String, Object> j, String plan) {
            return new Job(str(j.get("restoreJobId")), plan, str(j.get("status")), str(j.get("statusMessage")), instant(j.get("creationDate")),
                    instant(j.get("completionDate")), str(j.get("validationStatus")), str(j.get("validationStatusMessage")));
        }
    }

    private static Instant instant(Object o) {
        if (o == null) return null;
        try {
            return Instant.parse(String.valueOf(o));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String ago(long days) { return days == 0 ? "today" : days == 1 ? "1 day ago" : days + " days ago"; }

    private static String day(Instant i) { return i == null ? "undated" : i.toString().substring(0, 10); }

    private static String name(Resource r, String key) { return r.str(key) != null ? r.str(key) : r.getResourceName(); }

    private static List<?> list(Object o) { return o instanceof List<?> l ? l : List.of(); }

    private static String str(Object o) { return o == null ? null : String.valueOf(o); }
}
