/**
 * The arcregionswitch collector: reads ARC Region switch through the AWS SDK, read-only, and writes
 * Region switch plans (with their latest evaluation and their executions) into the snapshot.
 * {@link ArcRegionSwitchCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.arcregionswitch;
