/**
 * The autoscaling collector: reads the service through the AWS SDK, read-only, and writes Auto Scaling group into the
 * snapshot. {@link AutoScalingCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.autoscaling;
