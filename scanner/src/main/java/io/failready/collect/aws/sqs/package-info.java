/**
 * The sqs collector: reads the service through the AWS SDK, read-only, and writes SQS queue into the
 * snapshot. {@link SqsCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.sqs;
