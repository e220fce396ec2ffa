package io.failready.collect;

import io.failready.tooling.AwsStub;
import com.fasterxml.jackson.databind.JsonNode;
import io.failready.cli.FailReady;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static io.failready.tooling.AwsStub.FaultKind.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Faults during collection, end to end: `failready scan --config` through the CLI, the real SDK and
 * role assumption, against the AWS-protocol stub serving a small two-account estate
 * (aws-replies/ReadyEstate, config fault-scan/ready-estate.yaml) that is READY when nothing fails.
 * Each scenario injects one kind of fault and checks that the scan finishes (within its deadline when
 * one is set), every gap is listed in report.json, exactly the evaluations that depended on the
 * missing data are INSUFFICIENT_DATA, nothing else changed, nothing became COMPLIANT, and the verdict
 * is UNKNOWN (exit 4; `gate --allow-unknown` exits 0), never READY.
 *
 * <p>Evaluations are written "RULE account/region resourceId" as in the report.
 */
class FaultInjectionScanTest {
    static final String A = TestAws.ACCOUNT, B = TestAws.ACCOUNT_B, E = TestAws.US_EAST_1, W = TestAws.EU_WEST_1;
    /** Judge the drill date (2026-05-12 in the config) as of this instant, so the baseline never ages. */
    static final String AS_OF = "2026-06-01T00:00:00Z";

    /** The estate with no fault: "OUTCOME RULE account/region resourceId". */
    static final String BASELINE = """
            COMPLIANT ACCOUNT_RECOVERY_REGION_ENABLED 111111111111/eu-west-1 111111111111
            COMPLIANT ACCOUNT_RECOVERY_REGION_ENABLED 222222222222/eu-west-1 222222222222
            NOT_APPLICABLE BACKUP_RESTORE_TESTED 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
            NOT_APPLICABLE BACKUP_RESTORE_TESTED 111111111111/us-east-1 arn:aws:s3:::orders-data
            COMPLIANT CLOUDTRAIL_LOGGING_IN_RECOVERY_REGION 111111111111/eu-west-1 111111111111
            COMPLIANT CLOUDTRAIL_LOGGING_IN_RECOVERY_REGION 222222222222/eu-west-1 222222222222
            COMPLIANT CONFIG_NO_PRIMARY_REGION_REFERENCES 111111111111/eu-west-1 arn:aws:ssm:eu-west-1:111111111111:parameter/orders/table
            COMPLIANT CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
            COMPLIANT CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 111111111111/us-east-1 111111111111
            COMPLIANT CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            COMPLIANT CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 222222222222/us-east-1 222222222222
            NOT_APPLICABLE DATA_RESIDENCY_RECOVERY_REGION_APPROVED 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
            NOT_APPLICABLE DATA_RESIDENCY_RECOVERY_REGION_APPROVED 111111111111/us-east-1 arn:aws:s3:::orders-data
            COMPLIANT DR_DRILL_RECENT 111111111111/us-east-1 workload/orders
            COMPLIANT DYNAMODB_RECOVERY_CAPACITY_SUFFICIENT 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
            COMPLIANT DYNAMODB_TABLE_PITR_BOTH_REGIONS 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
            COMPLIANT DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
            COMPLIANT GUARDDUTY_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
            COMPLIANT GUARDDUTY_ENABLED_IN_BOTH_REGIONS 111111111111/us-east-1 111111111111
            COMPLIANT GUARDDUTY_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            COMPLIANT GUARDDUTY_ENABLED_IN_BOTH_REGIONS 222222222222/us-east-1 222222222222
            COMPLIANT KMS_KEY_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:key/mrk-orders
            COMPLIANT KMS_KEY_POLICY_EQUIVALENT 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:key/mrk-orders
            NOT_APPLICABLE REGION_SWITCH_PLAN_READY 111111111111/global workload/orders
            COMPLIANT RUNBOOKS_DEFINED 111111111111/us-east-1 workload/orders
            COMPLIANT S3_BUCKET_REPLICATED_TO_RECOVERY_REGION 111111111111/us-east-1 arn:aws:s3:::orders-data
            COMPLIANT SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:secretsmanager:us-east-1:111111111111:secret:orders/db-AbCdEf
            COMPLIANT SECURITYHUB_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
            COMPLIANT SECURITYHUB_ENABLED_IN_BOTH_REGIONS 111111111111/us-east-1 111111111111
            COMPLIANT SECURITYHUB_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            COMPLIANT SECURITYHUB_ENABLED_IN_BOTH_REGIONS 222222222222/us-east-1 222222222222
            COMPLIANT SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 111111111111/eu-west-1 111111111111
            COMPLIANT SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 222222222222/eu-west-1 222222222222
            COMPLIANT SSM_PARAMETERS_PRESENT_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:ssm:us-east-1:111111111111:parameter/orders/table
            COMPLIANT WORKLOAD_DR_STRATEGY_MEETS_RTO 111111111111/us-east-1 workload/orders
            COMPLIANT WORKLOAD_RECOVERY_OBJECTIVES_DEFINED 111111111111/us-east-1 workload/orders
            """;

    @TempDir Path tmp;

    // ---------------------------------------------------------------------------------------------

    @Test
    void baselineWithoutFaultsIsReady() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            Result r = scan(stub);
            assertEquals(0, r.exit, r::output);
            assertEquals("READY", r.verdict());
            assertEquals(List.of(), r.gaps());
            assertEquals(baseline(), r.outcomes());
            assertEquals(List.of(), stub.faulted());
        }
    }

    @Test
    void throttlingStormOnOneServiceInOneRegion() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.service().equals("secretsmanager") && c.region().equals(E), THROTTLE);
            // 5 s per attempt: the SDK's throttling back-off must fit in the call budget, or the gap
            // says Timeout (the retries were cut) instead of ThrottlingException
            Result r = scan(stub, "--call-timeout", "5s");
            assertEquals(List.of(
                    A + " us-east-1 secretsmanager ListSecrets ThrottlingException",
                    B + " us-east-1 secretsmanager ListSecrets ThrottlingException"), r.gaps());
            // a throttle is retried past the other failures' attempts, until the call's budget is spent
            assertTrue(stub.faulted().size() > 2L * ClientFactory.MAX_ATTEMPTS, "every attempt was throttled, and retried: " + stub.faulted().size());
            // the secret was never listed: before the fix this scan said READY
            assertFailsClosed(r, stub, 30_000, """
                    SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:secretsmanager:us-east-1:111111111111:*
                    SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:secretsmanager:us-east-1:222222222222:*
                    """);
        }
    }

    @Test
    void repliesSlowerThanTheCallTimeoutAreTimeoutGaps() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.service().equals("kms") && c.region().equals(E), SLOW, Integer.MAX_VALUE, 5_000);
            Result r = scan(stub, "--call-timeout", "1s");
            assertEquals(List.of(A + " us-east-1 kms ListKeys Timeout", B + " us-east-1 kms ListKeys Timeout"), r.gaps());
            // KMS keys protecting the table and the secret were never listed in the primary region
            assertFailsClosed(r, stub, 20_000, """
                    KMS_KEY_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:alias/orders
                    KMS_KEY_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:key/mrk-orders
                    KMS_KEY_AVAILABLE_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:kms:us-east-1:222222222222:*
                    KMS_KEY_POLICY_EQUIVALENT 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:*
                    KMS_KEY_POLICY_EQUIVALENT 222222222222/us-east-1 arn:aws:kms:us-east-1:222222222222:*
                    """);
        }
    }

    @Test
    void unreadableDetectorIsUnknownNotDisabled() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            // ListDetectors works but GetDetector (GET /detector/{id}) is denied in one account and region:
            // a detector whose status cannot be read must not read as "no detector"
            stub.fault(c -> c.service().equals("guardduty") && c.path().matches(".*/detector/[^/]+") && c.account().equals(A)
                    && c.region().equals(W), ACCESS_DENIED);
            Result r = scan(stub);
            assertEquals(List.of(A + " eu-west-1 guardduty GetDetector AccessDeniedException"), r.gaps());
            assertFailsClosed(r, stub, 20_000, """
                    GUARDDUTY_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
                    """);
        }
    }

    @Test
    void connectionResetsAreGaps() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.service().equals("dynamodb") && c.region().equals(W), CONNECTION_RESET);
            Result r = scan(stub);
            assertEquals(List.of(A + " eu-west-1 dynamodb ListTables ClientError", B + " eu-west-1 dynamodb ListTables ClientError"), r.gaps());
            // the replica table was never read: its PITR and capacity are unknown (its ACTIVE status
            // comes from the primary table's own description, which was read, so that stays COMPLIANT)
            assertFailsClosed(r, stub, 20_000, """
                    DYNAMODB_RECOVERY_CAPACITY_SUFFICIENT 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
                    DYNAMODB_TABLE_PITR_BOTH_REGIONS 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
                    """);
        }
    }

    @Test
    void accessDeniedOnEveryCallInOneAccount() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.account().equals(B) && !c.service().equals("sts"), ACCESS_DENIED);
            Result r = scan(stub);
            for (String g : r.gaps()) assertTrue(g.startsWith(B + " ") && (g.endsWith(" AccessDenied") || g.endsWith(" AccessDeniedException")
                    || g.endsWith(" SeeGlobal")), g);
            assertFailsClosed(r, stub, 20_000, DENIED_ACCOUNT);
        }
    }

    @Test
    void accessDeniedOnAssumeRoleInOneAccount() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.action().equals("sts:AssumeRole") && c.params().getOrDefault("RoleArn", "").contains(B), ACCESS_DENIED);
            Result r = scan(stub);
            assertEquals(List.of(B + " eu-west-1 * AssumeRole AccessDenied", B + " global * AssumeRole AccessDenied",
                    B + " us-east-1 * AssumeRole AccessDenied"), r.gaps());
            assertTrue(stub.calls().stream().noneMatch(c -> c.account().equals(B)), "nothing was sent as account B");
            // as above, and B's IAM roles are unknown too
            assertFailsClosed(r, stub, 20_000, DENIED_ACCOUNT + """
                    IAM_POLICIES_ALLOW_RECOVERY_REGION 222222222222/global arn:aws:iam::222222222222:*
                    REGION_SWITCH_PLAN_READY 222222222222/us-east-1 arn:aws:arcregionswitch:us-east-1:222222222222:*
                    """);
        }
    }

    @Test
    void accessDeniedOnEveryCallInOneRegion() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.region().equals(W) && !c.service().equals("sts"), ACCESS_DENIED);
            Result r = scan(stub);
            for (String g : r.gaps()) assertTrue(g.contains(" eu-west-1 ") && (g.endsWith(" AccessDenied") || g.endsWith(" AccessDeniedException")), g);
            assertFailsClosed(r, stub, 20_000, RECOVERY_REGION_UNREADABLE);
        }
    }

    /**
     * An unreachable regional endpoint. `--endpoint-url` (like AWS_ENDPOINT_URL) sends every region to
     * one endpoint, so one region cannot be routed to a closed port; the stub emulates the outage by
     * answering every call signed for eu-west-1 with a 500 (and the SDK retries each one).
     * {@link #awsUnreachableAltogetherStillWritesAnUnknownReportWithTheGaps} covers a real refused connection.
     */
    @Test
    void unreachableRecoveryRegionEndpoint() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.region().equals(W) && !c.service().equals("sts"), SERVER_ERROR);
            Result r = scan(stub);
            for (String g : r.gaps()) {
                assertTrue(g.contains(" eu-west-1 ") && (g.endsWith(" InternalFailure") || g.endsWith(" InternalError")
                        || g.endsWith(" * * RegionUnreachable")), g);
            }
            // the region answered nothing: said once per account, and given up on after a few calls (RegionHealth)
            assertTrue(r.gaps().contains(A + " eu-west-1 * * RegionUnreachable") && r.gaps().contains(B + " eu-west-1 * * RegionUnreachable"),
                    () -> String.join("\n", r.gaps()));
            long calls = stub.calls().stream().filter(c -> c.region().equals(W) && !c.service().equals("sts")).count();
            assertTrue(calls <= 2L * (RegionHealth.FAILED_CALLS + CollectRequest.DEFAULT_CONCURRENCY) * ClientFactory.MAX_ATTEMPTS,
                    () -> calls + " calls to the unreachable region: " + stub.callsByOperation());
            assertFailsClosed(r, stub, 30_000, RECOVERY_REGION_UNREADABLE);
        }
    }

    /**
     * AWS answering nothing at all (a refused connection on every call, sts:GetCallerIdentity included)
     * is no user error: the scan still writes every requested format, with a gap for the unanswered
     * GetCallerIdentity and for every declared account (its AssumeRole, service "*", in each region),
     * every evaluation that needed AWS data INSUFFICIENT_DATA, verdict UNKNOWN, exit 4, and one line
     * on stderr saying AWS did not answer and where the report is. Connection refused is not retried
     * for minutes. Before, the scan exited 4 without any report.
     */
    @Test
    void awsUnreachableAltogetherStillWritesAnUnknownReportWithTheGaps() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) { closed = s.getLocalPort(); }
        StringWriter o = new StringWriter(), e = new StringWriter();
        long t0 = System.nanoTime();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan", "--config", config().toString(),
                "--endpoint-url", "http://127.0.0.1:" + closed, "--call-timeout", "1s", "--as-of", AS_OF,
                "--out", tmp.toString(), "--format", "json,html,junit,md,csv");
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(4, exit, () -> o + "\n" + e); // nothing could be read: UNKNOWN, not an internal error
        // "not retried for minutes": ~3 s here when idle; the bound leaves room for a cold JVM compiling
        // the rules on a loaded 2-core CI machine (seen at 31 s as the first test of the run)
        assertTrue(ms < 60_000, "took " + ms + " ms");
        for (String f : List.of("report.json", "report.html", "junit.xml", "summary.md", "evaluations.csv")) {
            assertTrue(Files.exists(tmp.resolve(f)), f + " was not written\n" + o + e);
        }
        List<String> err = e.toString().strip().lines().toList();
        assertEquals(1, err.size(), e::toString);
        assertTrue(err.get(0).startsWith("failready: AWS did not answer (sts:GetCallerIdentity: ConnectionFailed)")
                && err.get(0).contains(tmp.resolve("report.json").toString()), e::toString);

        Result r = new Result(exit, o.toString(), e.toString(), Json.MAPPER.readTree(tmp.resolve("report.json").toFile()), ms);
        assertEquals("UNKNOWN", r.verdict());
        List<String> expected = new ArrayList<>(List.of("unknown us-east-1 sts GetCallerIdentity ConnectionFailed"));
        for (String acct : List.of(A, B)) for (String where : List.of("eu-west-1", "global", "us-east-1")) {
            expected.add(acct + " " + where + " * AssumeRole ConnectionFailed");
        }
        assertEquals(expected.stream().sorted().toList(), r.gaps());
        // every evaluation of the estate's data is INSUFFICIENT_DATA (in place or as the account's
        // wildcard); only the configuration's own rules (workload/...) are judged
        Map<String, String> outcomes = r.outcomes();
        for (var b : baseline().entrySet()) {
            String[] k = b.getKey().split(" ");
            if (k[2].startsWith("workload/")) continue;
            String service = k[2].startsWith("arn:aws:") ? k[2].split(":")[2] : null;
            String wildcard = service == null ? null
                    : k[0] + " " + k[1] + " arn:aws:" + service + ":" + k[1].split("/")[1] + ":" + k[1].split("/")[0] + ":*";
            String got = outcomes.containsKey(b.getKey()) ? outcomes.get(b.getKey()) : outcomes.get(wildcard);
            assertEquals("INSUFFICIENT_DATA", got, b.getKey());
        }
        for (var x : outcomes.entrySet()) {
            if (x.getKey().split(" ")[2].startsWith("workload/")) continue;
            assertEquals("INSUFFICIENT_DATA", x.getValue(), x.getKey());
        }
        assertEquals(4, gate(r, false));
    }

    /**
     * Flags only, no --accounts: with sts:GetCallerIdentity unanswered no account can be known. The
     * report has the workload with no inventory, no evaluation, the top-level gap, and says UNKNOWN.
     */
    @Test
    void awsUnreachableWithNoKnownAccountIsAnUnknownReportWithOnlyTheGap() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) { closed = s.getLocalPort(); }
        StringWriter o = new StringWriter(), e = new StringWriter();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), "scan", "--primary-region", E,
                "--recovery-region", W, "--endpoint-url", "http://127.0.0.1:" + closed, "--call-timeout", "1s",
                "--out", tmp.toString(), "--format", "json,md,junit");
        assertEquals(4, exit, () -> o + "\n" + e);
        assertTrue(e.toString().contains("AWS did not answer (sts:GetCallerIdentity: ConnectionFailed)"), e::toString);
        JsonNode report = Json.MAPPER.readTree(tmp.resolve("report.json").toFile());
        Result r = new Result(exit, o.toString(), e.toString(), report, 0);
        assertEquals("UNKNOWN", r.verdict());
        assertEquals(0, report.path("workloads").get(0).path("evaluations").size());
        assertEquals(List.of("unknown us-east-1 sts GetCallerIdentity ConnectionFailed"), r.gaps());
        assertTrue(Files.readString(tmp.resolve("summary.md")).contains("nothing could be judged"),
                () -> "the summary says why nothing was judged");
        String junit = Files.readString(tmp.resolve("junit.xml"));
        assertTrue(junit.contains("errors=\"1\"") && junit.contains("NOTHING_JUDGED"), () -> "CI must not see a green job with zero tests\n" + junit);
        assertEquals(4, gate(r, false));
        assertEquals(4, gate(r, true), "--allow-unknown cannot turn nothing judged into READY");
    }

    /** Every call (STS included) slower than --call-timeout: the same UNKNOWN report, with Timeout gaps, in bounded time. */
    @Test
    void awsTimingOutOnEveryCallStillWritesAnUnknownReport() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> true, SLOW, Integer.MAX_VALUE, 5_000);
            Result r = scan(stub);
            assertEquals(4, r.exit, r::output);
            assertEquals("UNKNOWN", r.verdict());
            assertTrue(r.gaps().contains("unknown us-east-1 sts GetCallerIdentity Timeout"), () -> String.join("\n", r.gaps()));
            assertTrue(r.stderr().contains("failready: AWS did not answer (sts:GetCallerIdentity: Timeout)"), r::stderr);
            assertTrue(r.millis() < 30_000, "took " + r.millis() + " ms");
            for (var x : r.outcomes().entrySet()) {
                if (!x.getKey().split(" ")[2].startsWith("workload/")) assertEquals("INSUFFICIENT_DATA", x.getValue(), x.getKey());
            }
        }
    }

    @Test
    void credentialsExpiringMidwayLeaveGapsForEverythingAfter() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            // account A's session token expires when it first reaches KMS (tasks run in a fixed order
            // with --concurrency 1): account, CloudTrail, Config, DocumentDB, DynamoDB, EFS, EKS, ElastiCache,
            // EventBridge and GuardDuty were read before
            AtomicBoolean expired = new AtomicBoolean();
            stub.fault(c -> c.account().equals(A) && (expired.get() || (c.service().equals("kms") && expired.compareAndSet(false, true))),
                    EXPIRED_TOKEN);
            Result r = scan(stub, "--concurrency", "1");
            assertFalse(stub.faulted().isEmpty());
            for (String g : r.gaps()) assertTrue(g.startsWith(A + " ") && (g.endsWith(" ExpiredToken") || g.endsWith(" ExpiredTokenException")
                    || g.endsWith(" SeeGlobal")), g);
            assertTrue(r.gaps().contains(A + " us-east-1 kms ListKeys ExpiredTokenException"), () -> String.join("\n", r.gaps()));
            assertTrue(r.gaps().contains(A + " global s3 ListBuckets ExpiredToken"), () -> String.join("\n", r.gaps()));
            assertFailsClosed(r, stub, 20_000, """
                    BACKUP_RESTORE_TESTED 111111111111/us-east-1 arn:aws:rds:us-east-1:111111111111:*
                    BACKUP_RESTORE_TESTED 111111111111/us-east-1 arn:aws:s3:us-east-1:111111111111:*
                    CLOUDWATCH_ALARMS_PRESENT_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:cloudwatch:us-east-1:111111111111:*
                    CONFIG_NO_PRIMARY_REGION_REFERENCES 111111111111/eu-west-1 arn:aws:lambda:eu-west-1:111111111111:*
                    CONFIG_NO_PRIMARY_REGION_REFERENCES 111111111111/eu-west-1 arn:aws:ssm:eu-west-1:111111111111:*
                    DATA_RESIDENCY_RECOVERY_REGION_APPROVED 111111111111/us-east-1 arn:aws:rds:us-east-1:111111111111:*
                    DATA_RESIDENCY_RECOVERY_REGION_APPROVED 111111111111/us-east-1 arn:aws:s3:us-east-1:111111111111:*
                    DEPLOYMENT_VERSION_PARITY 111111111111/us-east-1 arn:aws:lambda:us-east-1:111111111111:*
                    KMS_KEY_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:key/mrk-orders
                    KMS_KEY_POLICY_EQUIVALENT 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:*
                    LAMBDA_RECOVERY_CONCURRENCY_SUFFICIENT 111111111111/us-east-1 arn:aws:lambda:us-east-1:111111111111:*
                    RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION 111111111111/us-east-1 arn:aws:rds:us-east-1:111111111111:*
                    RDS_DATABASE_REPLICATION_MONITORED 111111111111/us-east-1 arn:aws:rds:us-east-1:111111111111:*
                    RDS_RECOVERY_INSTANCE_CLASS_SUFFICIENT 111111111111/us-east-1 arn:aws:rds:us-east-1:111111111111:*
                    S3_BUCKET_REPLICATED_TO_RECOVERY_REGION 111111111111/us-east-1 arn:aws:s3:us-east-1:111111111111:*
                    SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:secretsmanager:us-east-1:111111111111:*
                    SECURITYHUB_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
                    SECURITYHUB_ENABLED_IN_BOTH_REGIONS 111111111111/us-east-1 111111111111
                    SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 111111111111/eu-west-1 111111111111
                    SNS_TOPIC_PRESENT_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:sns:us-east-1:111111111111:*
                    SQS_QUEUE_PRESENT_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:sqs:us-east-1:111111111111:*
                    SSM_PARAMETERS_PRESENT_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:ssm:us-east-1:111111111111:*
                    VPC_NETWORK_PARITY_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:ec2:us-east-1:111111111111:*
                    """);
        }
    }

    @Test
    void scanDeadlineTurnsUnfinishedWorkIntoScanTimeoutGaps() throws Exception {
        try (AwsStub stub = AwsStub.start("ReadyEstate")) {
            stub.fault(c -> c.region().equals(W) && !c.service().equals("sts"), SLOW, Integer.MAX_VALUE, 4_000);
            Result r = scan(stub, "--scan-timeout", "2s", "--call-timeout", "10s");
            // what did not finish depends on scheduling (eight workers are held by eu-west-1 calls);
            // nothing in eu-west-1 can finish, so those gaps and what depends on them are certain
            for (String g : r.gaps()) assertTrue(g.endsWith(" * ScanTimeout"), g);
            for (String account : List.of(A, B)) {
                for (String svc : List.of("config", "dynamodb", "guardduty", "kms", "secretsmanager", "securityhub", "servicequotas", "ssm")) {
                    assertTrue(r.gaps().contains(account + " eu-west-1 " + svc + " * ScanTimeout"), account + " " + svc + "\n" + r.gaps());
                }
            }
            assertFailsClosed(r, stub, 2_000 + 15_000, null);
            Map<String, String> o = r.outcomes();
            for (String key : """
                    CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
                    CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
                    DYNAMODB_RECOVERY_CAPACITY_SUFFICIENT 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
                    DYNAMODB_TABLE_PITR_BOTH_REGIONS 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
                    GUARDDUTY_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
                    GUARDDUTY_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
                    SECURITYHUB_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
                    SECURITYHUB_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
                    SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 111111111111/eu-west-1 111111111111
                    SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 222222222222/eu-west-1 222222222222
                    CONFIG_NO_PRIMARY_REGION_REFERENCES 111111111111/eu-west-1 arn:aws:ssm:eu-west-1:111111111111:*
                    """.strip().lines().toList()) {
                assertEquals("INSUFFICIENT_DATA", o.get(key), key);
            }
        }
    }

    // ---------------------------------------------------------------------------------------------

    /** Every evaluation of account B (all its calls denied), and the bucket replicating into B. */
    static final String DENIED_ACCOUNT = """
            ACCOUNT_RECOVERY_REGION_ENABLED 222222222222/eu-west-1 222222222222
            ACM_CERTIFICATE_AVAILABLE_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:acm:us-east-1:222222222222:*
            APIGATEWAY_CUSTOM_DOMAIN_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:apigateway:us-east-1:222222222222:*
            AUTOSCALING_RECOVERY_CAPACITY_SUFFICIENT 222222222222/us-east-1 arn:aws:autoscaling:us-east-1:222222222222:*
            BACKUP_RESTORE_TESTED 222222222222/us-east-1 arn:aws:dynamodb:us-east-1:222222222222:*
            BACKUP_RESTORE_TESTED 222222222222/us-east-1 arn:aws:rds:us-east-1:222222222222:*
            BACKUP_RESTORE_TESTED 222222222222/us-east-1 arn:aws:s3:us-east-1:222222222222:*
            CLOUDFRONT_ORIGIN_FAILOVER_CONFIGURED 222222222222/global arn:aws:cloudfront::222222222222:*
            CLOUDTRAIL_LOGGING_IN_RECOVERY_REGION 222222222222/eu-west-1 222222222222
            CLOUDWATCH_ALARMS_PRESENT_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:cloudwatch:us-east-1:222222222222:*
            CONFIG_NO_PRIMARY_REGION_REFERENCES 222222222222/eu-west-1 arn:aws:lambda:eu-west-1:222222222222:*
            CONFIG_NO_PRIMARY_REGION_REFERENCES 222222222222/eu-west-1 arn:aws:ssm:eu-west-1:222222222222:*
            CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 222222222222/us-east-1 222222222222
            DATA_RESIDENCY_RECOVERY_REGION_APPROVED 222222222222/us-east-1 arn:aws:dynamodb:us-east-1:222222222222:*
            DATA_RESIDENCY_RECOVERY_REGION_APPROVED 222222222222/us-east-1 arn:aws:rds:us-east-1:222222222222:*
            DATA_RESIDENCY_RECOVERY_REGION_APPROVED 222222222222/us-east-1 arn:aws:s3:us-east-1:222222222222:*
            DEPLOYMENT_VERSION_PARITY 222222222222/us-east-1 arn:aws:ecs:us-east-1:222222222222:*
            DEPLOYMENT_VERSION_PARITY 222222222222/us-east-1 arn:aws:lambda:us-east-1:222222222222:*
            DR_DRILL_RECENT 111111111111/us-east-1 workload/orders
            DYNAMODB_RECOVERY_CAPACITY_SUFFICIENT 222222222222/us-east-1 arn:aws:dynamodb:us-east-1:222222222222:*
            DYNAMODB_TABLE_PITR_BOTH_REGIONS 222222222222/us-east-1 arn:aws:dynamodb:us-east-1:222222222222:*
            DYNAMODB_TABLE_REPLICA_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:dynamodb:us-east-1:222222222222:*
            ECR_REPOSITORY_REPLICATED_TO_RECOVERY_REGION 222222222222/us-east-1 arn:aws:ecr:us-east-1:222222222222:*
            ECS_RECOVERY_CAPACITY_SUFFICIENT 222222222222/us-east-1 arn:aws:ecs:us-east-1:222222222222:*
            EFS_FILE_SYSTEM_REPLICATED_TO_RECOVERY_REGION 222222222222/us-east-1 arn:aws:efs:us-east-1:222222222222:*
            EKS_RECOVERY_CAPACITY_SUFFICIENT 222222222222/us-east-1 arn:aws:eks:us-east-1:222222222222:*
            ELASTICACHE_GLOBAL_DATASTORE_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:elasticache:us-east-1:222222222222:*
            ELB_LOAD_BALANCER_READY_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:elasticloadbalancingv2:us-east-1:222222222222:*
            EVENTBRIDGE_RULES_PRESENT_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:eventbridge:us-east-1:222222222222:*
            GUARDDUTY_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            GUARDDUTY_ENABLED_IN_BOTH_REGIONS 222222222222/us-east-1 222222222222
            KMS_KEY_AVAILABLE_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:kms:us-east-1:222222222222:*
            KMS_KEY_POLICY_EQUIVALENT 222222222222/us-east-1 arn:aws:kms:us-east-1:222222222222:*
            LAMBDA_RECOVERY_CONCURRENCY_SUFFICIENT 222222222222/us-east-1 arn:aws:lambda:us-east-1:222222222222:*
            RDS_DATABASE_REPLICATED_TO_RECOVERY_REGION 222222222222/us-east-1 arn:aws:rds:us-east-1:222222222222:*
            RDS_DATABASE_REPLICATION_MONITORED 222222222222/us-east-1 arn:aws:rds:us-east-1:222222222222:*
            RDS_RECOVERY_INSTANCE_CLASS_SUFFICIENT 222222222222/us-east-1 arn:aws:rds:us-east-1:222222222222:*
            REGION_SWITCH_PLAN_READY 111111111111/global workload/orders
            S3_BUCKET_REPLICATED_TO_RECOVERY_REGION 111111111111/us-east-1 arn:aws:s3:::orders-data
            S3_BUCKET_REPLICATED_TO_RECOVERY_REGION 222222222222/us-east-1 arn:aws:s3:us-east-1:222222222222:*
            SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:secretsmanager:us-east-1:222222222222:*
            SECURITYHUB_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            SECURITYHUB_ENABLED_IN_BOTH_REGIONS 222222222222/us-east-1 222222222222
            SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 222222222222/eu-west-1 222222222222
            SNS_TOPIC_PRESENT_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:sns:us-east-1:222222222222:*
            SQS_QUEUE_PRESENT_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:sqs:us-east-1:222222222222:*
            SSM_PARAMETERS_PRESENT_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:ssm:us-east-1:222222222222:*
            VPC_NETWORK_PARITY_IN_RECOVERY_REGION 222222222222/us-east-1 arn:aws:ec2:us-east-1:222222222222:*
            """;

    /** Nothing in eu-west-1 could be read, in either account. */
    static final String RECOVERY_REGION_UNREADABLE = """
            CONFIG_NO_PRIMARY_REGION_REFERENCES 111111111111/eu-west-1 arn:aws:lambda:eu-west-1:111111111111:*
            CONFIG_NO_PRIMARY_REGION_REFERENCES 111111111111/eu-west-1 arn:aws:ssm:eu-west-1:111111111111:*
            CONFIG_NO_PRIMARY_REGION_REFERENCES 222222222222/eu-west-1 arn:aws:lambda:eu-west-1:222222222222:*
            CONFIG_NO_PRIMARY_REGION_REFERENCES 222222222222/eu-west-1 arn:aws:ssm:eu-west-1:222222222222:*
            CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
            CONFIG_RECORDER_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            DR_DRILL_RECENT 111111111111/us-east-1 workload/orders
            DYNAMODB_RECOVERY_CAPACITY_SUFFICIENT 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
            DYNAMODB_TABLE_PITR_BOTH_REGIONS 111111111111/us-east-1 arn:aws:dynamodb:us-east-1:111111111111:table/orders
            GUARDDUTY_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
            GUARDDUTY_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            KMS_KEY_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:key/mrk-orders
            KMS_KEY_POLICY_EQUIVALENT 111111111111/us-east-1 arn:aws:kms:us-east-1:111111111111:key/mrk-orders
            S3_BUCKET_REPLICATED_TO_RECOVERY_REGION 111111111111/us-east-1 arn:aws:s3:::orders-data
            SECRETSMANAGER_SECRET_AVAILABLE_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:secretsmanager:us-east-1:111111111111:secret:orders/db-AbCdEf
            SECURITYHUB_ENABLED_IN_BOTH_REGIONS 111111111111/eu-west-1 111111111111
            SECURITYHUB_ENABLED_IN_BOTH_REGIONS 222222222222/eu-west-1 222222222222
            SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 111111111111/eu-west-1 111111111111
            SERVICE_QUOTAS_RECOVERY_REGION_SUFFICIENT 222222222222/eu-west-1 222222222222
            SSM_PARAMETERS_PRESENT_IN_RECOVERY_REGION 111111111111/us-east-1 arn:aws:ssm:us-east-1:111111111111:parameter/orders/table
            """;

    /**
     * The fail-closed contract of a scan that met faults:
     * <ul>
     *   <li>it finished within {@code maxMillis} and wrote its report;</li>
     *   <li>every call the stub answered with a fault left a gap in report.json (same account,
     *       service and operation, or the whole service at the deadline);</li>
     *   <li>the INSUFFICIENT_DATA evaluations are exactly {@code insufficient} (when given);</li>
     *   <li>every other evaluation is as in the baseline: no new COMPLIANT, nothing else changed; a
     *       baseline evaluation may only disappear when its resource was never read, and then the same
     *       rule says INSUFFICIENT_DATA for that service in that account;</li>
     *   <li>verdict UNKNOWN, exit 4, and `gate --allow-unknown` on the report exits 0.</li>
     * </ul>
     */
    void assertFailsClosed(Result r, AwsStub stub, long maxMillis, String insufficient) {
        assertTrue(r.millis < maxMillis, "took " + r.millis + " ms");
        for (AwsStub.Faulted f : stub.faulted()) {
            if (f.call().service().equals("sts")) continue;
            assertTrue(r.hasGapFor(f.call()), () -> "no gap for faulted call " + f + "\n" + String.join("\n", r.gaps()));
        }
        Map<String, String> outcomes = r.outcomes();
        Set<String> lacking = outcomes.entrySet().stream().filter(e -> e.getValue().equals("INSUFFICIENT_DATA"))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
        if (insufficient != null) assertEquals(new TreeSet<>(insufficient.strip().lines().toList()), lacking);
        Map<String, String> baseline = baseline();
        for (var e : outcomes.entrySet()) {
            if (e.getValue().equals("INSUFFICIENT_DATA")) continue;
            assertEquals(baseline.get(e.getKey()), e.getValue(), "changed or new without a fault to explain it: " + e.getKey());
        }
        for (var e : baseline.entrySet()) {
            if (outcomes.containsKey(e.getKey())) continue;
            String[] k = e.getKey().split(" ");   // RULE account/region resourceId
            String service = k[2].startsWith("arn:aws:") ? k[2].split(":")[2] : "?";
            String wildcard = k[0] + " " + k[1] + " arn:aws:" + service + ":" + k[1].split("/")[1] + ":" + k[1].split("/")[0] + ":*";
            assertEquals("INSUFFICIENT_DATA", outcomes.get(wildcard), "vanished without an INSUFFICIENT_DATA in its place: " + e.getKey());
        }
        assertEquals("UNKNOWN", r.verdict(), r::output);
        assertEquals(4, r.exit, r::output);
        assertEquals(4, gate(r, false));
        assertEquals(0, gate(r, true));
    }

    int gate(Result r, boolean allowUnknown) {
        List<String> args = new ArrayList<>(List.of("gate", "--report", tmp.resolve("report.json").toString()));
        if (allowUnknown) args.add("--allow-unknown");
        return FailReady.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), args.toArray(String[]::new));
    }

    static Map<String, String> baseline() {
        Map<String, String> m = new TreeMap<>();
        for (String l : BASELINE.strip().lines().toList()) {
            int sp = l.indexOf(' ');
            m.put(l.substring(sp + 1), l.substring(0, sp));
        }
        return m;
    }

    record Result(int exit, String stdout, String stderr, JsonNode report, long millis) {
        String output() { return stdout + stderr; }
        String verdict() { return report.path("workloads").get(0).path("verdict").asText(); }

        /** "account region service operation [resourceId] errorCode", sorted. */
        List<String> gaps() {
            List<String> l = new ArrayList<>();
            for (JsonNode g : report.path("collectionGaps")) {
                l.add(g.path("accountId").asText() + " " + g.path("region").asText() + " " + g.path("service").asText() + " "
                        + g.path("operation").asText() + (g.hasNonNull("resourceId") ? " " + g.path("resourceId").asText() : "")
                        + " " + g.path("errorCode").asText());
            }
            return l.stream().sorted().toList();
        }

        /** A gap in the call's account for its service, in its region or global, for its operation or the whole service. */
        boolean hasGapFor(AwsStub.Call c) {
            // several collectors may send calls of one IAM prefix (rds: RDS, DocumentDB, Neptune)
            java.util.Set<String> services = io.failready.collect.aws.ApiCalls.gapServices(c.service());
            for (JsonNode g : report.path("collectionGaps")) {
                if (g.path("accountId").asText().equals(c.account()) && services.contains(g.path("service").asText())
                        && (g.path("region").asText().equals(c.region()) || g.path("region").asText().equals("global"))
                        && (g.path("operation").asText().equals(c.operation()) || g.path("operation").asText().equals("*"))) return true;
            }
            return false;
        }

        /** "RULE account/region resourceId" -> compliance type. */
        Map<String, String> outcomes() {
            Map<String, String> m = new TreeMap<>();
            for (JsonNode e : report.path("workloads").get(0).path("evaluations")) {
                m.put(e.path("ruleId").asText() + " " + e.path("accountId").asText() + "/" + e.path("region").asText() + " "
                        + e.path("resourceId").asText(), e.path("complianceType").asText());
            }
            return m;
        }
    }

    static Path config() {
        try {
            return Paths.get(FaultInjectionScanTest.class.getResource("/fault-scan/ready-estate.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** `failready scan` on the stub; --call-timeout 1s unless the scenario sets its own. */
    Result scan(AwsStub stub, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("scan", "--config", config().toString(), "--endpoint-url", stub.endpoint().toString(),
                "--as-of", AS_OF, "--out", tmp.toString(), "--format", "json"));
        args.addAll(List.of(extra));
        if (!args.contains("--call-timeout")) args.addAll(List.of("--call-timeout", "1s"));
        StringWriter o = new StringWriter(), e = new StringWriter();
        long t0 = System.nanoTime();
        int exit = FailReady.run(new PrintWriter(o, true), new PrintWriter(e, true), args.toArray(String[]::new));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(Files.exists(tmp.resolve("report.json")), () -> "exit " + exit + ", no report\n" + o + e);
        return new Result(exit, o.toString(), e.toString(), Json.MAPPER.readTree(tmp.resolve("report.json").toFile()), ms);
    }
}
