package io.failready.rules.fn;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class OperationsFunctionsTest {
    private static final String US = "us-east-1";
    private static final String EU = "eu-west-1";
    private static final String ACCT = "111122223333";
    private static final RegionPair PAIR = new RegionPair("payments", US, EU);
    private static final GapIndex NO_GAPS = new GapIndex(List.of(), Set.of(), Set.of());

    @Test
    void findsPrimaryRegionArn() {
        assertEquals("arn:aws:sqs:us-east-1:111122223333:payments-events",
                OperationsFunctions.regionReference("arn:aws:sqs:us-east-1:111122223333:payments-events", US));
    }

    @Test
    void findsEndpointHostsWithRegionOrShortToken() {
        assertEquals("sqs.us-east-1.amazonaws.com",
                OperationsFunctions.regionReference("https://sqs.us-east-1.amazonaws.com/111122223333/q", US));
        assertEquals("payments.abc.us-east-1.rds.amazonaws.com",
                OperationsFunctions.regionReference("payments.abc.us-east-1.rds.amazonaws.com:5432", US));
        assertEquals("c.x1.ng.0001.use1.cache.amazonaws.com",
                OperationsFunctions.regionReference("c.x1.ng.0001.use1.cache.amazonaws.com", US));
        assertEquals("bucket.s3-us-east-1.amazonaws.com",
                OperationsFunctions.regionReference("https://bucket.s3-us-east-1.amazonaws.com/k", US));
    }

    @Test
    void ignoresBareRegionNamesGlobalArnsOtherRegionsAndRedactedValues() {
        assertNull(OperationsFunctions.regionReference("us-east-1", US));
        assertNull(OperationsFunctions.regionReference("arn:aws:iam::111122223333:role/x", US));
        assertNull(OperationsFunctions.regionReference("arn:aws:sqs:eu-west-1:111122223333:q", US));
        assertNull(OperationsFunctions.regionReference("https://sqs.eu-west-1.amazonaws.com/1/q", US));
        assertNull(OperationsFunctions.regionReference("[REDACTED]", US));
        assertNull(OperationsFunctions.regionReference("reuse1.example.com", US));
    }

    @Test
    void imageReferencesIgnoreTheRegistryHost() {
        assertEquals("payments-api:1.8.0", OperationsFunctions.repoAndTag("111122223333.dkr.ecr.us-east-1.amazonaws.com/payments-api:1.8.0"));
        assertEquals("library/nginx:1.27", OperationsFunctions.repoAndTag("library/nginx:1.27"));
        assertEquals("nginx:1.27", OperationsFunctions.repoAndTag("nginx:1.27"));
    }

    // ---------------------------------------------------------------- decision order

    private static Resource parameter(String region, Map<String, Object> config) {
        return new Resource("AWS::SSM::Parameter", "arn:aws:ssm:" + region + ":" + ACCT + ":parameter/db-url", "/db-url", ACCT, region, null, config);
    }

    private static Resource function(String region, Map<String, Object> config) {
        return new Resource("AWS::Lambda::Function", "arn:aws:lambda:" + region + ":" + ACCT + ":function:api", "api", ACCT, region, null, config);
    }

    @Test
    void anUnreadableParameterIsInsufficientDataEvenWhenItIsASecureString() {
        Resource secure = parameter(EU, Map.of("type", "SecureString"));
        GapIndex denied = new GapIndex(List.of(new CollectionGap(ACCT, EU, "ssm", "GetParameters", "AWS::SSM::Parameter",
                secure.getResourceId(), "AccessDenied", "")), Set.of(), Set.of());
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, OperationsFunctions.primaryRegionReferences(secure, PAIR, denied).type());
        assertEquals(io.failready.model.ComplianceType.NOT_APPLICABLE, OperationsFunctions.primaryRegionReferences(secure, PAIR, NO_GAPS).type());
    }

    @Test
    void oneReadableReferenceFailsAFunctionWhoseOtherValuesAreRedacted() {
        Resource fn = function(EU, Map.of("environment", Map.of("QUEUE", "https://sqs.us-east-1.amazonaws.com/1/q", "TOKEN", "[REDACTED]")));
        Verdict v = OperationsFunctions.primaryRegionReferences(fn, PAIR, NO_GAPS);
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("Lambda function api in eu-west-1 points at us-east-1: QUEUE -> sqs.us-east-1.amazonaws.com.", v.annotation());
        Resource allRedacted = function(EU, Map.of("environment", Map.of("TOKEN", "[REDACTED]")));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, OperationsFunctions.primaryRegionReferences(allRedacted, PAIR, NO_GAPS).type());
    }

    @Test
    void anUnreadableRecoveryRegionIsNotReportedAsAMissingCounterpart() {
        Resource fn = function(US, Map.of("codeSha256", "abc"));
        GapIndex recoveryDenied = new GapIndex(List.of(new CollectionGap(ACCT, EU, "lambda", "ListFunctions", null, null, "AccessDenied", "")),
                Set.of(), Set.of());
        Verdict v = OperationsFunctions.deploymentParity(fn, PAIR, recoveryDenied, new Counterparts(List.of()));
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertEquals("Lambda function api: cannot tell what runs in eu-west-1 (AccessDenied on lambda:ListFunctions in " + ACCT + "/eu-west-1).",
                v.annotation());
        assertEquals(io.failready.model.ComplianceType.NON_COMPLIANT, OperationsFunctions.deploymentParity(fn, PAIR, NO_GAPS, new Counterparts(List.of())).type());
    }

    @Test
    void anUncomparableBuildNamesTheCounterpartItCouldNotCompare() {
        Resource fn = function(US, Map.of("codeSha256", "abc"));
        Resource twin = function(EU, Map.of());
        Counterparts cps = new Counterparts(List.of(new Counterpart(fn.getResourceType(), fn.getResourceId(), EU, twin, "same-name")));
        Verdict v = OperationsFunctions.deploymentParity(fn, PAIR, NO_GAPS, cps);
        assertEquals(io.failready.model.ComplianceType.INSUFFICIENT_DATA, v.type());
        assertSame(twin, v.counterpart());
    }
}
