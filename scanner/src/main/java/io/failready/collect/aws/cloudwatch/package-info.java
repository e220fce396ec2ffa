/**
 * The cloudwatch collector: reads the service through the AWS SDK, read-only, and writes CloudWatch alarm, replication lag into the
 * snapshot. {@link CloudWatchCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.cloudwatch;
