/** Deterministic, realistic seed data per profile. Not a published API. */
package dev.hookcheck.mock.internal.seed;
