/**
 * The guardduty collector: reads the service through the AWS SDK, read-only, and writes GuardDuty detector into the
 * snapshot. {@link GuardDutyCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.guardduty;
