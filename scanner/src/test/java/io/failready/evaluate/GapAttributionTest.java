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

    /**
     * Gaps are found through an index, not by trying every gap on every evaluation: held to that
     * rule (annotation names the gap, or the gap is about the resource or its counterpart) on
     * generated gaps whose worded tails share prefixes ("us-east-1" inside "us-east-10", account
     * ids inside longer ones) and annotations that cite several, in any order.
     */
    @Test
    void theIndexedSearchFindsExactlyTheGapsEveryGapTriedInTurnWouldFind() {
        java.util.Random rnd = new java.util.Random(7);
        String[] accounts = {A, "444455556666", "1111222233334"};
        String[] regions = {US, "us-east-10", EU, "global", "unknown"};
        String[] ids = {null, null, "arn:a", "arn:ab", "b"};
        List<CollectionGap> many = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new CollectionGap(accounts[rnd.nextInt(3)], regions[rnd.nextInt(5)], rnd.nextBoolean() ? "s3" : "ec2",
                    rnd.nextBoolean() ? null : "Op" + rnd.nextInt(3), null, ids[rnd.nextInt(5)], rnd.nextBoolean() ? "AccessDenied" : "Throttling in",
                    "m"));
        }
        GapIndex none = new GapIndex(List.of(), Set.of(), Set.of());
        for (int n = 0; n < 400; n++) {
            StringBuilder a = new StringBuilder(rnd.nextBoolean() ? "" : "cannot tell in part (");
            for (int k = rnd.nextInt(4); k > 0; k--) {
                String d = GapIndex.describe(many.get(rnd.nextInt(many.size())));
                a.append(rnd.nextInt(4) == 0 ? d.substring(0, d.length() - 1) : d).append(new String[] {"", "0; ", ", in "}[rnd.nextInt(3)]);
            }
            String id = ids[rnd.nextInt(5)], cp = ids[rnd.nextInt(5)];
            Evaluation e = new Evaluation("R", "data", Severity.HIGH, ComplianceType.INSUFFICIENT_DATA, null, id, null, null, US, null,
                    cp == null ? null : new Evaluation.Counterpart(cp, EU), a.toString(), null);
            GapAttribution.attach(List.of(e), none, many);
            java.util.LinkedHashSet<Evaluation.GapRef> expected = new java.util.LinkedHashSet<>();
            for (CollectionGap g : many) {
                if (a.toString().contains(GapIndex.describe(g)) || g.getResourceId() != null && (g.getResourceId().equals(id) || g.getResourceId().equals(cp))) {
                    expected.add(Evaluation.GapRef.of(g));
                }
            }
            assertEquals(List.copyOf(expected), e.getGaps(), a::toString);
        }
    }
}
