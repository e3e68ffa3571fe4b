/**
 * The JUnit 5 consumer API: a test class implements {@link
 * dev.hookcheck.conformance.junit.WebhookReceiverContract} and every check becomes a test of its own.
 */
package dev.hookcheck.conformance.junit;
