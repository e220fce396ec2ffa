package io.failready.collect;

import software.amazon.awssdk.core.exception.SdkClientException;

import java.util.Set;

/** Collection cannot start at all (no usable credentials, no account list); per-call failures are gaps instead. */
public final class CollectionException extends RuntimeException {
    /** Why: decides the exit status (credentials are the user's to fix; AWS not answering is UNKNOWN). */
    public enum Cause { CREDENTIALS, AWS_UNAVAILABLE }

    /** Error codes AWS answers when the credentials, not the request, are wrong. */
    private static final Set<String> CREDENTIAL_CODES = Set.of("ExpiredToken", "ExpiredTokenException", "InvalidClientTokenId",
            "UnrecognizedClientException", "SignatureDoesNotMatch", "InvalidAccessKeyId", "AuthFailure", "RequestExpired",
            "TokenRefreshRequired", "AccessDenied", "AccessDeniedException", "InvalidToken", "MissingAuthenticationToken",
            "IncompleteSignature", "NotAuthorized");

    private final Cause kind;

    public CollectionException(String message, Throwable cause) {
        super(Gaps.scrub(message), cause);
        this.kind = classify(cause);
    }

    public Cause kind() { return kind; }

    static Cause classify(Throwable e) {
        if (e == null) return Cause.AWS_UNAVAILABLE;
        if (CREDENTIAL_CODES.contains(Gaps.errorCode(e))) return Cause.CREDENTIALS;
        for (Throwable c = e; c != null; c = c.getCause()) {
            // the SDK's credential providers fail before any request with "Unable to load credentials ..."
            if (c instanceof SdkClientException && c.getMessage() != null && c.getMessage().toLowerCase(java.util.Locale.ROOT).contains("credentials")) {
                return Cause.CREDENTIALS;
            }
        }
        return Cause.AWS_UNAVAILABLE;
    }
}
