package io.failready.cli;

import io.failready.collect.CollectRequest;
import io.failready.util.Durations;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** AWS access options shared by {@code collect} and {@code scan} (a picocli {@code @Mixin}). */
public class AwsOptions {
    @Option(names = "--profile", paramLabel = "NAME", description = "Named AWS profile for the base credentials (default: the standard credential chain).")
    String profile;

    @Option(names = "--accounts", split = ",", paramLabel = "ID", description = "Account ids to scan, comma-separated (requires --role-name unless it is the caller's own account).")
    List<String> accounts = new ArrayList<>();

    @Option(names = "--role-name", paramLabel = "NAME", description = "Role to assume in each account (session name 'failready').")
    String roleName;

    @Option(names = "--external-id", paramLabel = "ID", description = "External id for AssumeRole.")
    String externalId;

    @Option(names = "--organization", description = "Scan every account of the organization whose State is ACTIVE (Organizations ListAccounts); an organization with no ACTIVE account is a usage error (exit 2).")
    boolean organization;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "Send every AWS call to this endpoint (LocalStack-style emulators; default: AWS_ENDPOINT_URL or the real endpoints).")
    URI endpointUrl;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Parallel account x region x service tasks (default: ${DEFAULT-VALUE}).")
    int concurrency = CollectRequest.DEFAULT_CONCURRENCY;

    @Option(names = "--call-timeout", paramLabel = "DURATION", defaultValue = "30s", description = "Timeout of one AWS call attempt, e.g. 30s (default: ${DEFAULT-VALUE}).")
    String callTimeout = "30s";

    @Option(names = "--scan-timeout", paramLabel = "DURATION", defaultValue = "15m", description = "Deadline for the whole collection; unfinished work is recorded as ScanTimeout gaps (default: ${DEFAULT-VALUE}).")
    String scanTimeout = "15m";

    @Option(names = "--progress", description = "Print progress lines to stderr even when it is not a terminal.")
    boolean progress;

    /** Builds the request; bad values are usage errors (exit 2). */
    public CollectRequest toRequest(List<String> regions, PrintWriter err) {
        for (String a : accounts) {
            if (!a.trim().matches("\\d{12}")) throw new CommandLine.ParameterException(new CommandLine(this), "--accounts: '" + a + "' is not a 12-digit account id");
        }
        if (concurrency < 1) throw new CommandLine.ParameterException(new CommandLine(this), "--concurrency must be at least 1");
        boolean showProgress = progress || System.console() != null;
        return new CollectRequest(accounts.stream().map(String::trim).toList(), blankToNull(roleName), blankToNull(externalId), organization,
                blankToNull(profile), regions, endpointUrl, concurrency, duration("--call-timeout", callTimeout),
                duration("--scan-timeout", scanTimeout), showProgress, err);
    }

    private Duration duration(String option, String text) {
        try {
            Duration d = Durations.parse(text);
            if (d.isZero()) throw new IllegalArgumentException("must be positive");
            return d;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(new CommandLine(this), option + ": " + e.getMessage());
        }
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }
}
