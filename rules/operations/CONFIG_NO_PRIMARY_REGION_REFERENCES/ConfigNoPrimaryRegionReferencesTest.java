package io.failready.rules.operations;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import io.failready.model.ComplianceType;
import io.failready.rules.api.Verdict;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.failready.rules.api.TestFacts.ACCOUNT;
import static io.failready.rules.api.TestFacts.NO_GAPS;
import static io.failready.rules.api.TestFacts.PAIR;
import static io.failready.rules.api.TestFacts.RECOVERY;
import static io.failready.rules.api.TestFacts.gaps;
import static io.failready.rules.api.TestFacts.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Where one function or parameter fits several scenarios, the first in the documented order decides. */
class ConfigNoPrimaryRegionReferencesTest {
    private static final String US = "us-east-1";

    private static Resource parameter(Object... kv) {
        return resource("AWS::SSM::Parameter", "arn:aws:ssm:" + RECOVERY + ":" + ACCOUNT + ":parameter/db-url", "/db-url", RECOVERY, kv);
    }

    private static Resource function(Map<String, String> env) {
        return resource("AWS::Lambda::Function", "arn:aws:lambda:" + RECOVERY + ":" + ACCOUNT + ":function:api", "api", RECOVERY, "environment", env);
    }

    @Test
    void findsPrimaryRegionArn() {
        assertEquals("arn:aws:sqs:us-east-1:111122223333:payments-events",
                ConfigNoPrimaryRegionReferences.regionReference("arn:aws:sqs:us-east-1:111122223333:payments-events", US));
    }

    @Test
    void findsEndpointHostsWithRegionOrShortToken() {
        assertEquals("sqs.us-east-1.amazonaws.com", ConfigNoPrimaryRegionReferences.regionReference("https://sqs.us-east-1.amazonaws.com/111122223333/q", US));
        assertEquals("payments.abc.us-east-1.rds.amazonaws.com", ConfigNoPrimaryRegionReferences.regionReference("payments.abc.us-east-1.rds.amazonaws.com:5432", US));
        assertEquals("c.x1.ng.0001.use1.cache.amazonaws.com", ConfigNoPrimaryRegionReferences.regionReference("c.x1.ng.0001.use1.cache.amazonaws.com", US));
        assertEquals("bucket.s3-us-east-1.amazonaws.com", ConfigNoPrimaryRegionReferences.regionReference("https://bucket.s3-us-east-1.amazonaws.com/k", US));
    }

    @Test
    void ignoresBareRegionNamesGlobalArnsOtherRegionsAndRedactedValues() {
        assertNull(ConfigNoPrimaryRegionReferences.regionReference("us-east-1", US));
        assertNull(ConfigNoPrimaryRegionReferences.regionReference("arn:aws:iam::111122223333:role/x", US));
        assertNull(ConfigNoPrimaryRegionReferences.regionReference("arn:aws:sqs:eu-west-1:111122223333:q", US));
        assertNull(ConfigNoPrimaryRegionReferences.regionReference("https://sqs.eu-west-1.amazonaws.com/1/q", US));
        assertNull(ConfigNoPrimaryRegionReferences.regionReference("[REDACTED]", US));
        assertNull(ConfigNoPrimaryRegionReferences.regionReference("reuse1.example.com", US));
    }

    @Test
    void anUnreadableParameterIsInsufficientDataEvenWhenItIsASecureString() {
        Resource secure = parameter("type", "SecureString");
        CollectionGap denied = new CollectionGap(ACCOUNT, RECOVERY, "ssm", "GetParameters", "AWS::SSM::Parameter", secure.getResourceId(), "AccessDenied", "");
        assertEquals(ComplianceType.INSUFFICIENT_DATA, ConfigNoPrimaryRegionReferences.decide(secure, PAIR, gaps(denied)).type());
        assertEquals(ComplianceType.NOT_APPLICABLE, ConfigNoPrimaryRegionReferences.decide(secure, PAIR, NO_GAPS).type());
    }

    @Test
    void oneReadableReferenceFailsAFunctionWhoseOtherValuesAreRedacted() {
        Verdict v = ConfigNoPrimaryRegionReferences.decide(function(Map.of("QUEUE", "https://sqs.us-east-1.amazonaws.com/1/q", "TOKEN", "[REDACTED]")), PAIR, NO_GAPS);
        assertEquals(ComplianceType.NON_COMPLIANT, v.type());
        assertEquals("Lambda function api in eu-west-1 points at us-east-1: QUEUE -> sqs.us-east-1.amazonaws.com.", v.annotation());
        assertEquals(ComplianceType.INSUFFICIENT_DATA, ConfigNoPrimaryRegionReferences.decide(function(Map.of("TOKEN", "[REDACTED]")), PAIR, NO_GAPS).type());
        assertEquals(ComplianceType.COMPLIANT, ConfigNoPrimaryRegionReferences.decide(function(Map.of()), PAIR, NO_GAPS).type());
    }
}
