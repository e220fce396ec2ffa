/**
 * Stage 7, gate: decides GO or NO-GO from a report alone, re-deriving severities from the catalog
 * and re-checking waivers against today, for CI pipelines and the failover runbook.
 */
package io.failready.gate;
