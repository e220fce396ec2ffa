/**
 * The fast schema checks, kept together: a streaming JSON Schema checker, the streaming report
 * reader and the snapshot resource check. Each answers only "certainly valid" and leaves every
 * doubt to the reference validator (networknt); {@link io.failready.schema.SchemaCheck} switches
 * them off.
 */
package io.failready.schema;
