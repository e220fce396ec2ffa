/**
 * The securityhub collector: reads the service through the AWS SDK, read-only, and writes Security Hub CSPM hub into the
 * snapshot. {@link SecurityHubCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.securityhub;
