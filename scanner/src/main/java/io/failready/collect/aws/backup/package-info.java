/**
 * The backup collector: reads the service through the AWS SDK, read-only, and writes backup plan, backup vault into the
 * snapshot. {@link BackupCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.backup;
