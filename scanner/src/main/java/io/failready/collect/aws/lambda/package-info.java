/**
 * The lambda collector: reads the service through the AWS SDK, read-only, and writes Lambda function, Lambda account settings into the
 * snapshot. {@link LambdaCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.lambda;
