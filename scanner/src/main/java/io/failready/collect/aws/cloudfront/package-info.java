/**
 * The cloudfront collector: reads the service through the AWS SDK, read-only, and writes CloudFront distribution into the
 * snapshot. {@link CloudFrontCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.cloudfront;
