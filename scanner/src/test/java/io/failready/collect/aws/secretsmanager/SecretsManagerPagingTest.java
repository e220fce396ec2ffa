package io.failready.collect.aws.secretsmanager;

import io.failready.collect.CollectorHarness;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.ReplicationStatusType;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * Secrets Manager listing and mapping on a mocked client interface: every ListSecrets page is read,
 * only secrets originating here are described (replicas are not), and a refused DescribeSecret is a
 * gap on that one secret, which is still listed without a replication status.
 */
class SecretsManagerPagingTest {
    static final String EU = "eu-west-1", US = "us-east-1";

    static String arn(String name) { return "arn:aws:secretsmanager:" + EU + ":" + CollectorHarness.ACCOUNT + ":secret:" + name + "-AbCdEf"; }

    static SecretListEntry secret(String name, String primaryRegion) {
        return SecretListEntry.builder().arn(arn(name)).name(name).kmsKeyId("alias/aws/secretsmanager").rotationEnabled(true)
                .primaryRegion(primaryRegion).build();
    }

    @Test
    void everyPageIsReadAndOnlySecretsOriginatingHereAreDescribed() {
        SecretsManagerClient sm = CollectorHarness.mockClient(SecretsManagerClient.class);
        doReturn(ListSecretsResponse.builder().secretList(secret("db-password", EU), secret("replica-of-us", US)).nextToken("t2").build())
                .when(sm).listSecrets(argThat((ListSecretsRequest r) -> r != null && r.nextToken() == null));
        doReturn(ListSecretsResponse.builder().secretList(secret("api-token", null), secret("denied", EU)).build())
                .when(sm).listSecrets(argThat((ListSecretsRequest r) -> r != null && "t2".equals(r.nextToken())));
        doReturn(DescribeSecretResponse.builder().replicationStatus(ReplicationStatusType.builder().region(US).status("InSync")
                .kmsKeyId("alias/aws/secretsmanager").build()).build())
                .when(sm).describeSecret(argThat((DescribeSecretRequest r) -> r != null && r.secretId().equals(arn("db-password"))));
        doReturn(DescribeSecretResponse.builder().build())
                .when(sm).describeSecret(argThat((DescribeSecretRequest r) -> r != null && r.secretId().equals(arn("api-token"))));
        doThrow(SecretsManagerException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDeniedException").errorMessage("not authorized to perform secretsmanager:DescribeSecret").build()).build())
                .when(sm).describeSecret(argThat((DescribeSecretRequest r) -> r != null && r.secretId().equals(arn("denied"))));

        var result = new CollectorHarness(EU, List.of(EU, US)).client(SecretsManagerClient.class, sm).run(new SecretsManagerCollector());

        assertEquals(List.of(arn("db-password"), arn("replica-of-us"), arn("api-token"), arn("denied")),
                result.resources().stream().map(r -> r.getResourceId()).toList(), "both pages, in order");
        assertEquals(List.of(Map.of("region", US, "status", "InSync", "kmsKeyId", "alias/aws/secretsmanager")),
                result.resource(arn("db-password")).get("replicationStatus"));
        assertEquals(US, result.resource(arn("replica-of-us")).get("primaryRegion"));
        assertNull(result.resource(arn("replica-of-us")).get("replicationStatus"), "a replica is not described");
        assertNull(result.resource(arn("denied")).get("replicationStatus"), "refused: unknown, not 'no replicas'");
        assertEquals(List.of(EU + " secretsmanager DescribeSecret " + arn("denied")
                + " AccessDeniedException: not authorized to perform secretsmanager:DescribeSecret"), result.gapLines());
        assertEquals(SecretsManagerCollector.TYPE, result.gaps().get(0).getResourceType());
        verify(sm, times(2)).listSecrets(any(ListSecretsRequest.class));
        verify(sm, times(3)).describeSecret(any(DescribeSecretRequest.class));
        verify(sm, never()).describeSecret(argThat((DescribeSecretRequest r) -> r != null && r.secretId().equals(arn("replica-of-us"))));
        assertFalse(result.resources().stream().anyMatch(r -> r.getConfiguration().containsKey("secretString")));
    }

    @Test
    void aRefusedListingIsOneServiceWideGapAndNoSecrets() {
        SecretsManagerClient sm = CollectorHarness.mockClient(SecretsManagerClient.class);
        doThrow(SecretsManagerException.builder().statusCode(400).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDeniedException").errorMessage("no").build()).build()).when(sm).listSecrets(any(ListSecretsRequest.class));

        var result = new CollectorHarness(EU, List.of(EU)).client(SecretsManagerClient.class, sm).run(new SecretsManagerCollector());

        assertEquals(List.of(), result.resources());
        assertEquals(List.of(EU + " secretsmanager ListSecrets - AccessDeniedException: no"), result.gapLines());
        verify(sm, never()).describeSecret(any(DescribeSecretRequest.class));
    }
}
