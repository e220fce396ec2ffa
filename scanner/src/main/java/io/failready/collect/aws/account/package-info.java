/**
 * The account collector: reads the service through the AWS SDK, read-only, and writes the account and its regions' opt-in status into the
 * snapshot. {@link AccountCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.account;
