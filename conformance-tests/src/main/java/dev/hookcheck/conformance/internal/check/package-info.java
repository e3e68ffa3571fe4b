/**
 * The check catalog's implementation: one small package-private class per check, each with a stable
 * id ({@code SIG-…} signature, {@code RPL-…} replay, {@code IDM-…} idempotency, {@code ROB-…}
 * robustness, {@code CON-…} delivery contract), a title that reads as a sentence, what it sends, what
 * it expects, a fix hint and a level per profile. {@link dev.hookcheck.conformance.internal.check.Catalog}
 * lists them in id order; the published view of it is {@link dev.hookcheck.conformance.Checks}. Not a
 * published API.
 */
package dev.hookcheck.conformance.internal.check;
