/**
 * The fis collector: reads AWS Fault Injection Service through the AWS SDK, read-only, and writes FIS
 * experiments and experiment templates into the snapshot. {@link FisCollector}'s descriptor lists
 * every call it may send.
 */
package io.failready.collect.aws.fis;
