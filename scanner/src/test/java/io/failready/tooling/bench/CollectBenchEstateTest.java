package io.failready.tooling.bench;

import io.failready.collect.TestAws;
import io.failready.collect.aws.servicequotas.ServiceQuotasCollector;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.tooling.AwsStub;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The collection benchmark's estate covers the catalog-2 services, per account and region, and is counted per service. */
class CollectBenchEstateTest {
    @Test
    void everyAccountGetsTheCatalog2RepliesInBothRegionsWithItsOwnIds(@TempDir Path work) throws Exception {
        CollectBench.writeEstate(work, List.of("000000000001", "000000000002"));
        for (String account : List.of("000000000001", "000000000002")) {
            for (String region : List.of(EstateGenerator.PRIMARY, EstateGenerator.RECOVERY)) {
                Path dir = work.resolve(account).resolve(region);
                for (String reply : List.of("sqs.ListQueues_1.json", "sns.ListTopics_1.xml", "events.ListRules_1.json",
                        "elasticfilesystem.DescribeFileSystems_1.json", "elasticache.DescribeReplicationGroups_1.xml", "eks.ListClusters_1.json",
                        "rds.DescribeDBClusters_1.xml", "acm.ListCertificates_1.json",
                        "elasticloadbalancing.DescribeLoadBalancers_1.xml", "apigateway.GetDomainNames_1.json", "cloudfront.ListDistributions_1.xml",
                        "ec2.DescribeVpcs_1.xml")) {
                    assertTrue(Files.isRegularFile(dir.resolve(reply)), dir.resolve(reply) + " missing");
                }
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String text = Files.readString(f);
                        assertFalse(text.contains("{{"), f + " keeps a placeholder");
                        assertFalse(text.contains("111111111111"), f + " names another account");
                    }
                }
                assertTrue(Files.readString(dir.resolve("sqs.ListQueues_1.json")).contains(region + ".amazonaws.com/" + account + "/"));
            }
        }
    }

    /**
     * GetServiceQuota returns the quota with its applied value (the AWS reference: only where no applied value is
     * available is the quota not retrieved), never an empty success: the estate answers as AWS does for these
     * account-level quotas, so the collector records them without the GetAWSDefaultServiceQuota fallback.
     */
    @Test
    void serviceQuotasAnswerWithTheAppliedValueAsAwsDoes(@TempDir Path work) throws Exception {
        String account = "000000000007";
        CollectBench.writeEstate(work, List.of(account));
        try (AwsStub stub = AwsStub.serving(work, 0, 0).callerAccount(account)) {
            Snapshot s = TestAws.run(stub, List.of(EstateGenerator.PRIMARY, EstateGenerator.RECOVERY), new ServiceQuotasCollector());
            assertEquals(List.of(), TestAws.gaps(s));
            for (String region : List.of(EstateGenerator.PRIMARY, EstateGenerator.RECOVERY)) {
                for (String quota : List.of("ec2/L-1216C47A", "lambda/L-B99A9384")) {
                    Resource q = TestAws.resource(s, ServiceQuotasCollector.TYPE, "arn:aws:servicequotas:" + region + ":" + account + ":" + quota);
                    assertEquals("applied", q.getConfiguration().get("source"));
                }
            }
            assertEquals(4, stub.callsByOperation().get("servicequotas:GetServiceQuota"));
            assertEquals(null, stub.callsByOperation().get("servicequotas:GetAWSDefaultServiceQuota"));
        }
    }

    @Test
    void callsAndResourcesAreCountedUnderTheIamPrefixOfTheirService() {
        Resource neptune = new Resource("AWS::Neptune::DBCluster", "arn:aws:rds:us-east-1:000000000001:cluster:g", "g", "000000000001", "us-east-1", null, null);
        Resource queue = new Resource("AWS::SQS::Queue", "arn:aws:sqs:us-east-1:000000000001:q", "q", "000000000001", "us-east-1", null, null);
        Resource fs = new Resource("AWS::EFS::FileSystem", "arn:aws:elasticfilesystem:us-east-1:000000000001:file-system/fs-1", "fs", "000000000001",
                "us-east-1", null, null);
        Map<String, CollectBench.PerService> per = CollectBench.perService(
                Map.of("sqs:ListQueues", 2L, "sqs:GetQueueAttributes", 1L, "rds:DescribeDBClusters", 6L, "elasticfilesystem:DescribeFileSystems", 2L,
                        "sns:ListTopics", 2L), List.of(neptune, queue, fs));
        assertEquals(new CollectBench.PerService(3, 1), per.get("sqs"));
        assertEquals(new CollectBench.PerService(6, 1), per.get("rds"));
        assertEquals(new CollectBench.PerService(2, 1), per.get("elasticfilesystem"));
        assertEquals("2 calls, no resources", per.get("sns").describe());
        assertEquals("3.00 (3 calls / 1 resources)", per.get("sqs").describe());
    }
}
