package io.failready.rules.api;

import io.failready.facts.Resource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Annotations name a resource by the label its collector declares. */
class LabelsTest {
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
