/**
 * The Dfns webhooks API dialect ({@code /webhooks}). Only {@link dev.hookcheck.mock.api.dfns.DfnsApi}
 * is public; the rest is its internals. Not a published API.
 */
package dev.hookcheck.mock.api.dfns;
