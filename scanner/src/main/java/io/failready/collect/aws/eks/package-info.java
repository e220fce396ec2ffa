/**
 * The eks collector: reads the service through the AWS SDK, read-only, and writes EKS cluster into the
 * snapshot. {@link EksCollector}'s descriptor lists every call it may send.
 */
package io.failready.collect.aws.eks;
