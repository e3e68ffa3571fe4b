/**
 * The check catalog: one small class per check, each with a stable id ({@code SIG-…} signature,
 * {@code RPL-…} replay, {@code IDM-…} idempotency, {@code ROB-…} robustness, {@code CON-…} delivery
 * contract), a title that reads as a sentence, what it sends, what it expects, a fix hint and a
 * level per profile. {@link dev.hookcheck.conformance.check.Checks#all()} lists them in id order.
 */
package dev.hookcheck.conformance.check;
