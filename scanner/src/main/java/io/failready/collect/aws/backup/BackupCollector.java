package io.failready.collect.aws.backup;

import io.failready.collect.Attrs;
import io.failready.collect.CollectionContext;
import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.BackupPlansListMember;
import software.amazon.awssdk.services.backup.model.BackupSelectionsListMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * AWS Backup plans ({@code AWS::Backup::BackupPlan}, with rules, copy actions and selections) and
 * vaults ({@code AWS::Backup::BackupVault}). ListBackupVaults already returns {@code Locked} and
 * {@code VaultType}, so no per-vault DescribeBackupVault follows.
 *
 * <p>AWS calls / IAM actions: {@code backup:ListBackupPlans}, {@code backup:GetBackupPlan},
 * {@code backup:ListBackupSelections}, {@code backup:GetBackupSelection}, {@code backup:ListBackupVaults}; for restore
 * testing plans ({@code AWS::Backup::RestoreTestingPlan}, see {@link RestoreTesting}) {@code backup:ListRestoreTestingPlans},
 * {@code backup:GetRestoreTestingPlan}, {@code backup:ListRestoreTestingSelections}, {@code backup:GetRestoreTestingSelection},
 * {@code backup:ListRestoreJobs}.
 */
public final class BackupCollector implements Collector {
    public static final String PLAN = "AWS::Backup::BackupPlan";
    public static final String VAULT = "AWS::Backup::BackupVault";
    public static final String RESTORE_TESTING_PLAN = "AWS::Backup::RestoreTestingPlan";

    static final CollectorDescriptor DESCRIPTOR = CollectorDescriptor.of("backup", BackupClient.class, BackupClient::builder)
            .operations("GetBackupPlan", "GetBackupSelection", "GetRestoreTestingPlan", "GetRestoreTestingSelection", "ListBackupPlans",
                    "ListBackupSelections", "ListBackupVaults", "ListRestoreJobs", "ListRestoreTestingPlans", "ListRestoreTestingSelections")
            .writes(PLAN, "backup plan")
            .writes(VAULT, "backup vault")
            .writes(RESTORE_TESTING_PLAN, "restore testing plan")
            .regions(BackupClient::serviceMetadata)
            .build();

    @Override public CollectorDescriptor descriptor() { return DESCRIPTOR; }

    @Override public void collect(CollectionContext ctx) {
        BackupClient backup = ctx.client(BackupClient.class);
        ctx.call("backup:ListBackupPlans", () -> backup.listBackupPlansPaginator(b -> { }).backupPlansList().stream().toList())
                .ifPresent(plans -> plans.forEach(p -> plan(ctx, backup, p)));
        ctx.call("backup:ListBackupVaults", () -> backup.listBackupVaultsPaginator(b -> { }).backupVaultList().stream().toList())
                .ifPresent(vaults -> vaults.forEach(v -> ctx.add(VAULT, v.backupVaultArn(), v.backupVaultName(), Map.of(),
                        Attrs.map("vaultName", v.backupVaultName(), "locked", Boolean.TRUE.equals(v.locked()),
                                "vaultType", v.vaultTypeAsString() == null ? "BACKUP_VAULT" : v.vaultTypeAsString()))));
        RestoreTesting.collect(ctx, backup);
    }

    private static void plan(CollectionContext ctx, BackupClient backup, BackupPlansListMember p) {
        String arn = p.backupPlanArn();
        var detail = ctx.callFor("backup:GetBackupPlan", PLAN, arn, () -> backup.getBackupPlan(b -> b.backupPlanId(p.backupPlanId())).backupPlan());
        if (detail.isEmpty()) return;
        var rules = Attrs.list(detail.get().rules(), r -> Attrs.map("ruleName", r.ruleName(), "targetVault", r.targetBackupVaultName(),
                "copyActions", Attrs.list(r.copyActions(), c -> Attrs.map("destinationVaultArn", c.destinationBackupVaultArn()))));
        List<Map<String, Object>> selections = new ArrayList<>();
        var list = ctx.callFor("backup:ListBackupSelections", PLAN, arn,
                () -> backup.listBackupSelectionsPaginator(b -> b.backupPlanId(p.backupPlanId())).backupSelectionsList().stream().toList());
        for (BackupSelectionsListMember s : list.orElse(List.of())) {
            ctx.callFor("backup:GetBackupSelection", PLAN, arn,
                    () -> backup.getBackupSelection(b -> b.backupPlanId(p.backupPlanId()).selectionId(s.selectionId())).backupSelection())
                    .ifPresent(sel -> selections.add(Attrs.map("name", sel.selectionName(), "resources", sel.resources(),
                            "notResources", sel.notResources(),
                            "tags", Attrs.list(sel.listOfTags(), t -> Attrs.map("key", t.conditionKey(), "value", t.conditionValue())))));
        }
        ctx.add(PLAN, arn, p.backupPlanName(), Map.of(), Attrs.map("planName", p.backupPlanName(), "rules", rules, "selections", selections));
    }
}
