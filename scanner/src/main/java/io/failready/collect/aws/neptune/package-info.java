/**
 * The neptune collector: reads the service through the AWS SDK, read-only, and writes Neptune clusters into the
 * snapshot. {@link NeptuneCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.neptune;
