/**
 * The config collector: reads the service through the AWS SDK, read-only, and writes Config recorder into the
 * snapshot. {@link ConfigCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.config;
