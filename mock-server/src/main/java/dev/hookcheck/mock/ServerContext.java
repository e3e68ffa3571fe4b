package dev.hookcheck.mock;

import dev.hookcheck.mock.delivery.DeliveryEngine;
import dev.hookcheck.mock.store.Store;
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
        this.random = new Random(config.seed() * 31 + 7); // java.util.Random is thread-safe
        this.deliveries = new DeliveryEngine(this);
    }

    public MockServerConfig config() {
        return config;
    }

    public Store store() {
        return store;
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
