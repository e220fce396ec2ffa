/**
 * The secretsmanager collector: reads the service through the AWS SDK, read-only, and writes Secrets Manager secret into the
 * snapshot. {@link SecretsManagerCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.secretsmanager;
