/**
 * Delivering events to endpoints: fan-out, attempts, retries, the clock's scheduler, failure
 * injection. Not a published API, except {@link dev.hookcheck.mock.FailureRule}, which
 * {@link dev.hookcheck.mock.MockServerConfig#withFailureRules} takes.
 */
package dev.hookcheck.mock.internal.delivery;
