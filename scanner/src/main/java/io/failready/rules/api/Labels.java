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
            Map.entry("AWS::AutoScaling::AutoScalingGroup", "Auto Scaling group"),
            Map.entry("AWS::CloudWatch::Alarm", "CloudWatch alarm"),
            Map.entry("AWS::ECS::Service", "ECS service"),
            Map.entry("AWS::Lambda::Function", "Lambda function"),
            Map.entry("AWS::SSM::Parameter", "SSM parameter"),
            Map.entry("AWS::S3::Bucket", "S3 bucket"),
            Map.entry("AWS::DynamoDB::Table", "DynamoDB table"),
            Map.entry("AWS::RDS::DBCluster", "Aurora cluster"),
            Map.entry("AWS::RDS::DBInstance", "RDS instance"),
            Map.entry("AWS::ECR::Repository", "ECR repository"),
            Map.entry("AWS::KMS::Key", "KMS key"),
            Map.entry("AWS::SecretsManager::Secret", "Secrets Manager secret"),
            Map.entry("AWS::IAM::Role", "IAM role"));

    /** "S3 bucket", or the type itself when it has no label. */
    public static String kind(String resourceType) { return KINDS.getOrDefault(resourceType, resourceType); }

    /** "S3 bucket orders"; a KMS key as {@link #name} gives it. */
    public static String of(Resource r) { return kind(r.getResourceType()) + " " + name(r); }

    /**
     * The resource's name in a label. A KMS key's name is an opaque id, so its first alias leads
     * when it has one: "alias/app (1111aaaa)".
     */
    public static String name(Resource r) {
        if (!"AWS::KMS::Key".equals(r.getResourceType())) return r.getResourceName();
        String id = r.str("keyId") != null ? r.str("keyId") : r.getResourceName();
        java.util.List<Object> aliases = r.list("aliases");
        return aliases.isEmpty() ? id : aliases.get(0) + " (" + id + ")";
    }
}
