package dev.hookcheck.mock;

import dev.hookcheck.mock.delivery.BasicDeliveries;
import dev.hookcheck.mock.delivery.Deliveries;
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
    private final Deliveries deliveries;

    public ServerContext(MockServerConfig config, Store store) {
        this.config = config;
        this.store = store;
        this.random = new Random(config.seed() * 31 + 7); // java.util.Random is thread-safe
        this.deliveries = new BasicDeliveries(this);
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

    public Deliveries deliveries() {
        return deliveries;
    }

    public Clock clock() {
        return store.clock();
    }

    public Instant now() {
        return store.clock().instant();
    }
}
