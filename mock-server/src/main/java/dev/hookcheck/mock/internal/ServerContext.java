package dev.hookcheck.mock.internal;

import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.delivery.DeliveryEngine;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;

/**
 * What every part of the server shares: its configuration, its store and one seeded random for the
 * ids and secrets it makes at run time. Not a published API.
 */
public final class ServerContext {
    private final MockServerConfig config;
    private final Store store;
    private final Random random;
    private final DeliveryEngine deliveries;

    public ServerContext(MockServerConfig config, Store store) {
        this.config = config;
        this.store = store;
        this.random = new Random(randomSeed(config)); // java.util.Random is thread-safe
        this.deliveries = new DeliveryEngine(config, store, random);
    }

    public MockServerConfig config() {
        return config;
    }

    public Store store() {
        return store;
    }

    private static long randomSeed(MockServerConfig config) {
        return config.seed() * 31 + 7;
    }

    /**
     * Forgets everything and seeds again, as on start: the engine's work in progress, the store, and the
     * random the ids come from, so that what runs after a reset makes the same ids whatever ran before it.
     *
     * @param salt mixed into the random's seed: 0 makes the ids of a fresh start, a test's own salt ids of its own
     */
    public void reset(long salt, Runnable seed) {
        deliveries.reset();
        store.clear();
        random.setSeed(randomSeed(config) + salt * 0x9E3779B97F4A7C15L);
        seed.run();
    }

    public Random random() {
        return random;
    }

    public DeliveryEngine deliveries() {
        return deliveries;
    }

    public Clock clock() {
        return store.clock();
    }

    public Instant now() {
        return store.clock().instant();
    }
}
