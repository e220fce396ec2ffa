package io.failready.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.account.AccountClient;
import software.amazon.awssdk.services.acm.AcmClient;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.applicationautoscaling.ApplicationAutoScalingClient;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.config.ConfigClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.ecr.EcrClient;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.guardduty.GuardDutyClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.rds.RdsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.securityhub.SecurityHubClient;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Builds SDK clients per account + region, each with an explicit region (never the default chain,
 * which probes instance metadata for seconds), the account's credentials, the endpoint override
 * when one is given, the adaptive retry mode with bounded attempts, per-call timeouts, and one
 * Apache HTTP client with a bounded pool shared by every client in the JVM.
 */
public final class ClientFactory implements AutoCloseable {
    /** Attempts per call (the first try included) before a throttle or a 5xx becomes a gap. */
    public static final int MAX_ATTEMPTS = 3;
    private static final int MAX_CONNECTIONS = 64;
    private static volatile SdkHttpClient sharedHttp;

    /*
     * Builders by client type, as method references rather than type.getMethod("builder"): that
     * reflective lookup materialises every method of the client interface, loading hundreds of
     * request and response classes per service, and was half the CPU time of collecting 20 accounts.
     */
    private static final Map<Class<?>, Supplier<?>> BUILDERS = Map.ofEntries(
            Map.entry(AccountClient.class, AccountClient::builder),
            Map.entry(AcmClient.class, AcmClient::builder),
            Map.entry(ApiGatewayClient.class, ApiGatewayClient::builder),
            Map.entry(ApiGatewayV2Client.class, ApiGatewayV2Client::builder),
            Map.entry(CloudFrontClient.class, CloudFrontClient::builder),
            Map.entry(Ec2Client.class, Ec2Client::builder),
            Map.entry(ElasticLoadBalancingV2Client.class, ElasticLoadBalancingV2Client::builder),
            Map.entry(ApplicationAutoScalingClient.class, ApplicationAutoScalingClient::builder),
            Map.entry(AutoScalingClient.class, AutoScalingClient::builder),
            Map.entry(BackupClient.class, BackupClient::builder),
            Map.entry(CloudTrailClient.class, CloudTrailClient::builder),
            Map.entry(CloudWatchClient.class, CloudWatchClient::builder),
            Map.entry(ConfigClient.class, ConfigClient::builder),
            Map.entry(DynamoDbClient.class, DynamoDbClient::builder),
            Map.entry(EcrClient.class, EcrClient::builder),
            Map.entry(EcsClient.class, EcsClient::builder),
            Map.entry(GuardDutyClient.class, GuardDutyClient::builder),
            Map.entry(IamClient.class, IamClient::builder),
            Map.entry(KmsClient.class, KmsClient::builder),
            Map.entry(LambdaClient.class, LambdaClient::builder),
            Map.entry(OrganizationsClient.class, OrganizationsClient::builder),
            Map.entry(RdsClient.class, RdsClient::builder),
            Map.entry(Route53Client.class, Route53Client::builder),
            Map.entry(S3Client.class, S3Client::builder),
            Map.entry(SecretsManagerClient.class, SecretsManagerClient::builder),
            Map.entry(SecurityHubClient.class, SecurityHubClient::builder),
            Map.entry(ServiceQuotasClient.class, ServiceQuotasClient::builder),
            Map.entry(SsmClient.class, SsmClient::builder),
            Map.entry(StsClient.class, StsClient::builder));

    private final URI endpoint;
    private final Duration callTimeout;
    private final BackoffStrategy backoffOverride;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    public ClientFactory(URI endpoint, Duration callTimeout) {
        this(endpoint, callTimeout, null);
    }

    /**
     * @param backoffOverride replaces the SDK's retry delays (both normal and throttling); tests use
     *                        it to keep throttling scenarios fast. Null keeps the SDK defaults.
     */
    public ClientFactory(URI endpoint, Duration callTimeout, BackoffStrategy backoffOverride) {
        this.endpoint = endpoint;
        this.callTimeout = callTimeout == null ? CollectRequest.DEFAULT_CALL_TIMEOUT : callTimeout;
        this.backoffOverride = backoffOverride;
    }

    /** The endpoint given on the command line, else the standard {@code AWS_ENDPOINT_URL}, else none. */
    public static URI resolveEndpoint(URI given, Map<String, String> env) {
        if (given != null) return given;
        String e = env.get("AWS_ENDPOINT_URL");
        return e == null || e.isBlank() ? null : URI.create(e.trim());
    }

    public URI endpoint() { return endpoint; }

    /** One Apache client per JVM: connection pools are the expensive part, clients are cheap. */
    static SdkHttpClient sharedHttpClient() {
        SdkHttpClient h = sharedHttp;
        if (h == null) {
            synchronized (ClientFactory.class) {
                h = sharedHttp;
                if (h == null) {
                    h = ApacheHttpClient.builder()
                            .maxConnections(MAX_CONNECTIONS)
                            .connectionTimeout(Duration.ofSeconds(5))
                            .connectionAcquisitionTimeout(Duration.ofSeconds(30))
                            .socketTimeout(Duration.ofSeconds(60))
                            .build();
                    sharedHttp = h;
                }
            }
        }
        return h;
    }

    /** Signing region for a client: global services have fixed homes, "global" never reaches the SDK. */
    static Region regionFor(Class<?> type, String region) {
        if (!io.failready.facts.Resource.GLOBAL.equals(region)) return Region.of(region);
        if (type == IamClient.class || type == Route53Client.class) return Region.AWS_GLOBAL;
        if (type == OrganizationsClient.class || type == AccountClient.class) return Region.US_EAST_1;
        return Region.US_EAST_1;
    }

    RetryStrategy retryStrategy() {
        var b = AwsRetryStrategy.forRetryMode(RetryMode.ADAPTIVE_V2).toBuilder().maxAttempts(MAX_ATTEMPTS);
        if (backoffOverride != null) b = b.backoffStrategy(backoffOverride).throttlingBackoffStrategy(backoffOverride);
        return b.build();
    }

    /**
     * A cached client of {@code type} for one identity in one region.
     *
     * @param identityKey distinguishes credential sets (the account id, or "base" for the caller)
     */
    @SuppressWarnings("unchecked")
    public <T extends SdkClient> T client(Class<T> type, String identityKey, AwsCredentialsProvider credentials, String region) {
        String key = type.getName() + "|" + identityKey + "|" + region;
        return (T) clients.computeIfAbsent(key, k -> build(type, credentials, region));
    }

    private <T extends SdkClient> T build(Class<T> type, AwsCredentialsProvider credentials, String region) {
        return build(type, credentials, region, retryStrategy());
    }

    private <T extends SdkClient> T build(Class<T> type, AwsCredentialsProvider credentials, String region, RetryStrategy retries) {
        try {
            Supplier<?> known = BUILDERS.get(type);
            Object builder = known != null ? known.get() : type.getMethod("builder").invoke(null);
            AwsClientBuilder<?, ?> b = (AwsClientBuilder<?, ?>) builder;
            b.region(regionFor(type, region)).credentialsProvider(credentials);
            if (endpoint != null) b.endpointOverride(endpoint);
            b.overrideConfiguration(ClientOverrideConfiguration.builder()
                    .retryStrategy(retries)
                    .apiCallAttemptTimeout(callTimeout)
                    .apiCallTimeout(callTimeout.multipliedBy(2))
                    .build());
            ((SdkSyncClientBuilder<?, ?>) b).httpClient(sharedHttpClient());
            if (b instanceof S3ClientBuilder s3 && endpoint != null) s3.forcePathStyle(true);
            return type.cast(((software.amazon.awssdk.utils.builder.SdkBuilder<?, ?>) b).build());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }

    /*
     * Clients of the accounts' tasks are shared by every account (one per service and region) and
     * sign with the credentials of the account whose task is running on the calling thread. A
     * client per account and region was a thousand SDK client builds for 20 accounts, a fifth of
     * the CPU of a collection; the SDK resolves credentials on the calling thread for each request.
     * Outside a task, the provider refuses to sign: a call can never go out as the wrong account.
     */
    private static final ThreadLocal<AwsCredentialsProvider> TASK_ACCOUNT = new ThreadLocal<>();
    private static final AwsCredentialsProvider TASK_CREDENTIALS = new AwsCredentialsProvider() {
        @Override public software.amazon.awssdk.auth.credentials.AwsCredentials resolveCredentials() {
            AwsCredentialsProvider p = TASK_ACCOUNT.get();
            if (p == null) throw new IllegalStateException("an account's client was called outside that account's task");
            return Gaps.remember(p.resolveCredentials());
        }

        @Override public String toString() { return "the credentials of the account whose task is running"; }
    };

    /** Runs one task of an account with its credentials bound for {@link #accountClient}. */
    public static void asAccount(AwsCredentialsProvider credentials, Runnable task) {
        AwsCredentialsProvider previous = TASK_ACCOUNT.get();
        TASK_ACCOUNT.set(credentials);
        try {
            task.run();
        } finally {
            if (previous == null) TASK_ACCOUNT.remove();
            else TASK_ACCOUNT.set(previous);
        }
    }

    /** A client of {@code type} in {@code region} for the account whose task runs on this thread (see {@link #asAccount}). */
    @SuppressWarnings("unchecked")
    public <T extends SdkClient> T accountClient(Class<T> type, AwsCredentialsProvider credentials, String region) {
        if (TASK_ACCOUNT.get() != credentials) throw new IllegalStateException("an account's client is asked for outside that account's task");
        String key = type.getName() + "|task|" + region;
        return (T) clients.computeIfAbsent(key, k -> build(type, TASK_CREDENTIALS, region,
                new PerAccountRetryStrategy(TASK_ACCOUNT::get, this::retryStrategy)));
    }

    /** Closes the clients (not the shared HTTP client, which lives as long as the JVM). */
    @Override public void close() {
        List<SdkClient> all = new ArrayList<>(clients.values());
        clients.clear();
        for (SdkClient c : all) {
            try { c.close(); } catch (RuntimeException ignored) { /* closing is best effort */ }
        }
    }
}
