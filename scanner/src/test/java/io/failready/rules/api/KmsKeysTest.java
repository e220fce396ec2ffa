package io.failready.rules.api;

import io.failready.facts.Resource;
import io.failready.rules.api.SecurityCopyKey;
import io.failready.model.ComplianceType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.SecurityFacts.*;
import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.*;

/** How KmsKeys resolves the keys data stores and their recovery copies name. */
class KmsKeysTest {
    @Test
    void aKeyNamedOnlyByOutOfScopeStoresProtectsNothing() {
        Resource k = key(KEY, PRIMARY, Map.of());
        Resource bucket = res("AWS::S3::Bucket", "arn:aws:s3:::b", "b", PRIMARY, false, Map.of("encryption", Map.of("kmsMasterKeyId", KEY)));
        assertFalse(index(k, bucket).protectsData(KEY));
        assertTrue(index(k, table("t", "1111aaaa")).protectsData(KEY));   // a bare key id resolves in the store's account and region
    }

    @Test
    void copyKeyRefsAreNormalisedInTheCopysRegionAndAccount() {
        Resource secret = res("AWS::SecretsManager::Secret", "arn:aws:secretsmanager:us-east-1:111111111111:secret:s-Ab", "s", PRIMARY, true,
                Map.of("kmsKeyId", KEY, "replicationStatus", List.of(Map.of("region", RECOVERY, "kmsKeyId", "alias/s-dr"),
                        Map.of("region", "eu-central-1", "kmsKeyId", "alias/aws/secretsmanager"), Map.of("region", "ap-south-1"))));
        assertEquals(List.of(new SecurityCopyKey(secret, "replica of secret s in eu-west-1", RECOVERY, "arn:aws:kms:eu-west-1:111111111111:alias/s-dr"),
                new SecurityCopyKey(secret, "replica of secret s in eu-central-1", "eu-central-1", "alias/aws/secretsmanager")),
                KmsKeys.copyKeyRefs(secret, id -> null));
        Resource bucket = res("AWS::S3::Bucket", "arn:aws:s3:::b", "b", PRIMARY, true, Map.of("encryption", Map.of("kmsMasterKeyId", KEY),
                "replication", Map.of("rules", List.of(
                        Map.of("status", "Disabled", "destinationBucketArn", "arn:aws:s3:::off", "destinationRegion", RECOVERY, "replicaKmsKeyId", "k0"),
                        Map.of("status", "Enabled", "destinationBucketArn", "arn:aws:s3:::b-dr", "replicaKmsKeyId", EU_KEY),
                        Map.of("status", "Enabled", "destinationBucketArn", "arn:aws:s3:::b-x", "destinationRegion", RECOVERY,
                                "destinationAccount", "222222222222", "replicaKmsKeyId", "3333cccc")))));
        assertEquals(List.of(new SecurityCopyKey(bucket, "replica bucket b-dr of b", RECOVERY, EU_KEY),
                new SecurityCopyKey(bucket, "replica bucket b-x of b", RECOVERY, "arn:aws:kms:eu-west-1:222222222222:key/3333cccc")),
                KmsKeys.copyKeyRefs(bucket, id -> null));
    }

    @Test
    void rdsCopiesAreFollowedThroughReplicaLinksButNotBackupReplications() {
        String replicaArn = "arn:aws:rds:eu-west-1:111111111111:db:db-dr";
        Resource replica = res("AWS::RDS::DBInstance", replicaArn, "db-dr", RECOVERY, false, Map.of("kmsKeyId", "2222bbbb"));
        Resource db = res("AWS::RDS::DBInstance", "arn:aws:rds:us-east-1:111111111111:db:db", "db", PRIMARY, true, Map.of("kmsKeyId", KEY,
                "replicaLinks", List.of(Map.of("region", RECOVERY, "resourceId", "arn:aws:rds:eu-west-1:111111111111:auto-backup:ab-1",
                                "kind", "rds-automated-backup-replication"),
                        Map.of("region", RECOVERY, "resourceId", replicaArn, "kind", "rds-read-replica"),
                        Map.of("region", RECOVERY, "resourceId", "arn:aws:rds:eu-west-1:111111111111:db:not-collected", "kind", "rds-read-replica"))));
        Map<String, Resource> rds = Map.of(replicaArn, replica, "arn:aws:rds:eu-west-1:111111111111:auto-backup:ab-1", replica);
        assertEquals(List.of(new SecurityCopyKey(db, "read replica db-dr of db", RECOVERY, EU_KEY)), KmsKeys.copyKeyRefs(db, rds::get));
    }
}
