package io.failready.rules.traffic;

import io.failready.facts.AsOf;
import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.rules.api.EdgeIndex;
import io.failready.rules.api.Labels;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AcmCertificateAvailableInRecoveryRegionTest {
    private static final String CERT = "AWS::CertificateManager::Certificate";
    private static final AsOf NOW = new AsOf(Instant.parse("2026-11-01T00:00:00Z"));
    private static final String LB = "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":loadbalancer/app/web/1";

    private static Resource cert(String region, String id, String domain, List<String> sans, Object... more) {
        Object[] kv = new Object[8 + more.length];
        Object[] base = {"domainName", domain, "subjectAlternativeNames", sans, "status", "ISSUED", "notAfter", "2027-10-01T00:00:00Z"};
        System.arraycopy(base, 0, kv, 0, 8);
        System.arraycopy(more, 0, kv, 8, more.length);
        Resource r = resource(CERT, "arn:aws:acm:" + region + ":" + ACCOUNT + ":certificate/" + id, domain, region, kv);
        return r;
    }

    private static Verdict decide(Resource primary, Resource... recovery) {
        List<Resource> all = new java.util.ArrayList<>(List.of(recovery));
        all.add(primary);
        return AcmCertificateAvailableInRecoveryRegion.decide(primary, PAIR, new EdgeIndex(all), NO_GAPS, NOW, 30, "");
    }

    @Test
    void wildcardCoversExactlyOneLabel() {
        assertTrue(AcmCertificateAvailableInRecoveryRegion.covers("*.example.com", "www.example.com"));
        assertFalse(AcmCertificateAvailableInRecoveryRegion.covers("*.example.com", "example.com"));
        assertFalse(AcmCertificateAvailableInRecoveryRegion.covers("*.example.com", "a.b.example.com"));
        assertFalse(AcmCertificateAvailableInRecoveryRegion.covers("*.example.com", "*.b.example.com"));
        assertTrue(AcmCertificateAvailableInRecoveryRegion.covers("*.example.com", "*.example.com"));
    }

    @Test
    void namesCompareCaseInsensitivelyAndIgnoreTheTrailingDot() {
        Resource p = cert(PRIMARY, "p", "API.Example.com.", List.of(), "inUseBy", List.of(LB), "type", "AMAZON_ISSUED", "renewalEligibility", "ELIGIBLE");
        Resource r = cert(RECOVERY, "r", "api.example.com", List.of("api.example.com"), "type", "AMAZON_ISSUED", "renewalEligibility", "ELIGIBLE");
        Verdict v = decide(p, r);
        assertEquals(ComplianceType.COMPLIANT, v.type(), v.annotation());
        assertSame(r, v.counterpart());
    }

    @Test
    void certificateUsedByCloudFrontAndALoadBalancerIsJudgedForTheLoadBalancer() {
        Resource p = cert(PRIMARY, "p", "api.example.com", List.of(), "inUseBy",
                List.of("arn:aws:cloudfront::" + ACCOUNT + ":distribution/E1", LB));
        Verdict v = decide(p);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type(), v.annotation());
    }

    @Test
    void anUnreadableCertificateInTheRecoveryRegionIsNotTakenForMissing() {
        Resource p = cert(PRIMARY, "p", "api.example.com", List.of(), "inUseBy", List.of(LB));
        Resource unread = resource(CERT, "arn:aws:acm:" + RECOVERY + ":" + ACCOUNT + ":certificate/u", "other.example.com", RECOVERY,
                "domainName", "other.example.com", "status", "ISSUED");
        Verdict v = AcmCertificateAvailableInRecoveryRegion.decide(p, PAIR, new EdgeIndex(List.of(p, unread)),
                gaps(new CollectionGap(ACCOUNT, RECOVERY, "acm", "DescribeCertificate", CERT, unread.getResourceId(), "ThrottlingException", "slow down")),
                NOW, 30, "");
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type(), v.annotation());
    }
    @Test
    void theIndexFindsCertificatesByDomainNameSanAndOneLabelWildcard() {
        EdgeIndex ix = new EdgeIndex(List.of(
                cert(RECOVERY, "0", "*.example.com", List.of()),
                cert(RECOVERY, "1", "other.com", List.of("other.com", "API.Example.com.")),
                cert(RECOVERY, "2", "*.b.example.com", List.of("*.b.example.com", "*.b.example.com")),
                cert(RECOVERY, "3", "example.com", List.of("*.example.com")),
                cert(PRIMARY, "p", "api.example.com", List.of())));
        assertArrayEquals(new int[] {0, 1, 3}, ix.certificatesCovering(RECOVERY, "api.example.com"));
        assertArrayEquals(new int[] {3}, ix.certificatesCovering(RECOVERY, "example.com"));
        assertArrayEquals(new int[] {2}, ix.certificatesCovering(RECOVERY, "a.b.example.com"));
        assertArrayEquals(new int[] {0, 3}, ix.certificatesCovering(RECOVERY, "*.example.com"));
        assertArrayEquals(new int[] {2}, ix.certificatesCovering(RECOVERY, "*.b.example.com"));
        assertArrayEquals(new int[] {}, ix.certificatesCovering(RECOVERY, "x.a.b.example.com"));
        assertArrayEquals(new int[] {}, ix.certificatesCovering(RECOVERY, "com"));
        assertArrayEquals(new int[] {}, ix.certificatesCovering("ap-south-1", "api.example.com"));
    }

    @Test
    void namesSplitOverSeveralCertificatesAreNotCoveredAndTheClosestIsTheFirstOfTheBest() {
        Resource p = cert(PRIMARY, "p", "example.com", List.of("www.example.com", "api.example.com"), "inUseBy", List.of(LB));
        Resource apexOnly = cert(RECOVERY, "apex", "example.com", List.of());
        Resource wildcard = cert(RECOVERY, "wild", "*.example.com", List.of());
        Resource wildcardToo = cert(RECOVERY, "wild2", "api.example.com", List.of("www.example.com"));
        Verdict v = decide(p, apexOnly, wildcard, wildcardToo);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type(), v.annotation());
        assertEquals(Labels.of(p) + ": no certificate in " + RECOVERY + " covers all its names; the closest, "
                + Labels.of(wildcard) + ", lacks example.com.", v.annotation());
    }

    @Test
    void ofSeveralEquallyGoodTwinsTheFirstListedIsChosen() {
        Resource p = cert(PRIMARY, "p", "api.example.com", List.of(), "inUseBy", List.of(LB), "type", "AMAZON_ISSUED", "renewalEligibility", "ELIGIBLE");
        Resource pending = cert(RECOVERY, "r0", "api.example.com", List.of(), "status", "PENDING_VALIDATION");
        Resource first = cert(RECOVERY, "r1", "*.example.com", List.of(), "type", "AMAZON_ISSUED", "renewalEligibility", "ELIGIBLE");
        Resource second = cert(RECOVERY, "r2", "api.example.com", List.of(), "type", "AMAZON_ISSUED", "renewalEligibility", "ELIGIBLE");
        assertSame(first, decide(p, pending, first, second).counterpart());
        assertSame(second, decide(p, pending, second, first).counterpart());
    }

    @Test
    void theSameIndexJudgedWithAnotherSessionsGapsUsesThoseGaps() {
        Resource p = cert(PRIMARY, "p", "api.example.com", List.of(), "inUseBy", List.of(LB));
        Resource unread = cert(RECOVERY, "u", "other.example.com", List.of());
        EdgeIndex ix = new EdgeIndex(List.of(p, unread));
        Verdict withGap = AcmCertificateAvailableInRecoveryRegion.decide(p, PAIR, ix,
                gaps(new CollectionGap(ACCOUNT, RECOVERY, "acm", "DescribeCertificate", CERT, unread.getResourceId(), "ThrottlingException", "slow down")),
                NOW, 30, "");
        Verdict without = AcmCertificateAvailableInRecoveryRegion.decide(p, PAIR, ix, NO_GAPS, NOW, 30, "");
        assertEquals(ComplianceType.INSUFFICIENT_DATA, withGap.type(), withGap.annotation());
        assertEquals(ComplianceType.NON_COMPLIANT, without.type(), without.annotation());
    }
}
