package io.failready.collect.aws.backup;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.KeyValue;
import software.amazon.awssdk.services.backup.model.RestoreJobsListMember;
import software.amazon.awssdk.services.backup.model.RestoreTestingPlanForList;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * AWS Backup restore testing ({@code AWS::Backup::RestoreTestingPlan}): each plan of this region with
 * the vaults and recovery point types it draws from, its selections (protected resource type, ARNs
 * or {@code "*"} with tag conditions), and the restore jobs it started. Restore testing plans are
 * regional and their jobs run in the plan's region, so the plans of the recovery region say
 * whether the copy that a failover would restore is ever test-restored there.
 *
 * <p>Restore jobs: ListRestoreJobs filtered by the plan's ARN, every page; per source resource only
 * the latest finished job (COMPLETED, FAILED or ABORTED) and the latest COMPLETED one are kept,
 * which is all a judgement of "restored successfully lately" needs. Jobs still PENDING or RUNNING
 * prove nothing yet and are dropped.
 *
 * <p>Gaps: a failed listing names {@link BackupCollector#RESTORE_TESTING_PLAN} with the id
 * {@code arn:aws:backup:<region>:<account>:restore-testing-plan:*}, not the whole service, so
 * restore testing unread does not hide the region's backup plans; a failed detail call names the
 * plan, which stays in the snapshot with what was read.
 */
final class RestoreTesting {
    private RestoreTesting() {}

    private static final Set<String> FINISHED = Set.of("COMPLETED", "FAILED", "ABORTED");

    static void collect(CollectionContext ctx, BackupClient backup) {
        String type = BackupCollector.RESTORE_TESTING_PLAN;
        ctx.callFor("backup:ListRestoreTestingPlans", type, ctx.arn("backup", "restore-testing-plan:*"),
                        () -> backup.listRestoreTestingPlansPaginator(b -> { }).restoreTestingPlans().stream().toList())
                .ifPresent(plans -> plans.forEach(p -> plan(ctx, backup, p)));
    }

    private static void plan(CollectionContext ctx, BackupClient backup, RestoreTestingPlanForList p) {
        String type = BackupCollector.RESTORE_TESTING_PLAN;
        String arn = p.restoreTestingPlanArn();
        String name = p.restoreTestingPlanName();
        Map<String, Object> config = new LinkedHashMap<>(Attrs.map("planName", name));
        ctx.callFor("backup:GetRestoreTestingPlan", type, arn, () -> backup.getRestoreTestingPlan(b -> b.restoreTestingPlanName(name)).restoreTestingPlan())
                .ifPresent(plan -> {
                    var rps = plan.recoveryPointSelection();
                    if (rps != null) {
                        config.putAll(Attrs.map("algorithm", rps.algorithmAsString(),
                                "includeVaults", rps.includeVaults(), "excludeVaults", rps.excludeVaults(),
                                "recoveryPointTypes", rps.recoveryPointTypesAsStrings(), "selectionWindowDays", rps.selectionWindowDays()));
                    }
                });
        List<Map<String, Object>> selections = new ArrayList<>();
        var list = ctx.callFor("backup:ListRestoreTestingSelections", type, arn,
                () -> backup.listRestoreTestingSelectionsPaginator(b -> b.restoreTestingPlanName(name)).restoreTestingSelections().stream().toList());
        for (var s : list.orElse(List.of())) {
            ctx.callFor("backup:GetRestoreTestingSelection", type, arn, () -> backup.getRestoreTestingSelection(
                            b -> b.restoreTestingPlanName(name).restoreTestingSelectionName(s.restoreTestingSelectionName())).restoreTestingSelection())
                    .ifPresent(sel -> {
                        var cond = sel.protectedResourceConditions();
                        selections.add(Attrs.map("name", sel.restoreTestingSelectionName(), "protectedResourceType", sel.protectedResourceType(),
                                "protectedResourceArns", sel.protectedResourceArns(),
                                "stringEquals", cond == null ? null : Attrs.list(cond.stringEquals(), RestoreTesting::keyValue),
                                "stringNotEquals", cond == null ? null : Attrs.list(cond.stringNotEquals(), RestoreTesting::keyValue)));
                    });
        }
        config.put("selections", selections);
        ctx.callFor("backup:ListRestoreJobs", type, arn,
                        () -> backup.listRestoreJobsPaginator(b -> b.byRestoreTestingPlanArn(arn)).restoreJobs().stream().toList())
                .ifPresent(jobs -> config.put("restoreJobs", latestJobs(jobs)));
        ctx.add(type, arn, name, Map.of(), config);
    }

    private static Map<String, Object> keyValue(KeyValue kv) { return Attrs.map("key", kv.key(), "value", kv.value()); }

    /** Per source resource, the latest finished job and the latest COMPLETED one (the same job when it is both), sorted by source. */
    static List<Map<String, Object>> latestJobs(List<RestoreJobsListMember> jobs) {
        Map<String, RestoreJobsListMember> latest = new TreeMap<>();
        Map<String, RestoreJobsListMember> completed = new TreeMap<>();
        Comparator<RestoreJobsListMember> byCreation = Comparator.comparing(j -> j.creationDate() == null ? Instant.MIN : j.creationDate());
        for (RestoreJobsListMember j : jobs) {
            if (j.sourceResourceArn() == null || !FINISHED.contains(j.statusAsString())) continue;
            latest.merge(j.sourceResourceArn(), j, (a, b) -> byCreation.compare(a, b) >= 0 ? a : b);
            if ("COMPLETED".equals(j.statusAsString())) completed.merge(j.sourceResourceArn(), j, (a, b) -> byCreation.compare(a, b) >= 0 ? a : b);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (var e : latest.entrySet()) {
            out.add(job(e.getValue()));
            RestoreJobsListMember ok = completed.get(e.getKey());
            if (ok != null && ok != e.getValue()) out.add(job(ok));
        }
        return out;
    }

    private static Map<String, Object> job(RestoreJobsListMember j) {
        return Attrs.map("restoreJobId", j.restoreJobId(), "sourceResourceArn", j.sourceResourceArn(), "resourceType", j.resourceType(),
                "status", j.statusAsString(), "statusMessage", j.statusMessage(),
                "creationDate", j.creationDate() == null ? null : j.creationDate().toString(),
                "completionDate", j.completionDate() == null ? null : j.completionDate().toString(),
                "validationStatus", j.validationStatusAsString(), "validationStatusMessage", j.validationStatusMessage(),
                "backupVaultArn", j.backupVaultArn(), "createdResourceArn", j.createdResourceArn());
    }
}
