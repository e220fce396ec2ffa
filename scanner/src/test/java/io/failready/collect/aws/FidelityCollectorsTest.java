package io.failready.collect.aws;

import io.failready.tooling.AwsStub;
import io.failready.collect.aws.autoscaling.AutoScalingCollector;
import io.failready.collect.aws.cloudtrail.CloudTrailCollector;
import io.failready.collect.aws.dynamodb.DynamoDbCollector;
import io.failready.collect.aws.lambda.LambdaCollector;
import io.failready.collect.aws.securityhub.SecurityHubCollector;
import io.failready.collect.aws.servicequotas.ServiceQuotasCollector;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.collect.TestAws.*;
import static org.junit.jupiter.api.Assertions.*;

/** Collectors read AWS as it really answers (issue "Read AWS as it really is"), over HTTP against {@link AwsStub}. */
class FidelityCollectorsTest {

    @Test
    void aQuotaWithNoAppliedValueIsTheAwsDefaultNotAGap() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new ServiceQuotasCollector());
            Resource lambda = resource(s, ServiceQuotasCollector.TYPE, "arn:aws:servicequotas:us-east-1:111111111111:lambda/L-B99A9384");
            assertEquals(1000.0, lambda.num("value"));
            assertEquals("default", lambda.str("source"));
            Resource ec2 = resource(s, ServiceQuotasCollector.TYPE, "arn:aws:servicequotas:us-east-1:111111111111:ec2/L-1216C47A");
            assertEquals(256.0, ec2.num("value"));
            assertEquals("applied", ec2.str("source"));
            assertEquals(List.of(), gaps(s));
            // the default is asked only where no value was applied
            assertEquals(1, stub.calls().stream().filter(c -> c.operation().equals("GetAWSDefaultServiceQuota")).count());
        }
    }

    @Test
    void aFailedDefaultLookupIsAGapForThatQuota() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            stub.fault(AwsStub.op("servicequotas:GetAWSDefaultServiceQuota"), AwsStub.FaultKind.ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new ServiceQuotasCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 servicequotas GetAWSDefaultServiceQuota arn:aws:servicequotas:us-east-1:111111111111:lambda/L-B99A9384 AccessDeniedException"), gaps(s));
            assertTrue(find(s, ServiceQuotasCollector.TYPE, "arn:aws:servicequotas:us-east-1:111111111111:lambda/L-B99A9384").isEmpty());
        }
    }

    @Test
    void lambdaAccountSettingsAreReadPerRegion() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new LambdaCollector());
            Resource settings = resource(s, LambdaCollector.ACCOUNT_TYPE, "arn:aws:lambda:us-east-1:111111111111:account-settings");
            assertEquals(3000.0, settings.num("concurrentExecutions"));
            assertEquals(2900.0, settings.num("unreservedConcurrentExecutions"));
            assertEquals(List.of(), gaps(s));
        }
    }

    @Test
    void deniedAccountSettingsDoNotHideTheFunctions() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            stub.fault(AwsStub.op("lambda:GetAccountSettings"), AwsStub.FaultKind.ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new LambdaCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 lambda GetAccountSettings arn:aws:lambda:us-east-1:111111111111:account-settings AccessDeniedException"), gaps(s));
            assertEquals(List.of("arn:aws:lambda:us-east-1:111111111111:function:authorizer"), ids(s, LambdaCollector.TYPE));
        }
    }

    @Test
    void theCurrentSecurityHubCountsBesideSecurityHubCspm() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1, EU_WEST_1), new SecurityHubCollector());
            assertEquals(List.of("arn:aws:securityhub:us-east-1:111111111111:hubv2/default"), ids(s, SecurityHubCollector.TYPE_V2));
            assertEquals(List.of(), ids(s, SecurityHubCollector.TYPE));
            // "not subscribed" / "not found" from either product is data, not a gap
            assertEquals(List.of(), gaps(s));
        }
    }

    @Test
    void aFailedSecurityHubV2CallIsAGap() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            stub.fault(AwsStub.op("securityhub:DescribeSecurityHubV2", EU_WEST_1), AwsStub.FaultKind.ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1, EU_WEST_1), new SecurityHubCollector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 securityhub DescribeSecurityHubV2 AccessDeniedException"), gaps(s));
        }
    }

    @Test
    void aTrailHomedOutsideTheScanIsKeptOnceFromItsShadows() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1, EU_WEST_1), new CloudTrailCollector());
            assertEquals(List.of("arn:aws:cloudtrail:us-east-1:111111111111:trail/payments", "arn:aws:cloudtrail:us-west-2:999999999999:trail/org-audit"),
                    ids(s, CloudTrailCollector.TYPE));
            Resource org = resource(s, CloudTrailCollector.TYPE, "arn:aws:cloudtrail:us-west-2:999999999999:trail/org-audit");
            assertEquals(EU_WEST_1, org.getAwsRegion());   // the scan's first region, sorted
            assertEquals(US_WEST_2, org.str("homeRegion"));
            assertTrue(org.bool("isLogging"));
            assertTrue(org.bool("isOrganizationTrail"));
            assertEquals(US_EAST_1, resource(s, CloudTrailCollector.TYPE, "arn:aws:cloudtrail:us-east-1:111111111111:trail/payments").getAwsRegion());
            // status asked by ARN, once per recorded trail
            List<String> asked = stub.calls().stream().filter(c -> c.operation().equals("GetTrailStatus")).map(AwsStub.Call::body).toList();
            assertEquals(2, asked.size());
            assertTrue(asked.stream().anyMatch(b -> b.contains("arn:aws:cloudtrail:us-west-2:999999999999:trail/org-audit")), asked.toString());
            assertEquals(List.of(), gaps(s));
        }
    }

    @Test
    void aShadowTrailWhoseStatusFailsIsRecordedWithAGapAndUnknownLogging() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            stub.fault(c -> c.operation().equals("GetTrailStatus") && c.body().contains("org-audit"), AwsStub.FaultKind.ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1, EU_WEST_1), new CloudTrailCollector());
            Resource org = resource(s, CloudTrailCollector.TYPE, "arn:aws:cloudtrail:us-west-2:999999999999:trail/org-audit");
            assertFalse(org.has("isLogging"));
            assertEquals(1, gaps(s).size());
            assertTrue(gaps(s).get(0).endsWith("cloudtrail GetTrailStatus arn:aws:cloudtrail:us-west-2:999999999999:trail/org-audit AccessDeniedException"), gaps(s).toString());
        }
    }

    @Test
    void suspendedProcessesAreRead() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new AutoScalingCollector());
            Resource web = resource(s, AutoScalingCollector.TYPE, "arn:aws:autoscaling:us-east-1:111111111111:autoScalingGroup:uuid:autoScalingGroupName/web");
            assertEquals(List.of("Launch", "Terminate"), web.list("suspendedProcesses"));
        }
    }

    @Test
    void onDemandMaximaAndReplicaOverridesAreRead() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new DynamoDbCollector());
            Resource t = resource(s, DynamoDbCollector.TYPE, "arn:aws:dynamodb:us-east-1:111111111111:table/ledger");
            assertEquals(4000.0, t.num("onDemandThroughput.maxRead"));
            assertEquals(-1.0, t.num("onDemandThroughput.maxWrite"));
            Map<String, Object> replica = t.maps("replicas").get(0);
            assertEquals(1000L, ((Number) replica.get("onDemandMaxRead")).longValue());
        }
    }

    @Test
    void aLegacyGlobalTableIsReplicatedThroughItsReplicationGroup() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new DynamoDbCollector());
            Resource orders = resource(s, DynamoDbCollector.TYPE, "arn:aws:dynamodb:us-east-1:111111111111:table/orders");
            assertEquals("2017.11.29", orders.str("globalTableVersion"));
            assertEquals(List.of(EU_WEST_1), orders.maps("replicas").stream().map(r -> r.get("regionName")).toList());
            Map<String, Object> link = orders.maps("replicaLinks").get(0);
            assertEquals(EU_WEST_1, link.get("region"));
            assertEquals("arn:aws:dynamodb:eu-west-1:111111111111:table/orders", link.get("resourceId"));
            assertEquals("ACTIVE", link.get("status"));
            // the listing is asked for this region; only tables present here are described
            assertTrue(stub.calls().stream().anyMatch(c -> c.operation().equals("ListGlobalTables") && c.body().contains("\"RegionName\":\"us-east-1\"")));
            assertEquals(1, stub.calls().stream().filter(c -> c.operation().equals("DescribeGlobalTable")).count());
            assertEquals(List.of(), gaps(s));
        }
    }

    @Test
    void aFailedLegacyListingIsAScopedGapThatKeepsTheTables() {
        try (AwsStub stub = AwsStub.start("FidelityCollectorsTest")) {
            stub.fault(AwsStub.op("dynamodb:ListGlobalTables"), AwsStub.FaultKind.ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new DynamoDbCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 dynamodb ListGlobalTables arn:aws:dynamodb:us-east-1:111111111111:global-table/* AccessDeniedException"), gaps(s));
            assertEquals(2, ids(s, DynamoDbCollector.TYPE).size());
        }
    }
}
