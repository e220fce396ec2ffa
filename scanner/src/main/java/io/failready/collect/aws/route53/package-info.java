/**
 * The route53 collector: reads the service through the AWS SDK, read-only, and writes hosted zone, DNS record, health check into the
 * snapshot. {@link Route53Collector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.route53;
