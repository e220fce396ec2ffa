/**
 * The benchmark harness behind {@code failready bench}: synthetic estates, an AWS protocol stub and
 * timed fresh-process runs. Tooling, not product: only the CLI's bench command reaches it.
 */
package io.failready.tooling.bench;
