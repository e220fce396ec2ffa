package io.failready.rules.operations;

import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.Resource;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

class SnsTopicPresentInRecoveryRegionTest {
    private static final String TOPIC = "AWS::SNS::Topic";

    private static Resource topic(String region, Object... protocolAndConfirmed) {
        List<Map<String, Object>> subs = new java.util.ArrayList<>();
        for (int i = 0; i + 1 < protocolAndConfirmed.length; i += 2) subs.add(Map.of("protocol", protocolAndConfirmed[i], "confirmed", protocolAndConfirmed[i + 1]));
        return resource(TOPIC, "arn:aws:sns:" + region + ":111111111111:orders", "orders", region, "subscriptions", subs);
    }

    private static Counterparts twin(Resource t, Resource c) {
        return new Counterparts(List.of(new Counterpart(TOPIC, t.getResourceId(), RECOVERY, c, "same-name")));
    }

    @Test
    void pendingSubscriptionOnThePrimaryIsNotRequiredThere() {
        Resource t = topic(PRIMARY, "sqs", true, "email", false);
        Resource c = topic(RECOVERY, "sqs", true);
        assertEquals(ComplianceType.COMPLIANT, SnsTopicPresentInRecoveryRegion.decide(t, PAIR, NO_GAPS, twin(t, c)).type());
    }

    @Test
    void pendingSubscriptionThereDoesNotCount() {
        Resource t = topic(PRIMARY, "https", true);
        Resource c = topic(RECOVERY, "https", false);
        Verdict v = SnsTopicPresentInRecoveryRegion.decide(t, PAIR, NO_GAPS, twin(t, c));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("pending confirmation"), v.annotation());
    }

    @Test
    void subscriptionsNotCollectedAreUnknownRatherThanNone() {
        Resource t = resource(TOPIC, "arn:aws:sns:us-east-1:111111111111:orders", "orders", PRIMARY);
        assertEquals(ComplianceType.INSUFFICIENT_DATA,
                SnsTopicPresentInRecoveryRegion.decide(t, PAIR, NO_GAPS, new Counterparts(List.of())).type());
    }

    @Test
    void unlistableRecoveryRegionIsUnknown() {
        Resource t = topic(PRIMARY, "sqs", true);
        assertEquals(ComplianceType.INSUFFICIENT_DATA,
                SnsTopicPresentInRecoveryRegion.decide(t, PAIR, gaps(denied(RECOVERY, "sns")), new Counterparts(List.of())).type());
    }
}
