/**
 * The cloudtrail collector: reads the service through the AWS SDK, read-only, and writes CloudTrail trail into the
 * snapshot. {@link CloudTrailCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.cloudtrail;
