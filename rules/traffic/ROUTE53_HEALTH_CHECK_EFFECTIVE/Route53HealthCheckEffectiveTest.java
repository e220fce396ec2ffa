package io.failready.rules.traffic;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.DnsRecords;
import io.failready.rules.api.TrafficIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.resource;
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one endpoint fits several scenarios, the first in the documented order decides. */
class Route53HealthCheckEffectiveTest {
    private static final Resource GUARDED = resource(DnsRecords.RECORD, "p", "api.example.com", Resource.GLOBAL,
            "name", "api.example.com", "type", "A", "ttl", 60, "healthCheckId", "hc-1");

    private static Resource check(Object... kv) { return resource(DnsRecords.HEALTH_CHECK, "hc-1", "hc-1", Resource.GLOBAL, kv); }

    private static Verdict decide(long rtoMinutes, Resource... facts) {
        Workload w = workload(DrStrategy.WARM_STANDBY, rtoMinutes);
        w.endpoints.add("api.example.com");
        List<Resource> all = new ArrayList<>(List.of(facts));
        all.add(GUARDED);
        return Route53HealthCheckEffective.decide("api.example.com", w, new TrafficIndex(w, List.of(PAIR), all), NO_GAPS);
    }

    @Test
    void aBarePathIsAFindingEvenWithoutAnRto() {
        Verdict v = decide(-1, check("type", "HTTPS", "resourcePath", "/"));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("probes the bare path"), v.annotation());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(-1, check("type", "HTTPS", "resourcePath", "/health")).type());
    }

    @Test
    void aCheckMissingFromTheInventoryIsInsufficientData() {
        assertEquals(ComplianceType.INSUFFICIENT_DATA, decide(60).type());
    }

    @Test
    void detectionPlusTtlMustFitInTheRto() {
        Resource slow = check("type", "HTTPS", "resourcePath", "/health", "requestInterval", 30, "failureThreshold", 3);
        assertEquals(ComplianceType.COMPLIANT, decide(3, slow).type());       // 90 s + 60 s TTL <= 180 s
        assertEquals(ComplianceType.NON_COMPLIANT, decide(2, slow).type());   // 150 s > 120 s
    }
}
