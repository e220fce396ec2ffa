/**
 * The report contract types every later stage shares (Report, Evaluation, ComplianceType, Severity,
 * the section list): the JSON report's shape and vocabulary, with no behaviour of any stage.
 */
package io.failready.model;
