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
            "application-autoscaling:DescribeScalableTargets",
            "autoscaling:DescribeAutoScalingGroups",
            "backup:GetBackupPlan",
            "backup:GetBackupSelection",
            "backup:ListBackupPlans",
            "backup:ListBackupSelections",
            "backup:ListBackupVaults",
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
            "ecr:DescribeImages",
            "ecr:DescribeRegistry",
            "ecr:DescribeRepositories",
            "ecs:DescribeServices",
            "ecs:DescribeTaskDefinition",
            "ecs:ListClusters",
            "ecs:ListServices",
            "eks:DescribeCluster",
            "eks:DescribeNodegroup",
            "eks:ListClusters",
            "eks:ListFargateProfiles",
            "eks:ListNodegroups",
            "elasticache:DescribeGlobalReplicationGroups",
            "elasticache:DescribeReplicationGroups",
            "elasticache:ListTagsForResource",
            "elasticfilesystem:DescribeFileSystems",
            "elasticfilesystem:DescribeReplicationConfigurations",
            "events:ListEndpoints",
            "events:ListEventBuses",
            "events:ListRules",
            "events:ListTagsForResource",
            "events:ListTargetsByRule",
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
            "rds:ListTagsForResource",
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
            "sns:GetTopicAttributes",
            "sns:ListSubscriptionsByTopic",
            "sns:ListTagsForResource",
            "sns:ListTopics",
            "sqs:GetQueueAttributes",
            "sqs:ListQueueTags",
            "sqs:ListQueues",
            "ssm:DescribeParameters",
            "ssm:GetParameters",
            "sts:AssumeRole",
            "sts:GetCallerIdentity");
    // keep-sorted end

    /** API operation -> IAM action, where they differ. */
    private static final Map<String, String> IAM_NAMES = Map.of(
            "s3:GetBucketEncryption", "s3:GetEncryptionConfiguration",
            "s3:GetBucketReplication", "s3:GetReplicationConfiguration",
            "s3:ListBuckets", "s3:ListAllMyBuckets");

    /** SDK service id (as in gaps) -> IAM prefix, where they differ. */
    private static final Map<String, String> GAP_SERVICE = Map.of(
            "application-autoscaling", "applicationautoscaling",
            "elasticfilesystem", "efs",
            "events", "eventbridge");

    /** Sorted, immutable. */
    public static List<String> all() { return ALL; }

    /** The IAM action that authorises {@code call}. */
    public static String iamAction(String call) { return IAM_NAMES.getOrDefault(call, call); }

    /** The {@code service} a gap names for an IAM prefix (the SDK service id in lower case). */
    public static String gapService(String iamPrefix) { return GAP_SERVICE.getOrDefault(iamPrefix, iamPrefix); }
}
