/**
 * The docdb collector: reads the service through the AWS SDK, read-only, and writes DocumentDB clusters into the
 * snapshot. {@link DocDbCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.docdb;
