package io.failready.rules.api;

import io.failready.facts.Resource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.PRIMARY;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ServiceQuotasTest {
    private static final String CODE = ServiceQuotas.LAMBDA_CONCURRENCY_QUOTA;

    private static Resource fn(String region) { return resource("AWS::Lambda::Function", "f-" + region, "f", region); }

    @Test
    void concurrencyLimitsKeepTheFirstQuotaWithAValuePerAccountAndRegion() {
        List<Resource> quotas = List.of(
                resource("AWS::ServiceQuotas::Quota", "q1", "q1", PRIMARY, "quotaCode", CODE),
                resource("AWS::ServiceQuotas::Quota", "q2", "q2", PRIMARY, "quotaCode", CODE, "value", 1000),
                resource("AWS::ServiceQuotas::Quota", "q3", "q3", PRIMARY, "quotaCode", CODE, "value", 500));
        ServiceQuotas.ConcurrencyLimits limits = ServiceQuotas.concurrencyLimits(quotas);
        assertEquals(ServiceQuotas.value(quotas, ACCOUNT, PRIMARY, CODE), limits.accountLimit(fn(PRIMARY)));
        assertEquals(1000.0, limits.accountLimit(fn(PRIMARY)));
        assertNull(limits.accountLimit(fn(RECOVERY)));
    }

    @Test
    void lambdaAccountSettingsOutrankTheServiceQuotasValue() {
        List<Resource> both = List.of(
                resource("AWS::ServiceQuotas::Quota", "q", "q", PRIMARY, "quotaCode", CODE, "value", 1000),
                resource(ServiceQuotas.LAMBDA_ACCOUNT_SETTINGS, "s", "s", PRIMARY, "concurrentExecutions", 400, "unreservedConcurrentExecutions", 300));
        assertEquals(400.0, ServiceQuotas.value(both, ACCOUNT, PRIMARY, CODE));
        assertEquals(400.0, ServiceQuotas.concurrencyLimits(both).accountLimit(fn(PRIMARY)));
        assertEquals(300.0, ServiceQuotas.concurrencyLimits(both).unreservedPool(fn(PRIMARY)));
    }
}
