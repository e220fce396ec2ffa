package io.failready.collect;

import io.failready.tooling.AwsStub;
import io.failready.collect.aws.cloudwatch.CloudWatchCollector;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.snapshot.SnapshotIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static io.failready.collect.TestAws.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * Two accounts reached through STS AssumeRole, two regions, every collector, over the wire: what a
 * person would expect to see in the snapshot, plus the gaps for a refused AssumeRole (a third
 * account) and for AccessDenied on one service in one region of account B.
 */
class FullScanTest {
    static final String ACCOUNT_C = "333333333333";
    static AwsStub stub;
    static Snapshot snapshot;

    @BeforeAll
    static void scan() {
        stub = AwsStub.start("FullScanTest");
        stub.fault(c -> c.operation().equals("AssumeRole") && c.params().get("RoleArn").contains(ACCOUNT_C), AwsStub.FaultKind.ACCESS_DENIED);
        stub.fault(c -> c.action().equals("dynamodb:ListTables") && c.account().equals(ACCOUNT_B) && c.region().equals(EU_WEST_1),
                AwsStub.FaultKind.ACCESS_DENIED);
        snapshot = Collection.run(request(stub, List.of(ACCOUNT, ACCOUNT_B, ACCOUNT_C), "failready-audit", List.of(US_EAST_1, EU_WEST_1)),
                options(io.failready.collect.aws.CollectorRegistry.all()));
    }

    @AfterAll
    static void stop() { stub.close(); }

    @Test
    void coversTheRequestedAccountsAndRegions() {
        assertEquals(List.of(ACCOUNT, ACCOUNT_B, ACCOUNT_C), snapshot.getAccounts());
        assertEquals(List.of(EU_WEST_1, US_EAST_1), snapshot.getRegions());
        assertNotNull(snapshot.getCollectionWindow().startedAt());
        assertEquals("failready", snapshot.getTool().name());
    }

    @Test
    void gapsAreExactlyTheRefusedRoleAndTheDeniedService() {
        assertEquals(List.of(
                ACCOUNT_B + " eu-west-1 dynamodb ListTables AccessDeniedException",
                ACCOUNT_C + " eu-west-1 * AssumeRole AccessDenied",
                ACCOUNT_C + " global * AssumeRole AccessDenied",
                ACCOUNT_C + " us-east-1 * AssumeRole AccessDenied"), gaps(snapshot), () -> "missing replies: " + stub.missing());
    }

    @Test
    void eachAccountsCallsAreSignedWithThatAccountsAssumedCredentials() {
        List<AwsStub.Call> assumes = stub.calls().stream().filter(c -> c.operation().equals("AssumeRole")).toList();
        assertEquals(Set.of("arn:aws:iam::111111111111:role/failready-audit", "arn:aws:iam::222222222222:role/failready-audit",
                "arn:aws:iam::333333333333:role/failready-audit"), assumes.stream().map(c -> c.params().get("RoleArn")).collect(Collectors.toSet()));
        assertTrue(assumes.stream().allMatch(c -> "failready".equals(c.params().get("RoleSessionName"))));
        assertTrue(assumes.stream().allMatch(c -> c.accessKeyId().equals(AwsStub.BASE_ACCESS_KEY)));
        Set<String> keys = stub.calls().stream().filter(c -> !c.service().equals("sts")).map(AwsStub.Call::accessKeyId).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("ASIA" + ACCOUNT, "ASIA" + ACCOUNT_B), keys);
        assertTrue(stub.calls().stream().filter(c -> c.path().equals("/orders-dr-222")).allMatch(c -> c.account().equals(ACCOUNT_B)));
        assertTrue(stub.calls().stream().filter(c -> c.path().equals("/orders")).allMatch(c -> c.account().equals(ACCOUNT)));
    }

    @Test
    void everyOperationSentIsListedInApiCalls() {
        Set<String> sent = stub.calls().stream().map(AwsStub.Call::action).collect(Collectors.toCollection(TreeSet::new));
        Set<String> unlisted = new TreeSet<>(sent);
        unlisted.removeAll(io.failready.collect.aws.ApiCalls.all());
        assertEquals(Set.of(), unlisted);
        // and the scan really exercised (almost) the whole list; Organizations is only used with --organization
        Set<String> unused = new TreeSet<>(io.failready.collect.aws.ApiCalls.all());
        unused.removeAll(sent);
        assertEquals(Set.of("organizations:ListAccounts"), unused);
    }

    @Test
    void ssmGetParametersNeverAsksForDecryptionNorForSecureStrings() {
        List<AwsStub.Call> gets = stub.calls().stream().filter(c -> c.action().equals("ssm:GetParameters")).toList();
        assertFalse(gets.isEmpty());
        for (AwsStub.Call c : gets) {
            assertTrue(c.body().contains("\"WithDecryption\":false"), c.body());
            assertFalse(c.body().contains("db-password"), c.body());
        }
        Resource secure = resource(snapshot, "AWS::SSM::Parameter", "arn:aws:ssm:us-east-1:111111111111:parameter/orders/db-password");
        assertEquals("SecureString", secure.str("type"));
        assertFalse(secure.has("value"));
        assertEquals("https://orders.us-east-1.example.com",
                resource(snapshot, "AWS::SSM::Parameter", "arn:aws:ssm:us-east-1:111111111111:parameter/orders/endpoint").str("value"));
    }

    @Test
    void s3ReplicationToAnotherScannedAccountIsPlacedInItsRegion() {
        Resource orders = resource(snapshot, "AWS::S3::Bucket", "arn:aws:s3:::orders");
        assertEquals(ACCOUNT, orders.getAccountId());
        assertEquals(EU_WEST_1, orders.maps("replication.rules").get(0).get("destinationRegion"));
        assertEquals(EU_WEST_1, orders.maps("replicaLinks").get(0).get("region"));
        Resource dr = resource(snapshot, "AWS::S3::Bucket", "arn:aws:s3:::orders-dr-222");
        assertEquals(ACCOUNT_B, dr.getAccountId());
        assertEquals(EU_WEST_1, dr.getAwsRegion());
    }

    @Test
    void dynamoDbGlobalTableHasReplicaLinksPitrAndAutoScaling() {
        Resource east = resource(snapshot, "AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/orders");
        assertEquals("PAY_PER_REQUEST", east.str("billingMode"));
        assertEquals("2019.11.21", east.str("globalTableVersion"));
        assertTrue(east.bool("pitr"));
        assertEquals(List.of(Map.of("region", EU_WEST_1, "resourceId", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders",
                "resourceName", "orders", "status", "ACTIVE", "kind", "dynamodb-replica")), east.maps("replicaLinks"));
        assertEquals("orders", east.tag("app"));
        Resource sessions = resource(snapshot, "AWS::DynamoDB::Table", "arn:aws:dynamodb:us-east-1:111111111111:table/sessions");
        assertEquals(100.0, sessions.num("autoScaling.maxRead"));
        assertEquals(50.0, sessions.num("autoScaling.maxWrite"));
        assertFalse(sessions.bool("pitr"));
        assertTrue(find(snapshot, "AWS::DynamoDB::Table", "arn:aws:dynamodb:eu-west-1:111111111111:table/orders").isPresent());
    }

    @Test
    void auroraGlobalDatabaseAndCrossRegionReadReplica() {
        Resource writer = resource(snapshot, "AWS::RDS::DBCluster", "arn:aws:rds:us-east-1:111111111111:cluster:orders-aurora");
        assertTrue(writer.bool("isGlobalWriter"));
        assertEquals("orders-global", writer.str("globalClusterIdentifier"));
        assertEquals("db.r6g.large", writer.str("writerInstanceClass"));
        assertEquals(EU_WEST_1, writer.maps("replicaLinks").get(0).get("region"));
        Resource secondary = resource(snapshot, "AWS::RDS::DBCluster", "arn:aws:rds:eu-west-1:111111111111:cluster:orders-aurora-dr");
        assertFalse(secondary.bool("isGlobalWriter"));
        Resource legacy = resource(snapshot, "AWS::RDS::DBInstance", "arn:aws:rds:us-east-1:111111111111:db:legacy-mysql");
        assertEquals(List.of(Map.of("region", EU_WEST_1, "arn", "arn:aws:rds:eu-west-1:111111111111:auto-backup:ab-legacy")),
                legacy.maps("automatedBackupReplications"));
        assertEquals(2, legacy.maps("replicaLinks").size());
        assertEquals("orders-aurora", resource(snapshot, "AWS::RDS::DBInstance", "arn:aws:rds:us-east-1:111111111111:db:orders-aurora-1").str("dbClusterIdentifier"));
    }

    @Test
    void databaseCopiesCarryWhatSaysWhetherTheyCanTakeOver() {
        Resource aurora = resource(snapshot, "AWS::RDS::DBCluster", "arn:aws:rds:us-east-1:111111111111:cluster:orders-aurora");
        assertEquals("pending-resync", aurora.maps("globalClusterMembers").stream()
                .filter(m -> m.get("dbClusterArn").toString().endsWith("orders-aurora-dr")).findFirst().orElseThrow().get("synchronizationStatus"));
        Resource dr = resource(snapshot, "AWS::RDS::DBCluster", "arn:aws:rds:eu-west-1:111111111111:cluster:orders-aurora-dr");
        assertEquals("available", dr.str("status"));
        assertEquals(0.5, dr.num("serverlessV2MinCapacity"));
        assertEquals(16.0, dr.num("serverlessV2MaxCapacity"));
        Resource replica = resource(snapshot, "AWS::RDS::DBInstance", "arn:aws:rds:eu-west-1:111111111111:db:legacy-mysql-dr");
        assertEquals(List.of(Map.of("statusType", "read replication", "status", "error", "normal", false, "message", "Replication has stopped")),
                replica.maps("statusInfos"));
    }

    @Test
    void secretsKeysAndFunctionsAreNormalisedWithoutSecretMaterial() {
        Resource secret = resource(snapshot, "AWS::SecretsManager::Secret", "arn:aws:secretsmanager:us-east-1:111111111111:secret:orders/db-AbCdEf");
        assertEquals(EU_WEST_1, secret.maps("replicaLinks").get(0).get("region"));
        assertEquals(EU_WEST_1, secret.maps("replicationStatus").get(0).get("region"));
        // the replica's status comes from DescribeSecret (ListSecrets has none), asked only of primary copies
        assertEquals("InSync", secret.maps("replicaLinks").get(0).get("status"));
        assertEquals("arn:aws:secretsmanager:eu-west-1:111111111111:secret:orders/db-AbCdEf", secret.maps("replicaLinks").get(0).get("resourceId"));
        assertEquals("Replication succeeded", secret.maps("replicationStatus").get(0).get("statusMessage"));
        List<AwsStub.Call> described = stub.calls().stream().filter(c -> c.action().equals("secretsmanager:DescribeSecret")).toList();
        assertEquals(Set.of(US_EAST_1), described.stream().map(AwsStub.Call::region).collect(Collectors.toSet()));
        assertTrue(described.stream().anyMatch(c -> c.body().contains("orders/db-AbCdEf")));
        assertEquals(US_EAST_1, resource(snapshot, "AWS::SecretsManager::Secret",
                "arn:aws:secretsmanager:eu-west-1:111111111111:secret:orders/db-AbCdEf").str("primaryRegion"));

        Resource key = resource(snapshot, "AWS::KMS::Key", "arn:aws:kms:us-east-1:111111111111:key/mrk-orders");
        assertEquals("PRIMARY", key.str("multiRegionKeyType"));
        assertEquals(List.of("alias/orders"), key.list("aliases"));
        assertNotNull(key.str("policy"));
        assertFalse(resource(snapshot, "AWS::KMS::Key", "arn:aws:kms:us-east-1:111111111111:key/aws-s3").has("policy"));
        assertTrue(stub.calls().stream().noneMatch(c -> c.action().equals("kms:GetKeyPolicy") && c.body().contains("aws-s3")));

        Resource fn = resource(snapshot, "AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:orders-api");
        assertEquals(100.0, fn.num("reservedConcurrency"));
        assertEquals("1.4.2", fn.str("versionTag"));
        assertEquals("orders", fn.str("environment.TABLE_NAME"));
        assertEquals("https://api.example.com", fn.str("environment.UPSTREAM"));
        assertEquals("[REDACTED]", fn.str("environment.DB_PASSWORD"));
        assertEquals("[REDACTED]", fn.str("environment.BLOB"));
        assertFalse(resource(snapshot, "AWS::Lambda::Function", "arn:aws:lambda:us-east-1:111111111111:function:worker").has("reservedConcurrency"));
    }

    @Test
    void onlyReferencedRolesAreReadWithTheirPolicies() {
        assertEquals(List.of("arn:aws:iam::111111111111:role/orders-api-role", "arn:aws:iam::111111111111:role/s3-replication"),
                ids(snapshot, "AWS::IAM::Role"));
        Resource role = resource(snapshot, "AWS::IAM::Role", "arn:aws:iam::111111111111:role/orders-api-role");
        assertEquals(Resource.GLOBAL, role.getAwsRegion());
        Map<String, Object> p = role.maps("policies").get(0);
        assertEquals("inline", p.get("kind"));
        assertEquals("2012-10-17", ((Map<?, ?>) p.get("document")).get("Version"));
        Resource repl = resource(snapshot, "AWS::IAM::Role", "arn:aws:iam::111111111111:role/s3-replication");
        assertEquals("managed", repl.maps("policies").get(0).get("kind"));
        assertTrue(stub.calls().stream().noneMatch(c -> c.body().contains("unrelated")));
    }

    @Test
    void route53RecordsKnowTheRegionTheyPointAt() {
        Resource primary = resource(snapshot, "AWS::Route53::RecordSet", "Z123/api.example.com/A/primary");
        assertEquals(US_EAST_1, primary.str("targetRegion"));
        assertEquals("PRIMARY", primary.str("failover"));
        assertEquals("hc-1", primary.str("healthCheckId"));
        assertFalse(primary.has("ttl"));
        assertEquals(EU_WEST_1, resource(snapshot, "AWS::Route53::RecordSet", "Z123/api.example.com/A/secondary").str("targetRegion"));
        Resource www = resource(snapshot, "AWS::Route53::RecordSet", "Z123/www.example.com/CNAME/-");
        assertEquals(300.0, www.num("ttl"));
        assertFalse(www.has("targetRegion"));
        assertEquals(US_EAST_1, resource(snapshot, "AWS::Route53::HealthCheck", "hc-1").str("targetRegion"));
        assertEquals("example.com", resource(snapshot, "AWS::Route53::HostedZone", "Z123").str("name"));
    }

    @Test
    void replicationLagIsTheMaximumOverTheWindowInSeconds() {
        // S3 publishes ReplicationLatency in the destination region (in the source bucket's account)
        Resource s3 = resource(snapshot, CloudWatchCollector.LAG, "arn:aws:s3:::orders#eu-west-1");
        assertEquals(EU_WEST_1, s3.getAwsRegion());
        assertEquals(ACCOUNT, s3.getAccountId());
        assertEquals(40.0, s3.num("maxSeconds"));
        assertEquals(3.0, s3.num("datapoints"));
        assertTrue(stub.calls().stream().anyMatch(c -> c.action().equals("cloudwatch:GetMetricData") && c.region().equals(EU_WEST_1)
                && c.body().contains("ReplicationLatency") && c.body().contains("orders-dr-222")), "the S3 lag is read in eu-west-1");
        assertTrue(stub.calls().stream().noneMatch(c -> c.action().equals("cloudwatch:GetMetricData") && c.region().equals(US_EAST_1)
                && c.body().contains("AWS%2FS3")), "and not in the source region");
        assertEquals(1.5, resource(snapshot, CloudWatchCollector.LAG, "arn:aws:dynamodb:us-east-1:111111111111:table/orders#eu-west-1").num("maxSeconds"));
        Resource aurora = resource(snapshot, CloudWatchCollector.LAG, "arn:aws:rds:us-east-1:111111111111:cluster:orders-aurora#eu-west-1");
        assertEquals(EU_WEST_1, aurora.getAwsRegion());
        assertFalse(aurora.has("maxSeconds"));
        assertEquals(0.0, aurora.num("datapoints"));
        assertEquals(4.0, resource(snapshot, CloudWatchCollector.LAG, "arn:aws:rds:us-east-1:111111111111:db:legacy-mysql#eu-west-1").num("maxSeconds"));
        assertEquals("app/orders-alb-1/abc", resource(snapshot, "AWS::CloudWatch::Alarm",
                "arn:aws:cloudwatch:us-east-1:111111111111:alarm:orders-5xx").str("dimensions.LoadBalancer"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void securityServicesAccountAndTheRest() {
        assertEquals(List.of("arn:aws:securityhub:us-east-1:111111111111:hub/default"), ids(snapshot, "AWS::SecurityHub::Hub"));
        assertEquals(List.of("arn:aws:guardduty:us-east-1:111111111111:detector/d-east"), ids(snapshot, "AWS::GuardDuty::Detector"));
        assertEquals(List.of("arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail"), ids(snapshot, "AWS::CloudTrail::Trail"));
        assertTrue(resource(snapshot, "AWS::CloudTrail::Trail", "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-trail").bool("isLogging"));
        assertFalse(resource(snapshot, "AWS::Config::ConfigurationRecorder", "arn:aws:config:eu-west-1:111111111111:config-recorder/default").bool("recording"));
        Resource account = resource(snapshot, "AWS::::Account", ACCOUNT);
        assertEquals(Map.of("ap-east-1", "DISABLED", "eu-west-1", "ENABLED_BY_DEFAULT", "us-east-1", "ENABLED_BY_DEFAULT"), account.get("regionOptStatus"));
        Resource registry = snapshot.getResources().stream().filter(r -> r.getResourceType().equals("AWS::ECR::ReplicationConfiguration")
                && r.getAccountId().equals(ACCOUNT) && r.getAwsRegion().equals(US_EAST_1)).findFirst().orElseThrow();
        assertEquals("registry/111111111111", registry.getResourceId());
        assertEquals(EU_WEST_1, ((List<Map<String, Object>>) registry.maps("rules").get(0).get("destinations")).get(0).get("region"));
        Resource plan = resource(snapshot, "AWS::Backup::BackupPlan", "arn:aws:backup:us-east-1:111111111111:backup-plan:plan-1");
        assertEquals("arn:aws:backup:eu-west-1:111111111111:backup-vault:dr",
                ((List<Map<String, Object>>) plan.maps("rules").get(0).get("copyActions")).get(0).get("destinationVaultArn"));
        assertEquals("daily", ((List<Map<String, Object>>) plan.maps("selections").get(0).get("tags")).get(0).get("value"));
        assertTrue(resource(snapshot, "AWS::Backup::BackupVault", "arn:aws:backup:us-east-1:111111111111:backup-vault:main").bool("locked"));
        Resource svc = resource(snapshot, "AWS::ECS::Service", "arn:aws:ecs:us-east-1:111111111111:service/main/orders-svc");
        assertEquals("sha256:abcdef", svc.maps("images").get(0).get("digest"));
        assertEquals(12.0, svc.num("autoScaling.maxCapacity"));
        assertEquals(10.0, resource(snapshot, "AWS::AutoScaling::AutoScalingGroup",
                "arn:aws:autoscaling:us-east-1:111111111111:autoScalingGroup:uuid:autoScalingGroupName/web").num("maxSize"));
        assertEquals(256.0, resource(snapshot, "AWS::ServiceQuotas::Quota", "arn:aws:servicequotas:us-east-1:111111111111:ec2/L-1216C47A").num("value"));
    }

    @Test
    void snapshotRoundTripsThroughTheSchema(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("snapshot.json.gz");
        SnapshotIO.write(snapshot, file);
        Snapshot back = SnapshotIO.read(file);
        assertEquals(snapshot.getResources().size(), back.getResources().size());
        assertEquals(snapshot.getCollectionGaps().size(), back.getCollectionGaps().size());
        assertEquals(io.failready.util.Json.MAPPER.writeValueAsString(snapshot.sorted()), io.failready.util.Json.MAPPER.writeValueAsString(back.sorted()));
    }
}
