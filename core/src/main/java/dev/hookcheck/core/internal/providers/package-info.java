/**
 * One folder per provider: everything a provider is (scheme, secret format, retry and success rules,
 * traits, catalog, payloads, example data, lifecycles) in its own package's {@code Provider}, which
 * {@link dev.hookcheck.core.profile.Profiles} finds on the class path. Adding a provider is adding a
 * folder here.
 */
package dev.hookcheck.core.internal.providers;
