package io.failready.rules.data;

import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DataIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the fixtures do not show one scenario at a time: several copy vaults, other accounts, clocks, engines. */
class BackupRestoreTestedTest {
    static final AsOf NOW = new AsOf(Instant.parse("2026-11-01T00:00:00Z"));
    static final String TABLE = "arn:aws:dynamodb:us-east-1:111111111111:table/orders";
    static final String HERE = "arn:aws:backup:eu-west-1:111111111111:backup-vault:dr";
    static final String VAULT_ACCOUNT = "444455556666";
    static final String ISOLATED = "arn:aws:backup:eu-west-1:" + VAULT_ACCOUNT + ":backup-vault:isolated";

    static Resource table() { return resource("AWS::DynamoDB::Table", TABLE, "orders", PRIMARY); }

    static Resource backupPlan(String... copyTo) {
        List<Map<String, Object>> copies = java.util.Arrays.stream(copyTo).map(v -> Map.<String, Object>of("destinationVaultArn", v)).toList();
        return resource("AWS::Backup::BackupPlan", "arn:aws:backup:us-east-1:111111111111:backup-plan:daily", "daily", PRIMARY,
                "planName", "daily", "selections", List.of(Map.of("resources", List.of(TABLE))),
                "rules", List.of(Map.of("targetVault", "main", "copyActions", copies)));
    }

    static Resource restorePlan(String account, String name, String type, String arn, List<Map<String, Object>> jobs) {
        Resource r = new Resource("AWS::Backup::RestoreTestingPlan", "arn:aws:backup:eu-west-1:" + account + ":restore-testing-plan:" + name, name,
                account, RECOVERY, Map.of(), io.failready.rules.api.TestFacts.config("planName", name, "includeVaults", List.of("*"),
                "recoveryPointTypes", List.of("SNAPSHOT"), "restoreJobs", jobs,
                "selections", List.of(Map.of("protectedResourceType", type, "protectedResourceArns", List.of(arn)))));
        r.setInScope(true);
        return r;
    }

    static Map<String, Object> job(String status, String at) {
        return Map.of("restoreJobId", "rj", "sourceResourceArn", TABLE, "status", status, "creationDate", at, "completionDate", at);
    }

    private static Verdict decide(GapIndex g, Resource subject, Resource... others) {
        List<Resource> all = new java.util.ArrayList<>(List.of(others));
        all.add(0, subject);
        return BackupRestoreTested.decide(subject, PAIR, new DataIndex(all), g, NOW, 35);
    }

    @Test
    void aTestedCopyInOneVaultOutranksAVaultWhoseRestoreTestingIsUnreadable() {
        CollectionGap denied = new CollectionGap(VAULT_ACCOUNT, RECOVERY, "backup", "ListRestoreTestingPlans", "AWS::Backup::RestoreTestingPlan",
                "arn:aws:backup:eu-west-1:" + VAULT_ACCOUNT + ":restore-testing-plan:*", "AccessDeniedException", "denied");
        Resource tested = restorePlan(ACCOUNT, "monthly", "DynamoDB", TABLE, List.of(job("COMPLETED", "2026-10-25T00:00:00Z")));
        Verdict v = decide(gaps(denied), table(), backupPlan(ISOLATED, HERE), tested);
        assertEquals(ComplianceType.COMPLIANT, v.type(), v.annotation());
        Verdict onlyDenied = decide(gaps(denied), table(), backupPlan(ISOLATED));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, onlyDenied.type(), onlyDenied.annotation());
        assertTrue(onlyDenied.annotation().contains("cannot list restore testing plans in " + VAULT_ACCOUNT + "/eu-west-1"), onlyDenied.annotation());
    }

    @Test
    void aCopyInAnotherAccountIsTestedByThatAccountsPlansNotByThisOnes() {
        Resource mine = restorePlan(ACCOUNT, "monthly", "DynamoDB", TABLE, List.of(job("COMPLETED", "2026-10-25T00:00:00Z")));
        Verdict v = decide(NO_GAPS, table(), backupPlan(ISOLATED), mine);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("no restore testing plan in " + VAULT_ACCOUNT + "/eu-west-1 selects it"), v.annotation());
        Resource theirs = restorePlan(VAULT_ACCOUNT, "monthly", "DynamoDB", TABLE, List.of(job("COMPLETED", "2026-10-25T00:00:00Z")));
        assertEquals(ComplianceType.COMPLIANT, decide(NO_GAPS, table(), backupPlan(ISOLATED), theirs).type());
    }

    @Test
    void aJobAfterTheAsOfInstantDidNotHappenYetAndAFailureBeforeItStillCounts() {
        Resource plan = restorePlan(ACCOUNT, "monthly", "DynamoDB", TABLE,
                List.of(job("FAILED", "2026-10-30T00:00:00Z"), job("COMPLETED", "2026-11-05T00:00:00Z"),
                        Map.of("restoreJobId", "rj-late", "sourceResourceArn", TABLE, "status", "COMPLETED",
                                "creationDate", "2026-10-31T23:00:00Z", "completionDate", "2026-11-01T02:00:00Z")));
        Verdict v = decide(NO_GAPS, table(), backupPlan(HERE), plan);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("FAILED; no successful restore on record"), v.annotation());
    }

    @Test
    void aMultiAzDbClusterIsAnRdsProtectedResourceAndAnAuroraClusterIsNot() {
        String arn = "arn:aws:rds:us-east-1:111111111111:cluster:ledger";
        Resource plan = new Resource("AWS::Backup::BackupPlan", "arn:aws:backup:us-east-1:111111111111:backup-plan:db", "db", ACCOUNT, PRIMARY, Map.of(),
                Map.of("selections", List.of(Map.of("resources", List.of(arn))), "rules", List.of(Map.of("copyActions", List.of(Map.of("destinationVaultArn", HERE))))));
        Map<String, Object> done = Map.of("restoreJobId", "rj", "sourceResourceArn", arn, "status", "COMPLETED",
                "creationDate", "2026-10-25T00:00:00Z", "completionDate", "2026-10-25T01:00:00Z");
        Resource rdsPlan = restorePlan(ACCOUNT, "rds", "RDS", arn, List.of(done));
        Resource multiAz = resource("AWS::RDS::DBCluster", arn, "ledger", PRIMARY, "engine", "postgres");
        assertEquals(ComplianceType.COMPLIANT, decide(NO_GAPS, multiAz, plan, rdsPlan).type());
        Resource aurora = resource("AWS::RDS::DBCluster", arn, "ledger", PRIMARY, "engine", "aurora-postgresql");
        assertEquals(ComplianceType.NON_COMPLIANT, decide(NO_GAPS, aurora, plan, rdsPlan).type());
    }

    @Test
    void anUndatedCompletedJobIsUnknownNotRecent() {
        Resource plan = restorePlan(ACCOUNT, "monthly", "DynamoDB", TABLE,
                List.of(Map.of("restoreJobId", "rj-x", "sourceResourceArn", TABLE, "status", "COMPLETED", "completionDate", "yesterday")));
        Verdict v = decide(NO_GAPS, table(), backupPlan(HERE), plan);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type(), v.annotation());
    }
}
