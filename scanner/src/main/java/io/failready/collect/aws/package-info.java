/**
 * The collectors and the one list of them ({@link io.failready.collect.aws.CollectorRegistry}), with what is
 * derived from their descriptors: the operations the scanner may send ({@link io.failready.collect.aws.ApiCalls}), its
 * least-privilege IAM policy and the label and service of every resource type.
 */
package io.failready.collect.aws;
