package io.failready.collect;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether one account's region answers at all: a circuit breaker shared by every task of that
 * account and region. Once {@link #FAILED_CALLS} calls of at least {@link #FAILED_SERVICES}
 * services got no answer (connection refused, timeout, 5xx; see {@link Gaps#noAnswer}) and not one
 * call was answered, the region is taken for down and the remaining calls there are not attempted
 * (each still leaves its gap, so nothing reads as empty). Without the breaker a dead region costs
 * every collector its retries and call timeouts: minutes, while an incident pre-check needs an
 * answer in seconds. One answered call, even an AccessDenied, keeps the breaker closed for good:
 * a region that answers some calls is degraded, not gone, and is read call by call as before.
 */
public final class RegionHealth {
    /** Unanswered calls (each already retried by the SDK) before the region is taken for down. */
    static final int FAILED_CALLS = 3;
    /** ... spread over this many services, so one service's outage never passes for the region's. */
    static final int FAILED_SERVICES = 2;

    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger unanswered = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private final Set<String> services = ConcurrentHashMap.newKeySet();
    private volatile String firstCode;

    void answered() { answered.incrementAndGet(); }

    void unanswered(String service, String errorCode) {
        if (firstCode == null) firstCode = errorCode;
        services.add(service);
        unanswered.incrementAndGet();
    }

    /** True when calls here are no longer attempted. */
    boolean open() {
        return answered.get() == 0 && unanswered.get() >= FAILED_CALLS && services.size() >= FAILED_SERVICES;
    }

    /** Counts a call not attempted and returns the error code its gap carries: the region's first failure. */
    String skip() {
        skipped.incrementAndGet();
        return firstCode;
    }

    /** True when the region answered nothing in the whole scan and the breaker opened. */
    public boolean down() { return open(); }

    /** The region gap's message: what failed and what was not attempted. */
    String summary(String region) {
        return "no call to " + region + " was answered: " + unanswered.get() + " failed (" + firstCode + ", after the SDK's retries) across "
                + services.size() + " services, none succeeded; " + skipped.get() + " more were not attempted";
    }
}
