package io.failready.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
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
 * one adaptive strategy per account behind it, chosen by the account whose task runs on the calling
 * thread. AWS throttles per account and region, and the adaptive strategy slows a client down
 * when it is throttled; one strategy for all accounts let a throttling storm in one account make
 * calls of the others time out (FaultInjectionScanTest). Each token remembers its strategy, so
 * retries and successes go back to the strategy that issued it.
 */
final class PerAccountRetryStrategy implements RetryStrategy {
    private record Issued(RetryStrategy strategy, RetryToken token) implements RetryToken {}

    private final Supplier<AwsCredentialsProvider> currentAccount;
    private final Supplier<RetryStrategy> newStrategy;
    private final int maxAttempts;
    private final Map<AwsCredentialsProvider, RetryStrategy> byAccount = new ConcurrentHashMap<>();

    PerAccountRetryStrategy(Supplier<AwsCredentialsProvider> currentAccount, Supplier<RetryStrategy> newStrategy) {
        this.currentAccount = currentAccount;
        this.newStrategy = newStrategy;
        this.maxAttempts = newStrategy.get().maxAttempts();
    }

    private RetryStrategy current() {
        AwsCredentialsProvider account = currentAccount.get();
        if (account == null) throw new IllegalStateException("an account's client was called outside that account's task");
        return byAccount.computeIfAbsent(account, a -> newStrategy.get());
    }

    @Override public AcquireInitialTokenResponse acquireInitialToken(AcquireInitialTokenRequest request) {
        RetryStrategy s = current();
        AcquireInitialTokenResponse r = s.acquireInitialToken(request);
        return AcquireInitialTokenResponse.create(new Issued(s, r.token()), r.delay());
    }

    @Override public RefreshRetryTokenResponse refreshRetryToken(RefreshRetryTokenRequest request) {
        Issued issued = (Issued) request.token();
        try {
            RefreshRetryTokenResponse r = issued.strategy().refreshRetryToken(request.copy(b -> b.token(issued.token())));
            return RefreshRetryTokenResponse.create(new Issued(issued.strategy(), r.token()), r.delay());
        } catch (TokenAcquisitionFailedException e) {
            throw new TokenAcquisitionFailedException(e.getMessage(), new Issued(issued.strategy(), e.token()), e.getCause());
        }
    }

    @Override public RecordSuccessResponse recordSuccess(RecordSuccessRequest request) {
        Issued issued = (Issued) request.token();
        RecordSuccessResponse r = issued.strategy().recordSuccess(RecordSuccessRequest.create(issued.token()));
        return RecordSuccessResponse.create(new Issued(issued.strategy(), r.token()));
    }

    @Override public int maxAttempts() { return maxAttempts; }

    @Override public Builder<?, ?> toBuilder() {
        throw new UnsupportedOperationException("a per-account retry strategy is built by ClientFactory, not reconfigured");
    }
}
