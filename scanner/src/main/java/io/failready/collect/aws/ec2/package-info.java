/**
 * The ec2 collector: reads the service through the AWS SDK, read-only, and writes VPC into the
 * snapshot. {@link VpcCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.ec2;
