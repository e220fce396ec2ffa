package io.failready.rules.fn;

import io.failready.config.Workload;
import io.failready.facts.CollectionGap;
import io.failready.facts.Counterpart;
import io.failready.facts.Counterparts;
import io.failready.facts.GapIndex;
import io.failready.facts.RegionPair;
import io.failready.facts.Resource;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CapacityFunctionsTest {
    private static final String ACCT = "111111111111";
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final RegionPair PAIR = new RegionPair("w", US, EU);
    private static final GapIndex NO_GAPS = new GapIndex(List.of(), Set.of(), Set.of());

    private static Resource res(String type, String name, String region, Map<String, Object> config) {
        return new Resource(type, "arn:" + type + ":" + region + ":" + name, name, ACCT, region, null, config);
    }

    private static Counterparts twins(Resource primary, Resource recovery) {
        return new Counterparts(List.of(new Counterpart(primary.getResourceType(), primary.getResourceId(), EU, recovery, "same-name")));
    }

    private static GapIndex gapIn(String region, String service) {
        return new GapIndex(List.of(CollectionGap.serviceWide(ACCT, region, service, "Describe", "AccessDenied", "")), Set.of(), Set.of());
    }

    @Test
    void lambdaReservedShortfallIsReportedEvenWhenAccountLimitsAreUnknown() {
        Resource f = res("AWS::Lambda::Function", "auth", US, Map.of("reservedConcurrency", 100));
        Resource c = res("AWS::Lambda::Function", "auth", EU, Map.of());
        Verdict v = CapacityFunctions.lambdaRecoveryConcurrency(f, PAIR, NO_GAPS, twins(f, c), Map.of());
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, v.type());
        assertSame(c, v.counterpart());
    }

    @Test
    void lambdaUnknownLimitsGiveTheRecoverySidesReasonFirstAndStillNameTheTwin() {
        Resource f = res("AWS::Lambda::Function", "auth", US, Map.of());
        Resource c = res("AWS::Lambda::Function", "auth", EU, Map.of());
        Verdict v = CapacityFunctions.lambdaRecoveryConcurrency(f, PAIR, gapIn(EU, "servicequotas"), twins(f, c), Map.of());
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertTrue(v.annotation().contains("AccessDenied on servicequotas:Describe in " + ACCT + "/" + EU), v.annotation());
        assertSame(c, v.counterpart());
    }

    @Test
    void concurrencyLimitsKeepTheFirstQuotaWithAValuePerAccountAndRegion() {
        Map<String, Object> noValue = Map.of("quotaCode", CapacityFunctions.LAMBDA_CONCURRENCY_QUOTA);
        List<Resource> quotas = List.of(
                res("AWS::ServiceQuotas::Quota", "q1", US, noValue),
                res("AWS::ServiceQuotas::Quota", "q2", US, Map.of("quotaCode", CapacityFunctions.LAMBDA_CONCURRENCY_QUOTA, "value", 1000)),
                res("AWS::ServiceQuotas::Quota", "q3", US, Map.of("quotaCode", CapacityFunctions.LAMBDA_CONCURRENCY_QUOTA, "value", 500)));
        Map<String, Double> limits = CapacityFunctions.concurrencyLimits(quotas);
        assertEquals(CapacityFunctions.quotaValue(quotas, ACCT, US, CapacityFunctions.LAMBDA_CONCURRENCY_QUOTA),
                CapacityFunctions.accountLimit(limits, res("AWS::Lambda::Function", "f", US, Map.of())));
        assertEquals(1000.0, CapacityFunctions.accountLimit(limits, res("AWS::Lambda::Function", "f", US, Map.of())));
        assertNull(CapacityFunctions.accountLimit(limits, res("AWS::Lambda::Function", "f", EU, Map.of())));
    }

    @Test
    void rdsHeadlessSecondaryIsAFindingNotMissingData() {
        Resource db = res("AWS::RDS::DBCluster", "orders", US, Map.of("writerInstanceClass", "db.r6g.large"));
        Resource c = res("AWS::RDS::DBCluster", "orders", EU, Map.of("instanceClasses", List.of()));
        Verdict v = CapacityFunctions.rdsRecoveryInstanceClass(db, PAIR, NO_GAPS, twins(db, c));
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, v.type());
        assertTrue(v.annotation().contains("has no DB instances to promote"), v.annotation());
    }

    @Test
    void rdsWithoutCounterpartFailsOnlyWhenItListsAReplicaThere() {
        Resource linked = res("AWS::RDS::DBInstance", "orders", US, Map.of("replicaLinks", List.of(Map.of("region", EU))));
        Resource alone = res("AWS::RDS::DBInstance", "orders", US, Map.of());
        Counterparts none = new Counterparts(List.of());
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, CapacityFunctions.rdsRecoveryInstanceClass(linked, PAIR, NO_GAPS, none).type());
        assertEquals(io.failready.model.ComplianceType.NOT_APPLICABLE, CapacityFunctions.rdsRecoveryInstanceClass(alone, PAIR, NO_GAPS, none).type());
        // a gap in the recovery region outranks both: the copy may be there, unseen
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, CapacityFunctions.rdsRecoveryInstanceClass(alone, PAIR, gapIn(EU, "rds"), none).type());
    }

    @Test
    void dynamoGapOutranksNotAGlobalTable() {
        Resource t = res("AWS::DynamoDB::Table", "orders", US, Map.of("billingMode", "PAY_PER_REQUEST"));
        Counterparts none = new Counterparts(List.of());
        assertEquals(io.failready.model.ComplianceType.NOT_APPLICABLE, CapacityFunctions.dynamoRecoveryCapacity(t, PAIR, 1.0, NO_GAPS, none).type());
        Verdict v = CapacityFunctions.dynamoRecoveryCapacity(t, PAIR, 1.0, gapIn(US, "dynamodb"), none);
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertNull(v.counterpart());
    }

    @Test
    void asgSizeNotCollectedStillNamesTheTwin() {
        Resource g = res("AWS::AutoScaling::AutoScalingGroup", "web", US, Map.of("desiredCapacity", 4));
        Resource c = res("AWS::AutoScaling::AutoScalingGroup", "web", EU, Map.of());
        Verdict v = CapacityFunctions.asgRecoveryCapacity(g, PAIR, new Workload(), 1.0, NO_GAPS, twins(g, c));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertSame(c, v.counterpart());
    }
    @Test
    void ceilIgnoresFloatingPointNoise() {
        assertEquals(2, CapacityFunctions.ceil(12 * 0.1 + 0.5));   // 1.7 -> 2
        assertEquals(2, CapacityFunctions.ceil(20 * 0.1));         // 2.0000000000000004 must stay 2
        assertEquals(6, CapacityFunctions.ceil(12 * 0.5));
    }

    @Test
    void ratiosPrintAsWritten() {
        assertEquals("0.5", CapacityFunctions.ratio(0.5));
        assertEquals("1", CapacityFunctions.ratio(1.0));
        assertEquals("0.25", CapacityFunctions.ratio(0.25));
    }

    @Test
    void instanceClassesCompareBySizeThenFamily() {
        assertTrue(CapacityFunctions.classSmaller("db.r6g.2xlarge", "db.r6g.large"));
        assertTrue(CapacityFunctions.classSmaller("db.r6g.xlarge", "db.m6g.xlarge"));
        assertTrue(CapacityFunctions.classSmaller("db.m6g.large", "db.t4g.large"));
        assertFalse(CapacityFunctions.classSmaller("db.r5.2xlarge", "db.r6g.2xlarge"));
        assertFalse(CapacityFunctions.classSmaller("db.m6g.large", "db.m6g.xlarge"));
        assertFalse(CapacityFunctions.classSmaller("db.r6g.2xlarge", "db.serverless"));   // not comparable
        assertEquals(-1, CapacityFunctions.classSize("db.serverless"));
    }
}
