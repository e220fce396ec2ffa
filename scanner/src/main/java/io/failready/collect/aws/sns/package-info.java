/**
 * The sns collector: reads the service through the AWS SDK, read-only, and writes SNS topic into the
 * snapshot. {@link SnsCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.sns;
