package io.failready.collect;

import io.failready.collect.Redactor;
import io.failready.collect.aws.route53.Route53Collector;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.*;

class RedactionAndRegionsTest {
    @Test
    void secretLookingEnvironmentValuesAreRedacted() {
        Map<String, String> out = Redactor.redact(Map.of(
                "TABLE_NAME", "orders",
                "DB_PASSWORD", "hunter2",
                "API_TOKEN", "x",
                "CONFIG", "AKIAIOSFODNN7EXAMPLE",
                "CERT_BODY", "-----BEGIN PRIVATE KEY-----abc",
                "DB_URL", "postgres://app:s3cr3t@db.example.com/orders",
                "RANDOM", "Zx8Kq2Lm9Pw4Rt7Yv1Bn3Cd6Fg0Hj5Ks",
                "BUCKET_ARN", "arn:aws:s3:::orders-bucket-with-a-long-name-2024",
                "ENDPOINT", "https://orders.us-east-1.example.com/api/v1"));
        assertEquals("orders", out.get("TABLE_NAME"));
        assertEquals("arn:aws:s3:::orders-bucket-with-a-long-name-2024", out.get("BUCKET_ARN"));
        assertEquals("https://orders.us-east-1.example.com/api/v1", out.get("ENDPOINT"));
        for (String k : new String[]{"DB_PASSWORD", "API_TOKEN", "CONFIG", "CERT_BODY", "DB_URL", "RANDOM"}) {
            assertEquals(Redactor.REDACTED, out.get(k), k);
        }
    }

    @Test
    void regionIsReadFromAwsDnsNames() {
        assertEquals("eu-west-1", Route53Collector.regionIn("dualstack.my-alb-1.eu-west-1.elb.amazonaws.com."));
        assertEquals("us-east-1", Route53Collector.regionIn("s3-website-us-east-1.amazonaws.com"));
        assertEquals("ap-southeast-2", Route53Collector.regionIn("d-abc.execute-api.ap-southeast-2.amazonaws.com"));
        assertEquals("us-gov-west-1", Route53Collector.regionIn("x.us-gov-west-1.elb.amazonaws.com"));
        assertNull(Route53Collector.regionIn("d111.cloudfront.net"));
        assertNull(Route53Collector.regionIn(null));
    }
}
