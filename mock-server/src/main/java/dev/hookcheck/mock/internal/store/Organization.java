package dev.hookcheck.mock.internal.store;

/** A tenant of one profile. Every API read is scoped to the caller's organization. */
public record Organization(String id, String profile, String name) {}
