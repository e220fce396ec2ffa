/**
 * Stage 1, collect: reads an AWS estate (read-only, secret-free) account by account, region by
 * region, into resources and collection gaps; a failed call is a gap, never an absence. Every AWS
 * operation called is listed in {@link io.failready.collect.aws.ApiCalls}; the per-service collectors
 * live in {@code collect.aws.*}.
 */
package io.failready.collect;
