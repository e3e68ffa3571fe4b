/**
 * The Dfns API dialect: {@code /webhooks}, and the user-action signing under {@code /auth} that
 * every change needs. Only {@link dev.hookcheck.mock.internal.api.dfns.DfnsApi} is public; the rest is its
 * internals. Not a published API.
 */
package dev.hookcheck.mock.internal.api.dfns;
