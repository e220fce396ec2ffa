/**
 * The workload configuration and waiver files: YAML read, checked against the schema and given
 * meaning (durations, rule and section names checked with a did-you-mean), every error naming file
 * and line.
 */
package io.failready.config;
