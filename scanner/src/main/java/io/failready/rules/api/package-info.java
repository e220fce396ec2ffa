/**
 * The small, stable API a rule's decision class and DRL may use ({@link
 * io.failready.rules.api.Verdict}, {@link io.failready.rules.api.Judge}, ARN parsing, labels, text
 * helpers), and the sink through which the engine collects what rules judge.
 */
package io.failready.rules.api;
