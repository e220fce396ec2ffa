/**
 * The dynamodb collector: reads the service through the AWS SDK, read-only, and writes DynamoDB table into the
 * snapshot. {@link DynamoDbCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.dynamodb;
