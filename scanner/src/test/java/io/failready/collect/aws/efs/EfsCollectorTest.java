package io.failready.collect.aws.efs;

import io.failready.tooling.AwsStub;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.FaultKind.SERVER_ERROR;
import static io.failready.tooling.AwsStub.FaultKind.THROTTLE;
import static io.failready.tooling.AwsStub.op;
import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.EU_WEST_1;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.ids;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * EFS over HTTP against {@link AwsStub}: both listings paginated, ReplicationNotFound as data
 * (eu-west-1), faults on either call as gaps that leave replication unknown rather than empty.
 */
class EfsCollectorTest {
    static final List<String> REGIONS = List.of(US_EAST_1, EU_WEST_1);
    static final String MEDIA = "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0a1b2c3d";
    static final String EXPORTS = "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0e0f0a0b";
    static final String SCRATCH = "arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-0c0c0c0c";

    @Test
    void fileSystemsAndReplicationFromEveryPageAndReplicationNotFoundIsNoReplication() {
        try (AwsStub stub = AwsStub.start("EfsCollectorTest")) {
            Snapshot s = run(stub, REGIONS, new EfsCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(List.of(SCRATCH, MEDIA, EXPORTS), ids(s, EfsCollector.TYPE));
            Resource media = resource(s, EfsCollector.TYPE, MEDIA);
            assertEquals("media-use1", media.getResourceName());
            assertEquals("payments", media.tag("app"));
            Map<String, Object> d = media.maps("replicationDestinations").get(0);
            assertEquals("ENABLED", d.get("status"));
            assertEquals("eu-west-1", d.get("region"));
            assertEquals("arn:aws:elasticfilesystem:eu-west-1:111111111111:file-system/fs-0d1d2d3d", d.get("fileSystemArn"));
            assertTrue(String.valueOf(d.get("lastReplicatedTimestamp")).startsWith("2025-12-04T"), d.toString());
            assertEquals("eu-west-1", media.maps("replicaLinks").get(0).get("region"));
            Resource exports = resource(s, EfsCollector.TYPE, EXPORTS);
            assertEquals("fs-0e0f0a0b", exports.getResourceName(), "no Name tag: the id");
            Map<String, Object> paused = exports.maps("replicationDestinations").get(0);
            assertEquals("PAUSED", paused.get("status"));
            assertEquals("arn:aws:elasticfilesystem:us-west-2:222222222222:file-system/fs-0f1f2f3f", paused.get("fileSystemArn"));
            Resource scratch = resource(s, EfsCollector.TYPE, SCRATCH);
            assertTrue(scratch.has("replicationDestinations"));
            assertEquals(List.of(), scratch.maps("replicationDestinations"), "ReplicationNotFound: read, and none");
            assertEquals(2, stub.calls().stream().filter(c -> c.action().equals("elasticfilesystem:DescribeReplicationConfigurations")
                    && c.region().equals(US_EAST_1)).count(), "two pages, not one call per file system");
        }
    }

    @Test
    void deniedReplicationListingIsARegionGapAndLeavesReplicationUnknown() {
        try (AwsStub stub = AwsStub.start("EfsCollectorTest")) {
            stub.fault(op("elasticfilesystem:DescribeReplicationConfigurations", US_EAST_1), ACCESS_DENIED);
            Snapshot s = run(stub, REGIONS, new EfsCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 efs DescribeReplicationConfigurations AccessDeniedException"), gaps(s));
            assertFalse(resource(s, EfsCollector.TYPE, MEDIA).has("replicationDestinations"), "unknown, not empty");
            assertTrue(resource(s, EfsCollector.TYPE, SCRATCH).has("replicationDestinations"), "the other region is still read");
        }
    }

    @Test
    void throttlingIsRetriedAndServerErrorsPastTheRetriesAreGaps() {
        try (AwsStub stub = AwsStub.start("EfsCollectorTest")) {
            stub.fault(op("elasticfilesystem:DescribeFileSystems", US_EAST_1), THROTTLE, 2, 0);
            Snapshot s = run(stub, REGIONS, new EfsCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(3, ids(s, EfsCollector.TYPE).size());
        }
        try (AwsStub stub = AwsStub.start("EfsCollectorTest")) {
            stub.fault(op("elasticfilesystem:DescribeFileSystems", EU_WEST_1), SERVER_ERROR);
            Snapshot s = run(stub, REGIONS, new EfsCollector());
            assertEquals(List.of(ACCOUNT + " eu-west-1 efs DescribeFileSystems InternalFailure"), gaps(s));
            assertEquals(List.of(MEDIA, EXPORTS), ids(s, EfsCollector.TYPE));
        }
    }
}
