/** The compliance section of the checklist: one decision class per rule folder below, beside its DRL. */
package io.failready.rules.compliance;
