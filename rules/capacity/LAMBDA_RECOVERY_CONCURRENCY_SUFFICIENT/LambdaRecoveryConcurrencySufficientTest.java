package io.failready.rules.capacity;

import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.ServiceQuotas;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.denied;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static io.failready.rules.api.TestFacts.twins;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where one function fits several scenarios, the first in the documented order decides. */
class LambdaRecoveryConcurrencySufficientTest {
    private static final ServiceQuotas.ConcurrencyLimits UNKNOWN = ServiceQuotas.concurrencyLimits(List.of());

    private static Resource fn(String region, Object... kv) {
        return resource("AWS::Lambda::Function", "arn:aws:lambda:" + region + ":" + ACCOUNT + ":function:auth", "auth", region, kv);
    }

    private static Resource settings(String region, int limit, int unreserved) {
        return resource(ServiceQuotas.LAMBDA_ACCOUNT_SETTINGS, "settings-" + region, "settings", region,
                "concurrentExecutions", limit, "unreservedConcurrentExecutions", unreserved);
    }

    @Test
    void aReservedShortfallIsReportedEvenWhenAccountLimitsAreUnknown() {
        Resource f = fn(PRIMARY, "reservedConcurrency", 100);
        Resource c = fn(RECOVERY);
        Verdict v = LambdaRecoveryConcurrencySufficient.decide(f, PAIR, NO_GAPS, twins(f, c), UNKNOWN);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertSame(c, v.counterpart());
    }

    @Test
    void unknownLimitsGiveTheRecoverySidesReasonAndStillNameTheTwin() {
        Resource f = fn(PRIMARY);
        Resource c = fn(RECOVERY);
        Verdict v = LambdaRecoveryConcurrencySufficient.decide(f, PAIR, gaps(denied(RECOVERY, "servicequotas")), twins(f, c), UNKNOWN);
        assertEquals(ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("AccessDenied on servicequotas:List in " + ACCOUNT + "/" + RECOVERY), v.annotation());
        assertSame(c, v.counterpart());
    }

    @Test
    void aReservationCappingAnUnreservedPrimaryIsReportedBeforeTheAccountLimits() {
        Resource f = fn(PRIMARY);
        Resource c = fn(RECOVERY, "reservedConcurrency", 50);
        // the recovery account limit is lower too; the cap is the finding named
        ServiceQuotas.ConcurrencyLimits limits = ServiceQuotas.concurrencyLimits(List.of(settings(PRIMARY, 1000, 900), settings(RECOVERY, 500, 400)));
        Verdict v = LambdaRecoveryConcurrencySufficient.decide(f, PAIR, NO_GAPS, twins(f, c), limits);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("capped by its reserved concurrency of 50"), v.annotation());
    }
}
