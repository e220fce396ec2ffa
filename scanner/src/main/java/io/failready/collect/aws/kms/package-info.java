/**
 * The kms collector: reads the service through the AWS SDK, read-only, and writes KMS key into the
 * snapshot. {@link KmsCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.kms;
