/**
 * Stage 6, report: builds the report contract from evaluations and writes it (JSON, HTML, JUnit,
 * Markdown, CSV) as one set, reads saved reports back and compares two of them.
 */
package io.failready.report;
