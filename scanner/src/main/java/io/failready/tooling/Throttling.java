package io.failready.tooling;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * AWS-style request throttling for {@link AwsStub} and for the collection simulation
 * ({@code io.failready.tooling.bench.CollectSimulation}): one token bucket per account, region and
 * bucket, where a bucket is one API action, or a family of actions where AWS documents a shared one
 * (EC2's non-mutating {@code Describe*} actions). A call takes one token; an empty bucket answers
 * with the protocol's throttling error. Buckets start full ({@link Quota#burst()} tokens) and refill
 * continuously at {@link Quota#perSecond()}.
 *
 * <p>The default rates are written once, in {@link #QUOTAS}, each with the page it comes from. Where
 * AWS publishes no rate for an action, the row says so and uses {@link #UNPUBLISHED}, a conservative
 * assumption lower than every published read rate below.
 */
public final class Throttling {
    /**
     * A bucket's size and refill for every action of {@code service} (IAM prefix) matching
     * {@code actions}: an exact action name, a prefix ending in {@code *} (one bucket shared by the
     * whole family), or {@code *} (one bucket per action, each with these figures).
     */
    public record Quota(String service, String actions, double burst, double perSecond, boolean shared, String source) {
        boolean matches(String svc, String op) {
            if (!service.equals(svc)) return false;
            if (actions.equals("*")) return true;
            if (actions.endsWith("*")) return op.startsWith(actions.substring(0, actions.length() - 1));
            return actions.equals(op);
        }
    }

    /** Where AWS publishes no figure: 10 requests a second, burst 10 (lower than any published read rate in {@link #QUOTAS}). */
    public static final Quota UNPUBLISHED = new Quota("*", "*", 10, 10, false,
            "no published default: a conservative assumption (10 per second, burst 10)");

    /** The documented default rates; the first matching row wins. */
    public static final List<Quota> QUOTAS = List.of(
            new Quota("ec2", "Describe*", 100, 20, true,
                    "https://docs.aws.amazon.com/ec2/latest/devguide/ec2-api-throttling.html (non-mutating actions: bucket 100, refill 20 a second)"),
            new Quota("servicequotas", "GetServiceQuota", 10, 5, false,
                    "https://docs.aws.amazon.com/servicequotas/latest/userguide/reference_limits.html (5 a second, 5 more in one burst)"),
            new Quota("servicequotas", "GetAWSDefaultServiceQuota", 10, 5, false,
                    "https://docs.aws.amazon.com/servicequotas/latest/userguide/reference_limits.html (5 a second, 5 more in one burst)"),
            new Quota("servicequotas", "ListServiceQuotas", 20, 10, false,
                    "https://docs.aws.amazon.com/servicequotas/latest/userguide/reference_limits.html (10 a second, 10 more in one burst)"),
            new Quota("secretsmanager", "DescribeSecret", 40000, 40000, false,
                    "https://aws.amazon.com/about-aws/whats-new/2025/03/aws-secrets-manager-increases-api-requests-seconds/ (40,000 a second)"),
            new Quota("secretsmanager", "ListSecrets", 100, 100, false,
                    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_limits.html (100 a second; no burst published: one second's worth)"),
            new Quota("account", "ListRegions", 5, 5, false,
                    "https://docs.aws.amazon.com/accounts/latest/reference/quotas.html (5 a second, burst 5)"),
            new Quota("account", "GetAlternateContact", 15, 10, false,
                    "https://docs.aws.amazon.com/accounts/latest/reference/quotas.html (10 a second, burst 15)"),
            new Quota("sts", "*", 10, 10, false,
                    "https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html lists no request rate for STS: "
                            + "assumed 10 a second, burst 10, per action of the calling account (every AssumeRole of an organization scan counts against it)"),
            new Quota("organizations", "*", 10, 10, false,
                    "https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html: TooManyRequestsException, no published "
                            + "rate; assumed 10 a second, burst 10"));

    private static final class Bucket {
        double tokens;
        long last;
        Bucket(double tokens, long last) { this.tokens = tokens; this.last = last; }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanos;
    private final double scale;

    /**
     * @param scale multiplies every rate and burst (1 = AWS's defaults; below 1 exercises throttling
     *              with a small estate)
     */
    public Throttling(double scale, LongSupplier nanos) {
        if (!(scale > 0)) throw new IllegalArgumentException("throttle scale must be positive, not " + scale);
        this.scale = scale;
        this.nanos = nanos;
    }

    public Throttling(double scale) { this(scale, System::nanoTime); }

    /** A bucket's size at this scale: never below one token, or a scaled-down bucket would refuse every call. */
    public double burst(Quota q) { return Math.max(1, q.burst() * scale); }

    public double rate(Quota q) { return q.perSecond() * scale; }

    /** The quota that governs {@code service:operation}. */
    public static Quota quota(String service, String operation) {
        for (Quota q : QUOTAS) if (q.matches(service, operation)) return q;
        return UNPUBLISHED;
    }

    /** The bucket a call draws from: shared families by their pattern, everything else by action. */
    public static String bucket(String account, String region, String service, String operation) {
        Quota q = quota(service, operation);
        return account + "|" + region + "|" + service + ":" + (q.shared() ? q.actions() : operation);
    }

    /** Takes a token for the call; false (throttled) when the bucket is empty. */
    public boolean tryAcquire(String account, String region, String service, String operation) {
        Quota q = quota(service, operation);
        double burst = burst(q), rate = q.perSecond() * scale;
        Bucket b = buckets.computeIfAbsent(bucket(account, region, service, operation), k -> new Bucket(burst, nanos.getAsLong()));
        synchronized (b) {
            long now = nanos.getAsLong();
            b.tokens = Math.min(burst, b.tokens + (now - b.last) / 1e9 * rate);
            b.last = now;
            if (b.tokens < 1) return false;
            b.tokens -= 1;
            return true;
        }
    }
}
