package io.failready.rules.fn;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OperationsFunctionsTest {
    private static final String US = "us-east-1";

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
}
