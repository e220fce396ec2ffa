/**
 * The servicequotas collector: reads the service through the AWS SDK, read-only, and writes service quota into the
 * snapshot. {@link ServiceQuotasCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.servicequotas;
