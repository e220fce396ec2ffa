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
 * when one is given, the standard retry mode with bounded attempts, per-call timeouts, and one
 * Apache HTTP client with a bounded pool shared by every client in the JVM.
 */
public final class ClientFactory implements AutoCloseable {
    /** Attempts per call (the first try included) before a 5xx, a reset connection or a timeout becomes a gap. */
    public static final int MAX_ATTEMPTS = 3;
    /**
     * Attempts per call while AWS answers that the account is over its request rate: a throttle says
     * "later", not "no", so the call waits for the bucket to refill (the SDK's throttling backoff)
     * instead of becoming a gap after {@link #MAX_ATTEMPTS}, for up to this many
     * attempts and one call timeout ({@code --call-timeout}) from the first attempt.
     */
    public static final int THROTTLED_MAX_ATTEMPTS = 20;
    private static final int MAX_CONNECTIONS = 64;
    private static volatile SdkHttpClient sharedHttp;

    /*
     * Builders by client type, from the descriptors, as method references rather than
     * type.getMethod("builder"): that reflective lookup materialises every method of the client
     * interface, loading hundreds of request and response classes per service, and was half the CPU
     * time of collecting 20 accounts.
     */
    private record Declared(Supplier<?> builder, String globalHome) {}
    private final Map<Class<?>, Declared> declared = new java.util.HashMap<>();

    private final URI endpoint;
    private final Duration callTimeout;
    private final BackoffStrategy backoffOverride;
    private final Map<String, SdkClient> clients = new ConcurrentHashMap<>();

    /** A factory for the scanner's own clients ({@link FrameworkClients}) only. */
    public ClientFactory(URI endpoint, Duration callTimeout) {
        this(endpoint, callTimeout, null, List.of());
    }

    /**
     * @param backoffOverride replaces the SDK's retry delays (both normal and throttling); tests use
     *                        it to keep throttling scenarios fast. Null keeps the SDK defaults.
     * @param collectors      whose clients this factory builds, besides the {@link FrameworkClients}
     */
    public ClientFactory(URI endpoint, Duration callTimeout, BackoffStrategy backoffOverride, List<CollectorDescriptor> collectors) {
        this.endpoint = endpoint;
        this.callTimeout = callTimeout == null ? CollectRequest.DEFAULT_CALL_TIMEOUT : callTimeout;
        this.backoffOverride = backoffOverride;
        List<CollectorDescriptor> all = new ArrayList<>(FrameworkClients.ALL);
        all.addAll(collectors);
        for (CollectorDescriptor d : all) {
            d.clients().forEach((type, builder) -> declared.putIfAbsent(type, new Declared(builder, d.globalHome())));
        }
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

    /** Signing region for a client: global services have their descriptor's home, "global" never reaches the SDK. */
    Region regionFor(Class<?> type, String region) {
        if (!io.failready.facts.Resource.GLOBAL.equals(region)) return Region.of(region);
        return Region.of(declared(type).globalHome());
    }

    private Declared declared(Class<?> type) {
        Declared d = declared.get(type);
        if (d == null) {
            throw new IllegalStateException(type.getSimpleName() + " is not declared by any collector given to this factory: "
                    + "name it in the collector's descriptor (CollectorDescriptor.of or alsoUses)");
        }
        return d;
    }

    /**
     * The SDK's standard strategy allowing {@link #THROTTLED_MAX_ATTEMPTS}; {@link PerAccountRetryStrategy}
     * stops other failures at {@link #MAX_ATTEMPTS}. Not the adaptive mode: its client-side rate
     * limiter measures the client's own send rate and halves it on each throttle, so after three
     * throttles of a bucket that refills in a fraction of a second it waited longer than the whole
     * call timeout (FaultsTest), and one throttled API slowed every other API of the account and region.
     */
    RetryStrategy retryStrategy() {
        var b = AwsRetryStrategy.forRetryMode(RetryMode.STANDARD).toBuilder().maxAttempts(THROTTLED_MAX_ATTEMPTS);
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
        // one identity: the same throttle-tolerant, otherwise bounded retries as the accounts' clients
        return build(type, credentials, region, new PerAccountRetryStrategy(() -> credentials, this::retryStrategy, MAX_ATTEMPTS, callTimeout));
    }

    private <T extends SdkClient> T build(Class<T> type, AwsCredentialsProvider credentials, String region, RetryStrategy retries) {
        AwsClientBuilder<?, ?> b = (AwsClientBuilder<?, ?>) declared(type).builder().get();
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
                new PerAccountRetryStrategy(TASK_ACCOUNT::get, this::retryStrategy, MAX_ATTEMPTS, callTimeout)));
    }

    /**
     * Makes {@code client} the one every account's task gets for {@code type} in {@code region}: unit
     * tests of a collector's paging and mapping hand it a mocked client interface this way.
     */
    <T extends SdkClient> void use(Class<T> type, String region, T client) {
        clients.put(type.getName() + "|task|" + region, client);
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
