/**
 * The eventbridge collector: reads the service through the AWS SDK, read-only, and writes EventBridge rule, EventBridge global endpoint into the
 * snapshot. {@link EventBridgeCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.eventbridge;
