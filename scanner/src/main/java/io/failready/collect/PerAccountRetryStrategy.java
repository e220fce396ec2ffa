package io.failready.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.retries.api.AcquireInitialTokenRequest;
import software.amazon.awssdk.retries.api.AcquireInitialTokenResponse;
import software.amazon.awssdk.retries.api.RecordSuccessRequest;
import software.amazon.awssdk.retries.api.RecordSuccessResponse;
import software.amazon.awssdk.retries.api.RefreshRetryTokenRequest;
import software.amazon.awssdk.retries.api.RefreshRetryTokenResponse;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.retries.api.RetryToken;
import software.amazon.awssdk.retries.api.TokenAcquisitionFailedException;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The retry strategy of a client shared by every account (see {@link ClientFactory#accountClient}):
 * one retry strategy per account behind it, chosen by the account whose task runs on the calling
 * thread. AWS throttles per account and region, and an adaptive strategy slows a client down
 * when it is throttled; one strategy for all accounts let a throttling storm in one account make
 * calls of the others time out (FaultInjectionScanTest). Each token remembers its strategy, so
 * retries and successes go back to the strategy that issued it.
 */
final class PerAccountRetryStrategy implements RetryStrategy {
    private record Issued(RetryStrategy strategy, RetryToken token, int attempt, long startNanos) implements RetryToken {}

    private final Supplier<AwsCredentialsProvider> currentAccount;
    private final Supplier<RetryStrategy> newStrategy;
    private final int maxAttempts;
    private final int maxAttemptsUnlessThrottled;
    private final long throttledBudgetNanos;
    private final Map<AwsCredentialsProvider, RetryStrategy> byAccount = new ConcurrentHashMap<>();

    /**
     * @param maxAttemptsUnlessThrottled attempts for any failure but a throttle, which gets the inner
     *                                   strategy's (larger) maximum: AWS throttles per account, and a
     *                                   throttled call succeeds once the account's bucket refills
     * @param throttledBudget            how long a throttled call keeps retrying (first attempt to the
     *                                   next one): past it the throttle is a gap saying so, before the
     *                                   SDK's overall call timeout would cut it into a mere Timeout
     */
    PerAccountRetryStrategy(Supplier<AwsCredentialsProvider> currentAccount, Supplier<RetryStrategy> newStrategy, int maxAttemptsUnlessThrottled,
                            java.time.Duration throttledBudget) {
        this.currentAccount = currentAccount;
        this.newStrategy = newStrategy;
        this.maxAttempts = newStrategy.get().maxAttempts();
        this.maxAttemptsUnlessThrottled = maxAttemptsUnlessThrottled;
        this.throttledBudgetNanos = throttledBudget.toNanos();
    }

    static boolean throttled(Throwable t) {
        return t instanceof SdkServiceException s && s.isThrottlingException();
    }

    private RetryStrategy current() {
        AwsCredentialsProvider account = currentAccount.get();
        if (account == null) throw new IllegalStateException("an account's client was called outside that account's task");
        return byAccount.computeIfAbsent(account, a -> newStrategy.get());
    }

    @Override public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        RetryStrategy s = current();
        AcquireInitialTokenResponse r = s.acquireInitialToken(request);
        return AcquireInitialTokenResponse.create(new Issued(s, r.token(), 1, System.nanoTime()), r.delay());
    }

    @Override public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Issued issued = (Issued) request.token();
        if (issued.attempt() >= maxAttemptsUnlessThrottled && !throttled(request.failure())) {
            throw new TokenAcquisitionFailedException("request attempt " + issued.attempt() + " failed, not throttled: no more retries",
                    issued, request.failure());
        }
        try {
            RefreshRetryTokenResponse r = issued.strategy().refreshRetryToken(request.copy(b -> b.token(issued.token())));
            Issued next = new Issued(issued.strategy(), r.token(), issued.attempt() + 1, issued.startNanos());
            if (!throttled(request.failure())) return RefreshRetryTokenResponse.create(next, r.delay());
            long left = throttledBudgetNanos - (System.nanoTime() - issued.startNanos());
            if (left <= 0) {
                throw new TokenAcquisitionFailedException("still throttled after " + issued.attempt() + " attempts: the retry budget is spent",
                        next, request.failure());
            }
            // a backoff longer than what is left of the budget: the last retry goes out when the
            // budget ends rather than the call being cut by its timeout
            return RefreshRetryTokenResponse.create(next, r.delay().toNanos() > left ? java.time.Duration.ofNanos(left) : r.delay());
        } catch (TokenAcquisitionFailedException e) {
            if (e.token() instanceof Issued) throw e;
            throw new TokenAcquisitionFailedException(e.getMessage(), new Issued(issued.strategy(), e.token(), issued.attempt(), issued.startNanos()), e.getCause());
        }
    }

    @Override public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        Issued issued = (Issued) request.token();
        RecordSuccessResponse r = issued.strategy().recordSuccess(RecordSuccessRequest.create(issued.token()));
        return RecordSuccessResponse.create(new Issued(issued.strategy(), r.token(), issued.attempt(), issued.startNanos()));
    }

    @Override public int maxAttempts() { return maxAttempts; }

    @Override public Builder<?, ?> toBuilder() {
        throw new UnsupportedOperationException("a per-account retry strategy is built by ClientFactory, not reconfigured");
    }
}
