/**
 * The  collector: reads the service through the AWS SDK, read-only, and writes load balancer, target group into the
 * snapshot. {@link ElbV2Collector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.elasticloadbalancingv2;
