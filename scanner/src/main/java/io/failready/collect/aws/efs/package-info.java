/**
 * The efs collector: reads the service through the AWS SDK, read-only, and writes EFS file system into the
 * snapshot. {@link EfsCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.efs;
