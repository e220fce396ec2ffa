/**
 * The ssm collector: reads the service through the AWS SDK, read-only, and writes SSM parameter into the
 * snapshot. {@link SsmCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.ssm;
