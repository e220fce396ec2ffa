package io.failready.collect;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

import java.net.ConnectException;
import java.net.UnknownHostException;

/** Turns whatever a call threw into the {@code errorCode} and message of a collection gap. */
public final class Gaps {
    private Gaps() {}

    public static final String SCAN_TIMEOUT = "ScanTimeout";
    public static final String CALL_TIMEOUT = "Timeout";
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

    public static String message(Throwable e) {
        String m = e instanceof AwsServiceException a && a.awsErrorDetails() != null && a.awsErrorDetails().errorMessage() != null
                ? a.awsErrorDetails().errorMessage() : e.getMessage();
        if (m == null) m = e.getClass().getSimpleName();
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE - 3) + "..." : m;
    }
}
