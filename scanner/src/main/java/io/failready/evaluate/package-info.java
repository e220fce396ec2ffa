/**
 * Stage 5, evaluate: runs the rules over a snapshot's facts for each workload (scope, counterparts,
 * parameters, waivers, a time-boxed sandbox) and turns the evaluations into a score and a verdict
 * under the gate policy.
 */
package io.failready.evaluate;
