/**
 * The backup collector: reads the service through the AWS SDK, read-only, and writes backup plan, backup vault and
 * restore testing plan (with the latest restore jobs each started) into the snapshot. {@link BackupCollector}'s
 * descriptor lists every call it may send.
 */
package io.failready.collect.aws.backup;
