/** Delivering events to endpoints: fan-out, attempts, retries. Not a published API. */
package dev.hookcheck.mock.delivery;
