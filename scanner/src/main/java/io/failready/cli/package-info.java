/**
 * The command line on top of the pipeline: picocli commands that wire collect, snapshot, evaluate,
 * report and gate together and map every outcome to an exit code (0 READY, 1 internal error, 2
 * usage or input error, 3 NOT_READY, 4 UNKNOWN).
 */
package io.failready.cli;
