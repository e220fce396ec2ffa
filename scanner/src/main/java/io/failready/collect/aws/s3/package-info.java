/**
 * The s3 collector: reads the service through the AWS SDK, read-only, and writes S3 bucket into the
 * snapshot. {@link S3Collector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.s3;
