/**
 * The rds collector: reads the service through the AWS SDK, read-only, and writes Aurora cluster, RDS instance into the
 * snapshot. {@link RdsCollector}'s descriptor lists every call it may send; the engine-cluster collector and
 * the global-cluster reading here serve the DocumentDB and Neptune collectors too.
 */
package io.failready.collect.aws.rds;
