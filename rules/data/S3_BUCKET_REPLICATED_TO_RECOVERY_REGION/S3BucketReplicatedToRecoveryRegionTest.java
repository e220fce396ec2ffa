package io.failready.rules.data;

import io.failready.facts.Resource;
import io.failready.rules.api.DataIndex;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one bucket fits several scenarios, the first in the documented order decides. */
class S3BucketReplicatedToRecoveryRegionTest {
    private static final String BUCKET = "AWS::S3::Bucket";
    private static final String DEST = "arn:aws:s3:::orders-euw1";

    private static Resource source(String versioning, Object... rules) {
        return resource(BUCKET, "arn:aws:s3:::orders-use1", "orders-use1", PRIMARY,
                "versioning", versioning, "replication", Map.of("rules", List.of(rules)));
    }

    private static Map<String, Object> ruleTo(String id, String destArn, String region) {
        return Map.of("id", id, "status", "Enabled", "destinationBucketArn", destArn, "destinationRegion", region);
    }

    private static Resource destination(String versioning) {
        return resource(BUCKET, DEST, "orders-euw1", RECOVERY, "versioning", versioning);
    }

    @Test
    void versionedDestinationInTheRecoveryRegionIsCompliantAndNamedAsCounterpart() {
        Resource dest = destination("Enabled");
        Resource b = source("Enabled", ruleTo("all", DEST, RECOVERY));
        Verdict v = S3BucketReplicatedToRecoveryRegion.decide(b, PAIR, new DataIndex(List.of(b, dest)), NO_GAPS);
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertSame(dest, v.counterpart());
    }

    @Test
    void unreadableBucketIsInsufficientDataEvenWithoutReplication() {
        Resource b = source("Suspended");
        Verdict v = S3BucketReplicatedToRecoveryRegion.decide(b, PAIR, new DataIndex(List.of(b)), gaps(denied(PRIMARY, "s3")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
    }

    @Test
    void missingReplicationIsReportedBeforeSuspendedVersioning() {
        Resource b = source("Suspended");
        Verdict v = S3BucketReplicatedToRecoveryRegion.decide(b, PAIR, new DataIndex(List.of(b)), NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("no replication configuration"), v.annotation());
    }

    @Test
    void destinationWhoseAccountCouldNotBeReadIsInsufficientDataNotMissing() {
        Resource b = source("Enabled", ruleTo("all", DEST, RECOVERY));
        Verdict v = S3BucketReplicatedToRecoveryRegion.decide(b, PAIR, new DataIndex(List.of(b)), gaps(denied(RECOVERY, "s3")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
    }

    @Test
    void unversionedDestinationIsNonCompliant() {
        Resource dest = destination("Suspended");
        Resource b = source("Enabled", ruleTo("all", DEST, RECOVERY));
        Verdict v = S3BucketReplicatedToRecoveryRegion.decide(b, PAIR, new DataIndex(List.of(b, dest)), NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("versioning Suspended"), v.annotation());
    }
}
