/**
 * Stage 2, snapshot: the versioned inventory file between collection and evaluation
 * (schemas/snapshot.schema.json), written atomically, read as a stream and merged across shards.
 */
package io.failready.snapshot;
