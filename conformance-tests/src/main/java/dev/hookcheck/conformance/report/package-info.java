/**
 * The reports of a run: {@link dev.hookcheck.conformance.report.Report} writes {@code report.json}
 * (machine-readable, schema {@code hookcheck/json/report.schema.json}), {@code junit.xml} (what CI
 * test reporters read) and {@code report.html} (self-contained, for people).
 */
package dev.hookcheck.conformance.report;
