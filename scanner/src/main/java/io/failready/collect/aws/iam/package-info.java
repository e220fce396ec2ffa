/**
 * The iam collector: reads the service through the AWS SDK, read-only, and writes IAM role into the
 * snapshot. {@link IamCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.iam;
