package io.failready.rules.api;

import io.failready.facts.Resource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.failready.rules.api.TestFacts.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The one label per resource type, as annotations print it: the label its collector declares. */
class LabelsTest {
    @Test
    void aKmsKeyIsNamedByItsFirstAliasAndItsKeyId() {
        assertEquals("KMS key alias/app (1111aaaa)", Labels.of(resource(KmsKeys.KMS_KEY, SecurityFacts.KEY, "1111aaaa", PRIMARY,
                "keyId", "1111aaaa", "aliases", List.of("alias/app", "alias/other"))));
        assertEquals("KMS key 1111aaaa", Labels.of(resource(KmsKeys.KMS_KEY, SecurityFacts.KEY, "1111aaaa", PRIMARY)));
        assertEquals("alias/app (1111aaaa)", Labels.name(resource(KmsKeys.KMS_KEY, SecurityFacts.KEY, "1111aaaa", PRIMARY,
                "keyId", "1111aaaa", "aliases", List.of("alias/app"))));
    }

    @Test
    void secretsAndRolesReadAsTheirServiceNamesThem() {
        assertEquals("Secrets Manager secret prod/db", Labels.of(resource("AWS::SecretsManager::Secret",
                "arn:aws:secretsmanager:us-east-1:111111111111:secret:prod/db-AbCd", "prod/db", PRIMARY)));
        assertEquals("IAM role app", Labels.of(resource("AWS::IAM::Role", "arn:aws:iam::111111111111:role/app", "app", "global")));
        assertEquals("Aurora cluster core", Labels.of(resource("AWS::RDS::DBCluster", "arn:aws:rds:us-east-1:111111111111:cluster:core", "core", PRIMARY)));
    }

    @Test
    void namesGivesTheFirstInSortOrderAndHowManyMore() {
        assertEquals("nothing", Text.names(List.of()));
        assertEquals("b-fn", Text.names(List.of("b-fn")));
        assertEquals("a and 2 more", Text.names(List.of("c", "a", "b", "a")));
    }

    @Test
    void everyCollectedTypeHasItsCollectorsLabel() {
        assertEquals("Aurora cluster", Labels.kind("AWS::RDS::DBCluster"));
        assertEquals("Lambda function", Labels.kind("AWS::Lambda::Function"));
        assertEquals("SSM parameter", Labels.kind("AWS::SSM::Parameter"));
        assertEquals("ECS service", Labels.kind("AWS::ECS::Service"));
        assertEquals("S3 bucket orders", Labels.of(new Resource("AWS::S3::Bucket", "arn:aws:s3:::orders", "orders", "111122223333",
                "eu-west-1", Map.of(), Map.of())));
    }

    @Test
    void aTypeNoCollectorWritesIsNamedByItsType() {
        assertEquals("Custom::Thing::Widget", Labels.kind("Custom::Thing::Widget"));
        assertEquals("*", Labels.service("Custom::Thing::Widget"));
    }

    @Test
    void theServiceBehindATypeIsItsCollectors() {
        assertEquals("rds", Labels.service("AWS::RDS::DBInstance"));
        assertEquals("cloudwatch", Labels.service("Failready::CloudWatch::ReplicationLag"));
        assertEquals("account", Labels.service("AWS::::Account"));
    }
}
