/**
 * What serves the product without being part of a run: the benchmark harness and synthetic estates
 * ({@code tooling.bench}), the AWS protocol stub shared by tests and {@code failready bench collect}, and the
 * build-time precompiler of the bundled rules ({@code tooling.rules}). Product packages never depend on it
 * (ArchitectureTest); only the CLI's bench command reaches it.
 */
package io.failready.tooling;
