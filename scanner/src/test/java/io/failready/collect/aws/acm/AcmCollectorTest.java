package io.failready.collect.aws.acm;

import io.failready.tooling.AwsStub;
import io.failready.facts.Resource;
import io.failready.snapshot.Snapshot;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.tooling.AwsStub.FaultKind.ACCESS_DENIED;
import static io.failready.tooling.AwsStub.FaultKind.SERVER_ERROR;
import static io.failready.tooling.AwsStub.op;
import static io.failready.collect.TestAws.ACCOUNT;
import static io.failready.collect.TestAws.US_EAST_1;
import static io.failready.collect.TestAws.gaps;
import static io.failready.collect.TestAws.ids;
import static io.failready.collect.TestAws.resource;
import static io.failready.collect.TestAws.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ACM over JSON 1.1 against {@link AwsStub}: NextToken paging, every key type asked for, faults. */
class AcmCollectorTest {
    static final String API = "arn:aws:acm:us-east-1:111111111111:certificate/11111111-aaaa-4bbb-8ccc-000000000001";
    static final String EVENTS = "arn:aws:acm:us-east-1:111111111111:certificate/22222222-aaaa-4bbb-8ccc-000000000002";

    @Test
    void certificatesOfBothPagesAndEveryKeyTypeAreDescribed() {
        try (AwsStub stub = AwsStub.start("AcmCollectorTest")) {
            Snapshot s = run(stub, List.of(US_EAST_1), new AcmCollector());
            assertEquals(List.of(), gaps(s));
            assertEquals(List.of(API, EVENTS), ids(s, AcmCollector.TYPE));
            assertTrue(stub.calls().stream().filter(c -> c.action().equals("acm:ListCertificates"))
                    .allMatch(c -> c.body().contains("EC_prime256v1") && c.body().contains("RSA_4096")),
                    "the default filter would hide ECDSA and large RSA certificates");
            Resource api = resource(s, AcmCollector.TYPE, API);
            assertEquals(List.of("api.example.com", "www.example.com"), api.list("subjectAlternativeNames"));
            assertEquals("2027-08-26T00:00:00Z", api.str("notAfter"));
            assertEquals("ELIGIBLE", api.str("renewalEligibility"));
            assertEquals(List.of("arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/web-use1/50dc6c495c0c9188"), api.list("inUseBy"));
            assertEquals("PENDING_VALIDATION", resource(s, AcmCollector.TYPE, EVENTS).str("status"));
        }
    }

    @Test
    void accessDeniedOnOneCertificateKeepsItsSummaryAndLeavesItsNamesUnknown() {
        try (AwsStub stub = AwsStub.start("AcmCollectorTest")) {
            stub.fault(c -> c.action().equals("acm:DescribeCertificate") && c.body().contains("22222222"), ACCESS_DENIED);
            Snapshot s = run(stub, List.of(US_EAST_1), new AcmCollector());
            assertEquals(List.of(ACCOUNT + " us-east-1 acm DescribeCertificate " + EVENTS + " AccessDeniedException"), gaps(s));
            Resource events = resource(s, AcmCollector.TYPE, EVENTS);
            assertEquals("events.example.com", events.str("domainName"));
            assertFalse(events.has("subjectAlternativeNames"), "unknown, not empty");
            assertFalse(events.has("inUseBy"));
            assertTrue(resource(s, AcmCollector.TYPE, API).has("subjectAlternativeNames"));
        }
    }

    @Test
    void aServerErrorOnTheListingIsAGapForTheServiceAndNoCertificates() {
        try (AwsStub stub = AwsStub.start("AcmCollectorTest")) {
            stub.fault(op("acm:ListCertificates"), SERVER_ERROR);
            Snapshot s = run(stub, List.of(US_EAST_1), new AcmCollector());
            List<String> g = gaps(s);
            assertEquals(1, g.size(), g.toString());
            assertTrue(g.get(0).startsWith(ACCOUNT + " us-east-1 acm ListCertificates "), g.toString());
            assertEquals(List.of(), ids(s, AcmCollector.TYPE));
        }
    }
}
