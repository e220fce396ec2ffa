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
        checkDeadline();
        RegionHealth health = shared.health(account.accountId(), region);
        if (health.open()) {
            gap(operation, resourceType, resourceId, health.skip(), "not attempted: " + region
                    + " answered none of this account's calls so far (see the RegionUnreachable gap).");
            return Optional.empty();
        }
        try {
            T result = body.get();
            health.answered();
            return Optional.ofNullable(result);
        } catch (Gaps.ScanTimeout e) {
            throw e;
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) throw new Gaps.ScanTimeout();
            if (Gaps.noAnswer(e)) health.unanswered(collector.service(), Gaps.errorCode(e));
            else health.answered();
            gap(operation, resourceType, resourceId, e);
            return Optional.empty();
        }
    }

    /** {@code arn:aws:<service>:<region>:<account>:<resource>} for this context. */
    public String arn(String arnService, String resource) {
        return "arn:aws:" + arnService + ":" + region + ":" + account.accountId() + ":" + resource;
    }
}
