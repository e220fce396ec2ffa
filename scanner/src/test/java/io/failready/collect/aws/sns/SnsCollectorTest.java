package io.failready.collect.aws.sns;

import io.failready.tooling.AwsStub;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import io.failready.util.Json;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.op;
import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** SNS over HTTP against {@link AwsStub}: subscription pages, pending confirmation, and endpoints never kept. */
class SnsCollectorTest {
    static final String ALERTS = "arn:aws:sns:us-east-1:111111111111:alerts";

    @Test
    void protocolsAndConfirmationFromEveryPageButNoEndpoint() throws Exception {
        try (AwsStub stub = AwsStub.start("SnsCollectorTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new SnsCollector());
            assertEquals(List.of(), gaps(s));
            Resource alerts = resource(s, SnsCollector.TYPE, ALERTS);
            assertEquals(List.of(Map.of("protocol", "email", "confirmed", true), Map.of("protocol", "https", "confirmed", false),
                    Map.of("protocol", "sms", "confirmed", true)), alerts.maps("subscriptions"));
            assertEquals("payments", alerts.tag("app"));
            String written = Json.MAPPER.writeValueAsString(s);
            for (String endpoint : List.of("oncall-lead@example.com", "XXXXsecretXXXX", "+15555550100")) {
                assertFalse(written.contains(endpoint), "subscription endpoint " + endpoint + " reached the snapshot");
            }
        }
    }

    @Test
    void deniedSubscriptionListingLeavesSubscriptionsUnknown() {
        try (AwsStub stub = AwsStub.start("SnsCollectorTest")) {
            stub.fault(op("sns:ListSubscriptionsByTopic"), ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new SnsCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 sns ListSubscriptionsByTopic " + ALERTS + " AccessDenied"), gaps(s));
            assertFalse(resource(s, SnsCollector.TYPE, ALERTS).has("subscriptions"), "unknown, not none");
        }
    }
}
