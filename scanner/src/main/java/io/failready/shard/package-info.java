/**
 * Splitting collection across machines: which accounts a shard ({@code --shard INDEX/COUNT}) takes,
 * stable as accounts are added.
 */
package io.failready.shard;
