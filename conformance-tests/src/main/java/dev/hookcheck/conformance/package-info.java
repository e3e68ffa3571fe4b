/**
 * Conformance checks for webhook receivers: describe the receiver under test ({@link
 * dev.hookcheck.conformance.Receiver}, optionally with a {@link dev.hookcheck.conformance.Probe}),
 * run the catalog with {@link dev.hookcheck.conformance.Conformance#run}, and read one {@link
 * dev.hookcheck.conformance.CheckResult} per check. This package, {@code check} (the catalog) and
 * {@code junit} (the JUnit 5 contract) are the published API; {@code internal} is not.
 */
package dev.hookcheck.conformance;
