/**
 * The sandbox dashboard served by the mock server at {@code /}: events, deliveries and their
 * attempts, endpoints, failure rules and the clock, for people. Not a published API.
 */
package dev.hookcheck.mock.internal.dashboard;
