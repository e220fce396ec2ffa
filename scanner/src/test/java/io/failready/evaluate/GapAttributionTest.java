package io.failready.evaluate;

import io.failready.model.Evaluation;

import io.failready.model.Severity;

import io.failready.model.ComplianceType;

import io.failready.facts.CollectionGap;
import io.failready.facts.GapIndex;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class GapAttributionTest {
    static final String A = "111122223333", US = "us-east-1", EU = "eu-west-1";

    static Evaluation ev(ComplianceType t, String type, String id, String region, String recovery, Evaluation.Counterpart cp, String annotation) {
        return new Evaluation("R", "data", Severity.HIGH, t, type, id, null, A, region, recovery, cp, annotation, null);
    }

    final CollectionGap hub = CollectionGap.serviceWide(A, EU, "securityhub", "DescribeHub", "AccessDeniedException", "denied");
    final CollectionGap s3 = CollectionGap.serviceWide(A, US, "s3", "ListBuckets", "AccessDenied", "denied");
    final CollectionGap oneBucket = new CollectionGap(A, EU, "s3", "GetBucketReplication", "AWS::S3::Bucket", "arn:aws:s3:::orders-eu",
            "AccessDenied", "denied");
    final List<CollectionGap> gaps = List.of(hub, s3, oneBucket);
    final GapIndex index = new GapIndex(gaps, Set.of(A), Set.of(US, EU));

    @Test
    void anAccountLevelCheckNamesTheGapItsAnnotationCites() {
        Evaluation e = ev(ComplianceType.INSUFFICIENT_DATA, "AWS::::Account", A, EU, null, null,
                "Security Hub: cannot tell whether it is enabled (" + GapIndex.describe(hub) + ").");
        GapAttribution.attach(List.of(e), index, gaps);
        assertEquals(List.of(Evaluation.GapRef.of(hub)), e.getGaps());
    }

    @Test
    void aResourceNamesItsServiceGapAndItsCounterpartsOwnGap() {
        Evaluation e = ev(ComplianceType.INSUFFICIENT_DATA, "AWS::S3::Bucket", "arn:aws:s3:::orders", US, EU,
                new Evaluation.Counterpart("arn:aws:s3:::orders-eu", EU), "cannot tell.");
        GapAttribution.attach(List.of(e), index, gaps);
        assertEquals(List.of(Evaluation.GapRef.of(oneBucket), Evaluation.GapRef.of(s3)), e.getGaps());
    }

    @Test
    void aRegionThatWasNeverCollectedIsNamedAsNotCollected() {
        Evaluation e = ev(ComplianceType.INSUFFICIENT_DATA, "AWS::DynamoDB::Table", "t", "ap-south-1", null, null, "cannot tell.");
        GapAttribution.attach(List.of(e), index, gaps);
        assertEquals(List.of(new Evaluation.GapRef(A, "ap-south-1", "*", null, null, "NotCollected")), e.getGaps());
    }

    @Test
    void missingDataThatIsNoCollectionFailureGetsAnEmptyListAndOtherOutcomesNone() {
        Evaluation noMetric = ev(ComplianceType.INSUFFICIENT_DATA, "AWS::DynamoDB::Table", "t", US, EU, null, "no lag metric was collected.");
        Evaluation ok = ev(ComplianceType.COMPLIANT, "AWS::S3::Bucket", "arn:aws:s3:::orders", US, EU, null, "ok.");
        GapAttribution.attach(List.of(noMetric, ok), index, gaps);
        assertEquals(List.of(), noMetric.getGaps());
        assertNull(ok.getGaps());
    }
}
