/**
 * The mock server's in-memory state: organizations, API keys, events, endpoints, deliveries and
 * attempts. Thread-safe, indexed for the dialects' filters. Not a published API.
 */
package dev.hookcheck.mock.internal.store;
