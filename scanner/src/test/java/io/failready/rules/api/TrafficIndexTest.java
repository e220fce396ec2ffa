package io.failready.rules.api;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.Resource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.dnsRecord;
import static io.failready.rules.api.TestFacts.resource;
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TrafficIndexTest {
    private static Resource record(String id, String account, String name, Object... kv) {
        Resource r = dnsRecord(id, name, kv);
        return new Resource(r.getResourceType(), id, name, account, Resource.GLOBAL, null, r.getConfiguration());
    }

    @Test
    void declaredEndpointsAreNormalisedAndTurnDiscoveryOff() {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        w.endpoints.add("API.Example.com.");
        Resource routed = record("r1", TestFacts.ACCOUNT, "other.example.com", "failover", "PRIMARY");
        TrafficIndex ix = new TrafficIndex(w, List.of(PAIR), List.of(routed));
        assertEquals(List.of("api.example.com"), ix.getEndpoints());
        assertEquals(List.of(routed), ix.records("other.example.com"));
    }

    @Test
    void withoutDeclaredEndpointsRoutingAndPrimaryTargetedRecordsAreDiscovered() {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        Resource weighted = record("r1", TestFacts.ACCOUNT, "b.example.com.", "weight", 10);
        Resource toPrimary = record("r2", TestFacts.ACCOUNT, "a.example.com", "targetRegion", PRIMARY);
        Resource plain = record("r3", TestFacts.ACCOUNT, "c.example.com", "targetRegion", "ap-south-1");
        Resource txt = record("r4", TestFacts.ACCOUNT, "d.example.com", "type", "TXT", "weight", 1);
        Resource foreign = record("r5", "999999999999", "e.example.com", "weight", 1);
        TrafficIndex ix = new TrafficIndex(w, List.of(PAIR), List.of(weighted, toPrimary, plain, txt, foreign));
        assertEquals(List.of("a.example.com", "b.example.com"), ix.getEndpoints());
    }

    @Test
    void anEndpointIsFiledUnderTheLowestAccountHoldingItsRecordsUnlessRoute53IsUnreadable() {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        w.endpoints.add("api.example.com");
        TrafficIndex ix = new TrafficIndex(w, List.of(PAIR), List.of(
                record("r2", "333333333333", "api.example.com"), record("r1", "222222222222", "api.example.com")));
        assertEquals(new Subject(DnsRecords.RECORD, "api.example.com", "222222222222", "global", PAIR.recovery),
                ix.endpoint("api.example.com", PAIR, NO_GAPS));
        assertEquals(TestFacts.ACCOUNT, ix.endpoint("api.example.com", PAIR, gaps(denied(Resource.GLOBAL, "route53"))).accountId());
        assertEquals(TestFacts.ACCOUNT, ix.endpoint("nothing.example.com", PAIR, NO_GAPS).accountId());
    }

    @Test
    void healthChecksAreFoundById() {
        Resource hc = resource(DnsRecords.HEALTH_CHECK, "hc-1", "hc-1", Resource.GLOBAL);
        TrafficIndex ix = new TrafficIndex(workload(DrStrategy.WARM_STANDBY, 60), List.of(PAIR), List.of(hc));
        assertSame(hc, ix.healthCheck("hc-1"));
    }
}
