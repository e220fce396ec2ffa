/**
 * The ecs collector: reads the service through the AWS SDK, read-only, and writes ECS service into the
 * snapshot. {@link EcsCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.ecs;
