package io.failready.collect.aws.s3;

import io.failready.tooling.AwsStub;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.collect.TestAws.*;
import static org.junit.jupiter.api.Assertions.*;

class S3CollectorTest {

    @Test
    void bucketsArePlacedInTheirRegionAndReplicationDestinationsResolved() {
        try (AwsStub stub = AwsStub.start("S3CollectorTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1, EU_WEST_1), new S3Collector());

            // pagination followed (logs is on page 2), and only buckets in scanned regions are described
            assertEquals(List.of("arn:aws:s3:::logs", "arn:aws:s3:::orders", "arn:aws:s3:::orders-dr"), ids(s, S3Collector.TYPE));
            assertTrue(stub.calls().stream().noneMatch(c -> c.path().contains("elsewhere") && !c.operation().equals("GetBucketLocation")));

            Resource orders = resource(s, S3Collector.TYPE, "arn:aws:s3:::orders");
            assertEquals(US_EAST_1, orders.getAwsRegion());
            assertEquals("Enabled", orders.str("versioning"));
            assertEquals("aws:kms", orders.str("encryption.sseAlgorithm"));
            assertEquals("arn:aws:iam::111111111111:role/s3-replication", orders.str("replication.role"));
            List<Map<String, Object>> rules = orders.maps("replication.rules");
            assertEquals(4, rules.size());
            assertEquals("to-dr", rules.get(0).get("id"));
            assertEquals(EU_WEST_1, rules.get(0).get("destinationRegion"));
            assertEquals(true, rules.get(0).get("replicationTimeControl"));
            assertEquals(true, rules.get(0).get("metrics"));
            assertEquals("arn:aws:kms:eu-west-1:111111111111:key/mrk-1", rules.get(0).get("replicaKmsKeyId"));
            assertFalse(rules.get(1).containsKey("destinationRegion"));
            assertEquals("999999999999", rules.get(1).get("destinationAccount"));
            assertEquals(Map.of("region", EU_WEST_1, "resourceId", "arn:aws:s3:::orders-dr", "resourceName", "orders-dr",
                    "status", "Enabled", "kind", "s3-replication"), orders.maps("replicaLinks").get(0));
            assertEquals("orders", orders.tag("app"));

            Resource dr = resource(s, S3Collector.TYPE, "arn:aws:s3:::orders-dr");
            assertEquals(EU_WEST_1, dr.getAwsRegion());
            assertFalse(dr.has("replication"));

            Resource logs = resource(s, S3Collector.TYPE, "arn:aws:s3:::logs");
            assertEquals("Off", logs.str("versioning"));
            assertFalse(logs.has("encryption"));
            // "not configured" replies are data, never gaps
            assertEquals(List.of(), gaps(s));
        }
    }

    @Test
    void replicationRulesRecordWhatPartOfTheBucketTheyCopyAndHowSseKmsObjectsAreHandled() {
        try (AwsStub stub = AwsStub.start("S3CollectorTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1, EU_WEST_1), new S3Collector());
            List<Map<String, Object>> rules = resource(s, S3Collector.TYPE, "arn:aws:s3:::orders").maps("replication.rules");
            // an empty Filter.Prefix is the whole bucket: no filter recorded
            assertFalse(rules.get(0).containsKey("filter"));
            assertEquals("Enabled", rules.get(0).get("sseKmsEncryptedObjects"));
            assertEquals("arn:aws:kms:eu-west-1:111111111111:key/mrk-1", rules.get(0).get("replicaKmsKeyId"));
            assertEquals(Map.of("prefix", "tmp/"), rules.get(1).get("filter"));
            assertFalse(rules.get(1).containsKey("sseKmsEncryptedObjects"));
            assertEquals(Map.of("prefix", "invoices/", "tags", Map.of("tier", "gold", "dr", "yes")), rules.get(2).get("filter"));
            assertEquals(Map.of("tags", Map.of("dr", "yes")), rules.get(3).get("filter"));
            // a V1 configuration's top-level Prefix limits the rule just the same
            Map<String, Object> legacy = resource(s, S3Collector.TYPE, "arn:aws:s3:::logs").maps("replication.rules").get(0);
            assertEquals(Map.of("prefix", "audit/"), legacy.get("filter"));
        }
    }

    @Test
    void accessDeniedOnOneBucketsReplicationIsAGapForThatBucketOnly() {
        try (AwsStub stub = AwsStub.start("S3CollectorTest")) {
            stub.fault(c -> c.operation().equals("GetBucketReplication") && c.path().equals("/orders"), AwsStub.FaultKind.ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1, EU_WEST_1), new S3Collector());
            assertEquals(List.of(ACCOUNT + " us-east-1 s3 GetBucketReplication arn:aws:s3:::orders AccessDenied"), gaps(s));
            assertFalse(resource(s, S3Collector.TYPE, "arn:aws:s3:::orders").has("replication"));
            assertEquals("Enabled", resource(s, S3Collector.TYPE, "arn:aws:s3:::orders").str("versioning"));
        }
    }
}
