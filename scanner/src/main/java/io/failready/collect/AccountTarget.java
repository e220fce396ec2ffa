package io.failready.collect;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * One account to collect: its id, its name when Organizations told us, and the credentials that
 * act in it (the caller's own, or an assumed role).
 */
public record AccountTarget(String accountId, String accountName, AwsCredentialsProvider credentials) {}
