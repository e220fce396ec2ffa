package io.failready.collect.aws.backup;

import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.tooling.AwsStub;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.EU_WEST_1;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.ids;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.FaultKind.SERVER_ERROR;
import static io.failready.tooling.AwsStub.FaultKind.THROTTLE;
import static io.failready.tooling.AwsStub.FaultKind.UNKNOWN_OPERATION;
import static io.failready.tooling.AwsStub.op;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * AWS Backup restore testing over HTTP against {@link AwsStub}: plans, selections and restore jobs
 * from every page; per source resource only the latest finished and latest completed job kept;
 * failures as gaps that name the restore testing plan type, never the whole backup service.
 */
class BackupCollectorTest {
    static final List<String> REGIONS = List.of(US_EAST_1, EU_WEST_1);
    static final String TYPE = BackupCollector.RESTORE_TESTING_PLAN;
    static final String MONTHLY = "arn:aws:backup:eu-west-1:111111111111:restore-testing-plan:monthly_restores-8d1f";
    static final String PITR = "arn:aws:backup:eu-west-1:111111111111:restore-testing-plan:pitr_only-77aa";
    static final String LEDGER = "arn:aws:dynamodb:us-east-1:111111111111:table/payments-ledger";
    static final String RECEIPTS = "arn:aws:s3:::payments-receipts";
    static final String DAILY = "arn:aws:backup:us-east-1:111111111111:backup-plan:plan-1";

    @Test
    void plansSelectionsAndTheLatestJobsPerResourceFromEveryPage() {
        try (AwsStub stub = AwsStub.start("BackupCollectorTest")) {
            Snapshot s = run(stub, REGIONS, new BackupCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(List.of(MONTHLY, PITR), ids(s, TYPE), "the second page of plans is read");
            Resource monthly = resource(s, TYPE, MONTHLY);
            assertEquals(EU_WEST_1, monthly.getAwsRegion());
            assertEquals("monthly_restores", monthly.str("planName"));
            assertEquals(List.of("arn:aws:backup:eu-west-1:111111111111:backup-vault:payments-euw1"), monthly.list("includeVaults"));
            assertEquals(List.of("SNAPSHOT"), monthly.list("recoveryPointTypes"));
            List<Map<String, Object>> sels = monthly.maps("selections");
            assertEquals(List.of("ledger", "tagged_buckets"), sels.stream().map(m -> m.get("name")).toList(), "second page of selections");
            assertEquals(List.of(LEDGER), sels.get(0).get("protectedResourceArns"));
            assertEquals(List.of(Map.of("key", "aws:ResourceTag/restore-test", "value", "monthly")), sels.get(1).get("stringEquals"));
            assertEquals(List.of(Map.of("key", "aws:ResourceTag/env", "value", "dev")), sels.get(1).get("stringNotEquals"));
            // receipts: the RUNNING job proves nothing yet; the ledger: latest FAILED plus the latest COMPLETED, not the older one
            assertEquals(List.of("rj-ledger-3 FAILED", "rj-ledger-2 COMPLETED", "rj-receipts-1 COMPLETED"),
                    monthly.maps("restoreJobs").stream().map(j -> j.get("restoreJobId") + " " + j.get("status")).toList());
            Map<String, Object> failed = monthly.maps("restoreJobs").get(0);
            assertEquals("Restore failed: KMS key is disabled", failed.get("statusMessage"));
            assertEquals("2025-11-28T07:00:00Z", failed.get("creationDate"));
            assertEquals("TIMED_OUT", monthly.maps("restoreJobs").get(2).get("validationStatus"));
            assertEquals(List.of("CONTINUOUS"), resource(s, TYPE, PITR).list("recoveryPointTypes"));
            assertEquals(List.of(), resource(s, TYPE, PITR).maps("restoreJobs"), "read, and none");
            assertEquals(2, stub.calls().stream().filter(c -> c.action().equals("backup:ListRestoreJobs")
                    && c.path().contains("restore-jobs") && c.query().contains("monthly_restores")).count(), "two pages of jobs, filtered by plan");
        }
    }

    @Test
    void deniedRestoreTestingListingIsAGapOnThePlanTypeAndBackupPlansAreStillRead() {
        try (AwsStub stub = AwsStub.start("BackupCollectorTest")) {
            stub.fault(op("backup:ListRestoreTestingPlans", US_EAST_1), ACCESS_DENIED);
            stub.fault(op("backup:ListRestoreTestingPlans", EU_WEST_1), UNKNOWN_OPERATION);
            Snapshot s = run(stub, REGIONS, new BackupCollector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 backup ListRestoreTestingPlans arn:aws:backup:eu-west-1:111111111111:restore-testing-plan:* UnknownOperationException",
                    ACCOUNT + " us-east-1 backup ListRestoreTestingPlans arn:aws:backup:us-east-1:111111111111:restore-testing-plan:* AccessDeniedException"),
                    gaps(s).stream().sorted().toList());
            assertTrue(s.getCollectionGaps().stream().allMatch(g -> TYPE.equals(g.getResourceType())), "scoped to the type, not service-wide");
            assertEquals(List.of(DAILY), ids(s, BackupCollector.PLAN));
            assertEquals(List.of(), ids(s, TYPE));
        }
    }

    @Test
    void failedJobListingKeepsThePlanWithJobsUnknownAndThrottlingIsRetried() {
        try (AwsStub stub = AwsStub.start("BackupCollectorTest")) {
            stub.fault(op("backup:ListRestoreJobs", EU_WEST_1), SERVER_ERROR);
            stub.fault(op("backup:GetRestoreTestingSelection", EU_WEST_1), THROTTLE, 2, 0);
            Snapshot s = run(stub, REGIONS, new BackupCollector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 backup ListRestoreJobs " + MONTHLY + " InternalFailure",
                    ACCOUNT + " eu-west-1 backup ListRestoreJobs " + PITR + " InternalFailure"), gaps(s).stream().sorted().toList());
            Resource monthly = resource(s, TYPE, MONTHLY);
            assertFalse(monthly.has("restoreJobs"), "unknown, not empty");
            assertEquals(2, monthly.maps("selections").size(), "throttled selection reads retried");
        }
    }
}
