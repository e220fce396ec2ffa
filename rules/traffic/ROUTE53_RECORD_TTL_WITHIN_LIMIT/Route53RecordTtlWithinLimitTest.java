package io.failready.rules.traffic;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.TrafficIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.dnsRecord;
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one endpoint fits several scenarios, the first in the documented order decides. */
class Route53RecordTtlWithinLimitTest {

    private static Verdict decide(long max, Resource... records) {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        w.endpoints.add("api.example.com");
        return Route53RecordTtlWithinLimit.decide("api.example.com", max, new TrafficIndex(w, List.of(PAIR), List.of(records)), NO_GAPS);
    }

    @Test
    void aLoopingAliasIsReportedEvenWhenAnotherRecordsTtlIsTooLong() {
        Verdict v = decide(60, dnsRecord("a", "api.example.com", "ttl", 300),
                dnsRecord("b", "api.example.com", "setIdentifier", "b", "aliasTarget", Map.of("dnsName", "api.example.com", "hostedZoneId", "Z1")));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("loops back on itself"), v.annotation());
    }

    @Test
    void theLongestResolvedTtlIsJudgedAgainstTheLimit() {
        Resource alias = dnsRecord("a", "api.example.com", "aliasTarget", Map.of("dnsName", "origin.example.com", "hostedZoneId", "/hostedzone/Z1"));
        Resource origin = dnsRecord("o", "origin.example.com", "ttl", 120);
        Verdict v = decide(60, alias, origin);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("Route 53 endpoint api.example.com has its A record with TTL 120 s (alias to origin.example.com), above the 60 s limit.", v.annotation());
        assertEquals(ComplianceType.COMPLIANT, decide(120, alias, origin).type());
    }

    @Test
    void noRecordIsNotApplicable() {
        assertEquals(ComplianceType.NOT_APPLICABLE, decide(60).type());
    }
}
