package io.failready.collect;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What to collect and how: the account selection (own account, {@code accounts} via
 * {@code roleName}, or the whole {@code organization}), regions, an optional emulator endpoint, and
 * the concurrency / timeout budget. The CLI builds it from {@code io.failready.cli.AwsOptions}.
 *
 * @param accounts      12-digit account ids to assume into; empty = the caller's own account (or the organization)
 * @param roleName      role assumed in each account ({@code sts:AssumeRole}, session name {@code failready}); null = use the base credentials
 * @param externalId    external id passed to AssumeRole, or null
 * @param organization  list ACTIVE accounts through Organizations ListAccounts
 * @param profile       named profile for the base credentials; null = the default credential chain
 * @param regions       regions to collect (regional services); global services are collected once per account
 * @param endpointUrl   endpoint override for every service (emulators); null = {@code AWS_ENDPOINT_URL} or the real endpoints
 * @param concurrency   parallel account x region x service tasks
 * @param callTimeout   per-attempt timeout of one API call
 * @param scanTimeout   deadline for the whole scan; unfinished work becomes {@code ScanTimeout} gaps
 * @param progress      print one progress line per finished task to {@code progressOut}
 * @param progressOut   where progress goes (stderr), may be null
 */
public record CollectRequest(List<String> accounts, String roleName, String externalId, boolean organization,
                             String profile, List<String> regions, URI endpointUrl, int concurrency,
                             Duration callTimeout, Duration scanTimeout, boolean progress, PrintWriter progressOut) {
    public static final int DEFAULT_CONCURRENCY = 8;
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_SCAN_TIMEOUT = Duration.ofMinutes(15);

    public CollectRequest {
        accounts = accounts == null ? List.of() : List.copyOf(accounts);
        regions = regions == null ? List.of() : regions.stream().distinct().toList();
        if (concurrency <= 0) concurrency = DEFAULT_CONCURRENCY;
        if (callTimeout == null || callTimeout.isZero() || callTimeout.isNegative()) callTimeout = DEFAULT_CALL_TIMEOUT;
        if (scanTimeout == null || scanTimeout.isZero() || scanTimeout.isNegative()) scanTimeout = DEFAULT_SCAN_TIMEOUT;
    }
}
