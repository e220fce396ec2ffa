/**
 * Stage 3, facts: the vocabulary the rules reason over, shared by every stage: resources,
 * collection gaps, region pairs, counterparts and the per-session lookups built from them.
 */
package io.failready.facts;
