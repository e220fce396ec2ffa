package io.failready.collect;

import io.failready.facts.CollectionGap;
import io.failready.facts.Resource;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.SdkClient;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything one collector run needs for one account and one region (or {@code global}): the
 * account, its credentials, a client factory, the scan deadline, and the sinks for resources and
 * gaps. {@link #call} is the one place where an SDK failure turns into a {@link CollectionGap}.
 */
public final class CollectionContext {
    private final AccountTarget account;
    private final String region;
    private final CollectorDescriptor collector;
    private final ClientFactory clients;
    private final Instant deadline;
    private final Clock clock;
    private final TaskBuffer sink;
    private final ScanState shared;

    CollectionContext(AccountTarget account, String region, CollectorDescriptor collector, ClientFactory clients, Instant deadline,
                      Clock clock, TaskBuffer sink, ScanState shared) {
        this.account = account;
        this.region = region;
        this.collector = collector;
        this.clients = clients;
        this.deadline = deadline;
        this.clock = clock;
        this.sink = sink;
        this.shared = shared;
    }

    public String accountId() { return account.accountId(); }
    /** The account's name when Organizations listed it, else null. */
    public String accountName() { return account.accountName(); }
    /** The region collected, or {@link Resource#GLOBAL}. */
    public String region() { return region; }
    public boolean isGlobal() { return Resource.GLOBAL.equals(region); }
    public String service() { return collector.service(); }
    public AwsCredentialsProvider credentials() { return account.credentials(); }
    public Instant deadline() { return deadline; }
    /** The regions of this scan (a global collector uses them to bound its work). */
    public List<String> scanRegions() { return shared.regions(); }
    /** State shared across tasks of one scan (for example bucket locations). */
    public ScanState shared() { return shared; }
    /** Resources phase 0 collected across the whole scan; empty during phase 0. */
    public List<Resource> inventory() { return shared.inventory(); }

    /** The same task (same sinks, same account) speaking for another region, e.g. a bucket's home. */
    public CollectionContext inRegion(String otherRegion) {
        return new CollectionContext(account, otherRegion, collector, clients, deadline, clock, sink, shared);
    }

    /** Client for this account in this context's region. */
    public <T extends SdkClient> T client(Class<T> type) { return client(type, region); }

    /** Client for this account in another region (S3 detail calls go to the bucket's region). */
    public <T extends SdkClient> T client(Class<T> type, String inRegion) {
        return clients.accountClient(type, account.credentials(), inRegion);
    }

    public void add(Resource r) { sink.add(r); }

    /** A new resource of this account in this context's region. */
    public void add(String type, String id, String name, Map<String, String> tags, Map<String, Object> configuration) {
        add(new Resource(type, id, name, account.accountId(), region, tags, configuration));
    }

    /** Throws {@link Gaps.ScanTimeout} once the scan deadline has passed or the task was cancelled. */
    public void checkDeadline() {
        if (Thread.currentThread().isInterrupted() || clock.instant().isAfter(deadline)) throw new Gaps.ScanTimeout();
    }

    /** Whether this task already recorded a gap for {@code operation} (without prefix) on {@code resourceId}. */
    public boolean hasGap(String operation, String resourceId) {
        return sink.gaps().stream().anyMatch(g -> operation.equals(g.getOperation()) && java.util.Objects.equals(resourceId, g.getResourceId()));
    }

    /** Records a gap for {@code operation} ({@code "s3:GetBucketReplication"}) covering the whole service here. */
    public void gap(String operation, Throwable e) { gap(operation, null, null, e); }

    /** Records a gap; with {@code resourceId} it covers one resource's detail call only. */
    public void gap(String operation, String resourceType, String resourceId, Throwable e) {
        gap(operation, resourceType, resourceId, Gaps.errorCode(e), Gaps.message(e));
    }

    public void gap(String operation, String resourceType, String resourceId, String errorCode, String message) {
        int colon = operation.indexOf(':');
        String svc = colon < 0 ? collector.service() : collector.gapService(operation.substring(0, colon));
        String op = colon < 0 ? operation : operation.substring(colon + 1);
        sink.add(new CollectionGap(account.accountId(), region, svc, op, resourceType, resourceId, errorCode, message));
    }

    /**
     * Runs one service-wide call (a list, with its paginator iterated inside {@code body});
     * any failure becomes a gap and an empty result, so the caller skips what depended on it.
     */
    public <T> Optional<T> call(String operation, Supplier<T> body) {
        return callFor(operation, null, null, body);
    }

    /** Runs one per-resource detail call; a failure becomes a gap scoped to that resource. */
    public <T> Optional<T> callFor(String operation, String resourceType, String resourceId, Supplier<T> body) {
        try {
            return Optional.ofNullable(attempt(operation, resourceType, resourceId, body));
        } catch (Failed f) {
            return Optional.empty();
        }
    }

    /**
     * Like {@link #call}, but {@code body} runs once per account, region and {@code operation} in the whole scan:
     * the first collector to ask sends it, the others wait for it and get the same reply. A failure is a gap on
     * every collector that asked (each says what it could not read, with the error of the one call), while the
     * region's health counts only the call that was sent, so one failed shared call never passes for several.
     */
    @SuppressWarnings("unchecked")
    public <T> Optional<T> callShared(String operation, Supplier<T> body) {
        ScanState.Shared s = shared.once(account.accountId() + "|" + region + "|" + operation);
        if (s.owner()) {
            try {
                T value = attempt(operation, null, null, body);
                s.result().complete(value);
                return Optional.ofNullable(value);
            } catch (Failed f) {
                s.result().completeExceptionally(f);
                return Optional.empty();
            } catch (RuntimeException | Error e) {
                s.result().completeExceptionally(e);
                throw e;
            }
        }
        checkDeadline();
        try {
            return Optional.ofNullable((T) s.result().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Gaps.ScanTimeout();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Failed f) gap(operation, null, null, f.errorCode, f.getMessage());
            else gap(operation, null, null, Gaps.errorCode(e.getCause()), "not read: the task that sent this call for the "
                    + "collectors sharing it ended without a reply (" + Gaps.message(e.getCause()) + ")");
            return Optional.empty();
        }
    }

    /** Runs {@code body}; a failure is recorded as a gap and thrown as {@link Failed}. */
    private <T> T attempt(String operation, String resourceType, String resourceId, Supplier<T> body) {
        checkDeadline();
        RegionHealth health = shared.health(account.accountId(), region);
        if (health.open()) {
            String code = health.skip();
            String message = "not attempted: " + region + " answered none of this account's calls so far (see the RegionUnreachable gap).";
            gap(operation, resourceType, resourceId, code, message);
            throw new Failed(code, message);
        }
        try {
            T result = body.get();
            health.answered();
            return result;
        } catch (Gaps.ScanTimeout e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw new Gaps.ScanTimeout();
            if (Gaps.noAnswer(e)) health.unanswered(collector.service(), Gaps.errorCode(e));
            else health.answered();
            gap(operation, resourceType, resourceId, e);
            throw new Failed(Gaps.errorCode(e), Gaps.message(e));
        }
    }

    /** A call that failed and left its gap: error code and message, for the collectors that shared the call. */
    private static final class Failed extends RuntimeException {
        final String errorCode;
        Failed(String errorCode, String message) { super(message, null, false, false); this.errorCode = errorCode; }
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>} for this context. */
    public String arn(String arnService, String resource) {
        return "arn:aws:" + arnService + ":" + region + ":" + account.accountId() + ":" + resource;
    }
}
