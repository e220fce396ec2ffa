package io.failready.collect;

/** Collection cannot start at all (no usable credentials, no account list); per-call failures are gaps instead. */
public final class CollectionException extends RuntimeException {
    public CollectionException(String message, Throwable cause) { super(message, cause); }
}
