package io.failready.rules.api;

import io.failready.facts.Resource;

import java.util.Map;

/**
 * The one human label per resource type ("S3 bucket orders"), so every annotation names a resource
 * the same way.
 */
public final class Labels {
    private Labels() {}

    // TODO(descriptor): derived from the collectors' declared resource types once they declare them.
    private static final Map<String, String> KINDS = Map.ofEntries(
            Map.entry("AWS::S3::Bucket", "S3 bucket"),
            Map.entry("AWS::DynamoDB::Table", "DynamoDB table"),
            Map.entry("AWS::RDS::DBCluster", "Aurora cluster"),
            Map.entry("AWS::RDS::DBInstance", "RDS instance"),
            Map.entry("AWS::ECR::Repository", "ECR repository"),
            Map.entry("AWS::KMS::Key", "KMS key"),
            Map.entry("AWS::SecretsManager::Secret", "secret"),
            Map.entry("AWS::CertificateManager::Certificate", "ACM certificate"),
            Map.entry("AWS::ElasticLoadBalancingV2::LoadBalancer", "load balancer"),
            Map.entry("AWS::ElasticLoadBalancingV2::TargetGroup", "target group"),
            Map.entry("AWS::ApiGatewayV2::DomainName", "API Gateway custom domain"),
            Map.entry("AWS::ApiGateway::RestApi", "REST API"),
            Map.entry("AWS::ApiGatewayV2::Api", "HTTP API"),
            Map.entry("AWS::CloudFront::Distribution", "CloudFront distribution"),
            Map.entry("AWS::EC2::VPC", "VPC"));

    /** "S3 bucket", or the type itself when it has no label. */
    public static String kind(String resourceType) { return KINDS.getOrDefault(resourceType, resourceType); }

    /** "S3 bucket orders". */
    public static String of(Resource r) { return kind(r.getResourceType()) + " " + r.getResourceName(); }
}
