package io.failready.rules.traffic;

import io.failready.config.DrStrategy;
import io.failready.config.Workload;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.TrafficIndex;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.dnsRecord;
import static io.failready.rules.api.TestFacts.workload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one endpoint fits several scenarios, the first in the documented order decides. */
class Route53FailoverRecordsConfiguredTest {
    private static final String API = "api.example.com";

    private static Resource record(String id, Object... kv) { return dnsRecord(id, API + ".", kv); }

    private static Verdict decide(Workload w, Resource... records) {
        w.endpoints.add(API);
        return Route53FailoverRecordsConfigured.decide(API, PAIR, w, new TrafficIndex(w, List.of(PAIR), List.of(records)), NO_GAPS);
    }

    @Test
    void unreadableRoute53OutranksNoRecord() {
        Workload w = workload(DrStrategy.WARM_STANDBY, 60);
        w.endpoints.add(API);
        TrafficIndex ix = new TrafficIndex(w, List.of(PAIR), List.of());
        assertEquals(ComplianceType.NON_COMPLIANT, Route53FailoverRecordsConfigured.decide(API, PAIR, w, ix, NO_GAPS).type());
        Verdict v = Route53FailoverRecordsConfigured.decide(API, PAIR, w, ix, gaps(denied(Resource.GLOBAL, "route53")));
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().startsWith("Route 53 endpoint api.example.com: cannot read its records"), v.annotation());
    }

    @Test
    void aWrongRegionPrimaryIsReportedBeforeAnUnresolvedSecondary() {
        Verdict v = decide(workload(DrStrategy.WARM_STANDBY, 60),
                record("p", "failover", "PRIMARY", "targetRegion", "ap-south-1", "healthCheckId", "hc"),
                record("s", "failover", "SECONDARY"));
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("Route 53 endpoint api.example.com has its PRIMARY record pointing at ap-south-1, not us-east-1.", v.annotation());
    }

    @Test
    void anUnresolvedSecondaryIsInsufficientDataOnlyWhenNoSecondaryReachesTheRecoveryRegion() {
        Resource primary = record("p", "failover", "PRIMARY", "targetRegion", PRIMARY, "healthCheckId", "hc");
        assertEquals(ComplianceType.INSUFFICIENT_DATA,
                decide(workload(DrStrategy.WARM_STANDBY, 60), primary, record("s", "failover", "SECONDARY")).type());
        assertEquals(ComplianceType.COMPLIANT, decide(workload(DrStrategy.WARM_STANDBY, 60), primary,
                record("s1", "failover", "SECONDARY"), record("s2", "failover", "SECONDARY", "targetRegion", RECOVERY)).type());
    }

    @Test
    void activeActiveAcceptsGuardedLatencyRecordsInBothRegions() {
        Verdict v = decide(workload(DrStrategy.ACTIVE_ACTIVE, 60),
                record("a", "latencyRegion", PRIMARY, "targetRegion", PRIMARY, "healthCheckId", "hc"),
                record("b", "latencyRegion", RECOVERY, "targetRegion", RECOVERY));
        assertEquals(ComplianceType.COMPLIANT, v.type());
        assertEquals(ComplianceType.NON_COMPLIANT, decide(workload(DrStrategy.WARM_STANDBY, 60),
                record("a", "latencyRegion", PRIMARY, "targetRegion", PRIMARY, "healthCheckId", "hc"),
                record("b", "latencyRegion", RECOVERY, "targetRegion", RECOVERY)).type());
    }
}
