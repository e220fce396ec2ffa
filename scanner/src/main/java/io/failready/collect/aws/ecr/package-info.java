/**
 * The ecr collector: reads the service through the AWS SDK, read-only, and writes ECR repository, ECR replication configuration into the
 * snapshot. {@link EcrCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.ecr;
