package io.failready.rules.api;

import io.failready.facts.Resource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.dnsRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;

class DnsRecordsTest {
    private static Resource alias(String name, String target) {
        return dnsRecord(name, name, "aliasTarget", Map.of("dnsName", target, "hostedZoneId", "/hostedzone/Z1"));
    }

    private static Map<String, List<Resource>> zone(Resource... records) {
        Map<String, List<Resource>> z = new HashMap<>();
        for (Resource r : records) z.computeIfAbsent(DnsRecords.zoneKey(r), k -> new ArrayList<>()).add(r);
        return z;
    }

    @Test
    void aSameZoneAliasAnswersWithItsTargetsTtlThroughAChain() {
        Resource a = alias("api.example.com.", "b.example.com."), b = alias("b.example.com", "c.example.com"), c = dnsRecord("c", "C.example.com", "ttl", 300);
        assertEquals(300, DnsRecords.resolvedTtl(a, zone(a, b, c)));
    }

    @Test
    void aLoopingOrDanglingAliasHasNoTtl() {
        Resource a = alias("a.example.com", "b.example.com"), b = alias("b.example.com", "a.example.com");
        assertEquals(DnsRecords.ALIAS_LOOP, DnsRecords.resolvedTtl(a, zone(a, b)));
        Resource lone = alias("x.example.com", "nowhere.example.com");
        assertEquals(DnsRecords.ALIAS_DANGLING, DnsRecords.resolvedTtl(lone, zone(lone)));
    }

    @Test
    void anAliasToAnAwsResourceCountsAsSixtySeconds() {
        Resource elb = dnsRecord("elb", "api.example.com", "aliasTarget", Map.of("dnsName", "lb.elb.amazonaws.com", "hostedZoneId", "Z35SXDOTRQ7X7K"));
        assertEquals(DnsRecords.ALIAS_TTL, DnsRecords.resolvedTtl(elb, zone(elb)));
    }
}
