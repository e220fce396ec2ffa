/**
 * The elasticache collector: reads the service through the AWS SDK, read-only, and writes ElastiCache replication group into the
 * snapshot. {@link ElastiCacheCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.elasticache;
