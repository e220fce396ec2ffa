package io.failready.collect.aws;

import io.failready.collect.Collector;
import io.failready.collect.CollectorDescriptor;
import io.failready.collect.FrameworkClients;
import io.failready.collect.aws.account.AccountCollector;
import io.failready.collect.aws.acm.AcmCollector;
import io.failready.collect.aws.apigateway.ApiGatewayCollector;
import io.failready.collect.aws.arcregionswitch.ArcRegionSwitchCollector;
import io.failready.collect.aws.autoscaling.AutoScalingCollector;
import io.failready.collect.aws.backup.BackupCollector;
import io.failready.collect.aws.cloudfront.CloudFrontCollector;
import io.failready.collect.aws.cloudtrail.CloudTrailCollector;
import io.failready.collect.aws.cloudwatch.CloudWatchCollector;
import io.failready.collect.aws.config.ConfigCollector;
import io.failready.collect.aws.docdb.DocDbCollector;
import io.failready.collect.aws.dynamodb.DynamoDbCollector;
import io.failready.collect.aws.ec2.VpcCollector;
import io.failready.collect.aws.ecr.EcrCollector;
import io.failready.collect.aws.ecs.EcsCollector;
import io.failready.collect.aws.elasticloadbalancingv2.ElbV2Collector;
import io.failready.collect.aws.efs.EfsCollector;
import io.failready.collect.aws.eks.EksCollector;
import io.failready.collect.aws.elasticache.ElastiCacheCollector;
import io.failready.collect.aws.eventbridge.EventBridgeCollector;
import io.failready.collect.aws.fis.FisCollector;
import io.failready.collect.aws.guardduty.GuardDutyCollector;
import io.failready.collect.aws.iam.IamCollector;
import io.failready.collect.aws.kms.KmsCollector;
import io.failready.collect.aws.lambda.LambdaCollector;
import io.failready.collect.aws.neptune.NeptuneCollector;
import io.failready.collect.aws.rds.RdsCollector;
import io.failready.collect.aws.route53.Route53Collector;
import io.failready.collect.aws.s3.S3Collector;
import io.failready.collect.aws.secretsmanager.SecretsManagerCollector;
import io.failready.collect.aws.securityhub.SecurityHubCollector;
import io.failready.collect.aws.servicequotas.ServiceQuotasCollector;
import io.failready.collect.aws.sns.SnsCollector;
import io.failready.collect.aws.sqs.SqsCollector;
import io.failready.collect.aws.ssm.SsmCollector;

import java.util.List;

/**
 * Every collector, in one explicit list sorted by class name (a test checks the order). The one
 * list: the client factory's builders, {@link ApiCalls}, {@link IamPolicy}, {@link ResourceTypes}
 * (labels, the service behind each resource type, docs/resource-types.md) derive from it. It lives
 * beside the collector packages, not in {@code io.failready.collect}, which they all depend on.
 */
public final class CollectorRegistry {
    private CollectorRegistry() {}

    /** New instances (a collector may keep per-scan state); their descriptors are constants. */
    public static List<Collector> all() {
        return List.of(
                // keep-sorted start
                new AccountCollector(),
                new AcmCollector(),
                new ApiGatewayCollector(),
                new ArcRegionSwitchCollector(),
                new AutoScalingCollector(),
                new BackupCollector(),
                new CloudFrontCollector(),
                new CloudTrailCollector(),
                new CloudWatchCollector(),
                new ConfigCollector(),
                new DocDbCollector(),
                new DynamoDbCollector(),
                new EcrCollector(),
                new EcsCollector(),
                new EfsCollector(),
                new EksCollector(),
                new ElastiCacheCollector(),
                new ElbV2Collector(),
                new EventBridgeCollector(),
                new FisCollector(),
                new GuardDutyCollector(),
                new IamCollector(),
                new KmsCollector(),
                new LambdaCollector(),
                new NeptuneCollector(),
                new RdsCollector(),
                new Route53Collector(),
                new S3Collector(),
                new SecretsManagerCollector(),
                new SecurityHubCollector(),
                new ServiceQuotasCollector(),
                new SnsCollector(),
                new SqsCollector(),
                new SsmCollector(),
                new VpcCollector()
                // keep-sorted end
        );
    }

    private static final List<CollectorDescriptor> DESCRIPTORS = all().stream().map(Collector::descriptor).toList();

    /** The descriptors of {@link #all()}, in the same order. */
    public static List<CollectorDescriptor> descriptors() { return DESCRIPTORS; }

    /** The collectors' descriptors, then the scanner's own clients ({@link FrameworkClients}): everything that calls AWS. */
    public static List<CollectorDescriptor> everyCaller() {
        List<CollectorDescriptor> out = new java.util.ArrayList<>(DESCRIPTORS);
        out.addAll(FrameworkClients.ALL);
        return List.copyOf(out);
    }
}
