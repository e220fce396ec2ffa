/**
 * The acm collector: reads the service through the AWS SDK, read-only, and writes ACM certificate into the
 * snapshot. {@link AcmCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.acm;
