package io.failready.collect;

import io.failready.collect.aws.account.AccountCollector;
import io.failready.collect.aws.acm.AcmCollector;
import io.failready.collect.aws.apigateway.ApiGatewayCollector;
import io.failready.collect.aws.autoscaling.AutoScalingCollector;
import io.failready.collect.aws.backup.BackupCollector;
import io.failready.collect.aws.cloudfront.CloudFrontCollector;
import io.failready.collect.aws.cloudtrail.CloudTrailCollector;
import io.failready.collect.aws.cloudwatch.CloudWatchCollector;
import io.failready.collect.aws.config.ConfigCollector;
import io.failready.collect.aws.dynamodb.DynamoDbCollector;
import io.failready.collect.aws.ec2.VpcCollector;
import io.failready.collect.aws.ecr.EcrCollector;
import io.failready.collect.aws.ecs.EcsCollector;
import io.failready.collect.aws.elasticloadbalancingv2.ElbV2Collector;
import io.failready.collect.aws.guardduty.GuardDutyCollector;
import io.failready.collect.aws.iam.IamCollector;
import io.failready.collect.aws.kms.KmsCollector;
import io.failready.collect.aws.lambda.LambdaCollector;
import io.failready.collect.aws.rds.RdsCollector;
import io.failready.collect.aws.route53.Route53Collector;
import io.failready.collect.aws.s3.S3Collector;
import io.failready.collect.aws.secretsmanager.SecretsManagerCollector;
import io.failready.collect.aws.securityhub.SecurityHubCollector;
import io.failready.collect.aws.servicequotas.ServiceQuotasCollector;
import io.failready.collect.aws.ssm.SsmCollector;

import java.util.List;

/** Every collector, in one explicit list sorted by class name (a test checks the order). */
public final class CollectorRegistry {
    private CollectorRegistry() {}

    public static List<Collector> all() {
        return List.of(
                // keep-sorted start
                new AccountCollector(),
                new AcmCollector(),
                new ApiGatewayCollector(),
                new AutoScalingCollector(),
                new BackupCollector(),
                new CloudFrontCollector(),
                new CloudTrailCollector(),
                new CloudWatchCollector(),
                new ConfigCollector(),
                new DynamoDbCollector(),
                new EcrCollector(),
                new EcsCollector(),
                new ElbV2Collector(),
                new GuardDutyCollector(),
                new IamCollector(),
                new KmsCollector(),
                new LambdaCollector(),
                new RdsCollector(),
                new Route53Collector(),
                new S3Collector(),
                new SecretsManagerCollector(),
                new SecurityHubCollector(),
                new ServiceQuotasCollector(),
                new SsmCollector(),
                new VpcCollector()
                // keep-sorted end
        );
    }
}
