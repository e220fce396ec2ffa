/**
 * The incident pre-check: a baseline snapshot standing in for a source region that answers no call
 * during an outage, validated before use, substituted account by account, and marked on every
 * evaluation that used it.
 */
package io.failready.gate.incident;
