package io.failready.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import io.failready.facts.CollectionGap;

import java.net.ConnectException;
import java.net.UnknownHostException;

/** Turns whatever a call threw into the {@code errorCode} and message of a collection gap. */
public final class Gaps {
    private Gaps() {}

    public static final String SCAN_TIMEOUT = "ScanTimeout";
    public static final String CALL_TIMEOUT = "Timeout";
    /**
     * The gap of an account's region that answered none of its calls (see {@link RegionHealth}): it
     * covers every service there, so nothing read elsewhere can hide that the region was down.
     */
    public static final String REGION_UNREACHABLE = CollectionGap.REGION_UNREACHABLE;
    private static final int MAX_MESSAGE = 300;

    /** Thrown inside a collector when the whole-scan deadline has passed. */
    public static final class ScanTimeout extends RuntimeException {
        public ScanTimeout() { super("the scan deadline passed before this call", null, false, false); }
    }

    public static String errorCode(Throwable e) {
        if (e instanceof ScanTimeout) return SCAN_TIMEOUT;
        for (Throwable c = e.getCause(); c != null && !(e instanceof AwsServiceException); c = c.getCause()) {
            if (c instanceof AwsServiceException) { e = c; break; }
        }
        if (e instanceof AwsServiceException a) {
            String code = a.awsErrorDetails() == null ? null : a.awsErrorDetails().errorCode();
            if (code != null && !code.isBlank()) return code;
            return "HTTP" + a.statusCode();
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) return CALL_TIMEOUT;
        if (e instanceof AbortedException) return SCAN_TIMEOUT;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof ConnectException) return "ConnectionFailed";
            if (c instanceof UnknownHostException) return "UnknownHost";
            if (c instanceof java.net.SocketTimeoutException) return CALL_TIMEOUT;
            if (c instanceof ApiCallTimeoutException || c instanceof ApiCallAttemptTimeoutException) return CALL_TIMEOUT;
        }
        if (e instanceof SdkClientException) return "ClientError";
        return e.getClass().getSimpleName();
    }

    /**
     * True when the call got no answer from AWS at all: the connection failed or timed out, or the
     * endpoint answered 5xx (not throttling). An answer that says no (AccessDenied, a 4xx) is an
     * answer: the region is up and the problem is permissions or input, not an outage.
     */
    public static boolean noAnswer(Throwable e) {
        if (e instanceof ScanTimeout || e instanceof AbortedException) return false;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof AwsServiceException a) return a.statusCode() >= 500 && !a.isThrottlingException();
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) return true;
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.io.IOException || c instanceof ApiCallAttemptTimeoutException) return true;
        }
        return false;
    }

    public static String message(Throwable e) {
        String m = e instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorMessage() != null
                ? a.awsErrorDetails().errorMessage() : e.getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        m = scrub(m).replaceAll("\\s+", " ").trim(); // before truncating: half a secret is still a secret
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE - 3) + "..." : m;
    }

    /*
     * The credentials this process has signed with. An endpoint (a proxy, an emulator, a
     * misconfigured --endpoint-url) may echo them in an error message, and error text reaches
     * gaps, logs and reports: every piece of it goes through scrub().
     */
    private static final java.util.Set<String> IN_USE = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Shorter values are not credentials and replacing them would mangle ordinary words. */
    private static final int MIN_SECRET = 8;

    /** {@code p}, remembering every credential it hands out so {@link #scrub} can remove it from error text. */
    public static AwsCredentialsProvider remembering(AwsCredentialsProvider p) {
        return new AwsCredentialsProvider() {
            @Override public AwsCredentials resolveCredentials() { return remember(p.resolveCredentials()); }
            @Override public String toString() { return p.toString(); }
        };
    }

    public static AwsCredentials remember(AwsCredentials c) {
        if (c == null) return null;
        add(c.accessKeyId());
        add(c.secretAccessKey());
        if (c instanceof AwsSessionCredentials s) add(s.sessionToken());
        return c;
    }

    private static void add(String v) {
        if (v != null && v.length() >= MIN_SECRET) IN_USE.add(v);
    }

    /** {@code text} without the credentials in use, and without anything shaped like an access key id. */
    public static String scrub(String text) {
        if (text == null) return null;
        String t = text;
        for (String secret : IN_USE) if (t.contains(secret)) t = t.replace(secret, Redactor.REDACTED);
        return Redactor.redactAccessKeyIds(t);
    }
}
