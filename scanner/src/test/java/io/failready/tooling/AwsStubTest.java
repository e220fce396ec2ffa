package io.failready.tooling;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sts.StsClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stub (tests and the collection benchmark) speaks the protocols well enough for the real SDK, and adds its latency. */
class AwsStubTest {
    @Test
    void assumeRoleThenListSecretsThroughTheRealSdkWithInjectedLatency() throws Exception {
        try (AwsStub stub = new AwsStub(20, 3)) {
            var base = StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIATESTNOTREAL00000", "x"));
            try (StsClient sts = StsClient.builder().region(Region.US_EAST_1).endpointOverride(stub.endpoint()).credentialsProvider(base)
                    .httpClient(software.amazon.awssdk.http.apache.ApacheHttpClient.create()).build()) {
                var creds = sts.assumeRole(b -> b.roleArn("arn:aws:iam::210000000007:role/failready-audit").roleSessionName("failready")).credentials();
                assertTrue(creds.accessKeyId().startsWith("ASIA210000000007"));
                var session = StaticCredentialsProvider.create(software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                        creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken()));
                try (SecretsManagerClient sm = SecretsManagerClient.builder().region(Region.EU_WEST_1).endpointOverride(stub.endpoint())
                        .credentialsProvider(session).httpClient(software.amazon.awssdk.http.apache.ApacheHttpClient.create()).build()) {
                    long t0 = System.nanoTime();
                    var list = sm.listSecrets(b -> {}).secretList();
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(3, list.size());
                    assertTrue(list.get(0).arn().startsWith("arn:aws:secretsmanager:eu-west-1:210000000007:secret:"), list.get(0).arn());
                    assertTrue(ms >= 20, "latency injected: " + ms + " ms");
                }
            }
            assertEquals(2, stub.totalCalls());
            assertEquals(1L, stub.callsByOperation().get("sts:AssumeRole"));
            assertEquals(1L, stub.callsByOperation().get("secretsmanager:ListSecrets"));
        }
    }
}
