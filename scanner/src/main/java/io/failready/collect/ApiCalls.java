package io.failready.collect;

import java.util.List;
import java.util.Map;

/**
 * Every AWS operation the collectors may send, as {@code <IAM service prefix>:<Operation>}.
 * This list is the proof that collection is read-only and secret-free: a test fails if an entry
 * is not a List/Describe/Get read (or one of the two allowed STS calls) or is a secret-exposing
 * call, another test records what a full scan actually sends and checks it is a subset, and
 * {@link IamPolicy} derives the scanner's least-privilege policy from it.
 *
 * <p>Operation names are the API's; where IAM names the permission differently (three S3 calls)
 * {@link #iamAction} translates.
 */
public final class ApiCalls {
    private ApiCalls() {}

    // keep-sorted start
    private static final List<String> ALL = List.of(
            "account:ListRegions",
            "acm:DescribeCertificate",
            "acm:ListCertificates",
            "apigateway:GetApiMappings",
            "apigateway:GetApis",
            "apigateway:GetDomainNames",
            "apigateway:GetRestApis",
            "application-autoscaling:DescribeScalableTargets",
            "autoscaling:DescribeAutoScalingGroups",
            "backup:GetBackupPlan",
            "backup:GetBackupSelection",
            "backup:ListBackupPlans",
            "backup:ListBackupSelections",
            "backup:ListBackupVaults",
            "cloudfront:ListDistributions",
            "cloudfront:ListTagsForResource",
            "cloudtrail:DescribeTrails",
            "cloudtrail:GetTrailStatus",
            "cloudwatch:DescribeAlarms",
            "cloudwatch:GetMetricData",
            "config:DescribeConfigurationRecorderStatus",
            "config:DescribeConfigurationRecorders",
            "dynamodb:DescribeContinuousBackups",
            "dynamodb:DescribeGlobalTable",
            "dynamodb:DescribeTable",
            "dynamodb:ListGlobalTables",
            "dynamodb:ListTables",
            "dynamodb:ListTagsOfResource",
            "ec2:DescribeNatGateways",
            "ec2:DescribeRouteTables",
            "ec2:DescribeSubnets",
            "ec2:DescribeVpcEndpoints",
            "ec2:DescribeVpcs",
            "ecr:DescribeImages",
            "ecr:DescribeRegistry",
            "ecr:DescribeRepositories",
            "ecs:DescribeServices",
            "ecs:DescribeTaskDefinition",
            "ecs:ListClusters",
            "ecs:ListServices",
            "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeLoadBalancers",
            "elasticloadbalancing:DescribeTags",
            "elasticloadbalancing:DescribeTargetGroups",
            "elasticloadbalancing:DescribeTargetHealth",
            "guardduty:GetDetector",
            "guardduty:ListDetectors",
            "iam:GetPolicy",
            "iam:GetPolicyVersion",
            "iam:GetRolePolicy",
            "iam:ListAttachedRolePolicies",
            "iam:ListRolePolicies",
            "iam:ListRoles",
            "kms:DescribeKey",
            "kms:GetKeyPolicy",
            "kms:ListAliases",
            "kms:ListKeys",
            "lambda:GetAccountSettings",
            "lambda:GetFunctionConcurrency",
            "lambda:ListFunctions",
            "lambda:ListTags",
            "organizations:ListAccounts",
            "rds:DescribeDBClusters",
            "rds:DescribeDBInstances",
            "rds:DescribeGlobalClusters",
            "route53:ListHealthChecks",
            "route53:ListHostedZones",
            "route53:ListResourceRecordSets",
            "s3:GetBucketEncryption",
            "s3:GetBucketLocation",
            "s3:GetBucketReplication",
            "s3:GetBucketTagging",
            "s3:GetBucketVersioning",
            "s3:ListBuckets",
            "secretsmanager:DescribeSecret",
            "secretsmanager:ListSecrets",
            "securityhub:DescribeHub",
            "securityhub:DescribeSecurityHubV2",
            "servicequotas:GetAWSDefaultServiceQuota",
            "servicequotas:GetServiceQuota",
            "ssm:DescribeParameters",
            "ssm:GetParameters",
            "sts:AssumeRole",
            "sts:GetCallerIdentity");
    // keep-sorted end

    /** API operation -> IAM action, where they differ. */
    private static final Map<String, String> IAM_NAMES = Map.of(
            "s3:GetBucketEncryption", "s3:GetEncryptionConfiguration",
            "s3:GetBucketReplication", "s3:GetReplicationConfiguration",
            "s3:ListBuckets", "s3:ListAllMyBuckets",
            // API Gateway authorises every read of its management API with one action
            "apigateway:GetApiMappings", "apigateway:GET",
            "apigateway:GetApis", "apigateway:GET",
            "apigateway:GetDomainNames", "apigateway:GET",
            "apigateway:GetRestApis", "apigateway:GET");

    /** SDK service id (as in gaps) -> IAM prefix, where they differ. */
    private static final Map<String, String> GAP_SERVICE = Map.of(
            "application-autoscaling", "applicationautoscaling",
            "elasticloadbalancing", "elasticloadbalancingv2");

    /** Sorted, immutable. */
    public static List<String> all() { return ALL; }

    /** The IAM action that authorises {@code call}. */
    public static String iamAction(String call) { return IAM_NAMES.getOrDefault(call, call); }

    /** The {@code service} a gap names for an IAM prefix (the SDK service id in lower case). */
    public static String gapService(String iamPrefix) { return GAP_SERVICE.getOrDefault(iamPrefix, iamPrefix); }
}
