package dev.hookcheck.mock;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link MockServer} starts.
 *
 * @param host the interface to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} in a container)
 * @param port the port, 0 for any free one (read it back with {@link MockServer#port()})
 * @param seed the random seed of the seeded data: the same seed gives the same ids and data
 * @param eventsPerProfile how many events are seeded per profile
 * @param apiKey a key that opens the default organization of every profile, besides the generated ones
 * @param dfnsWebhookLimit how many Dfns webhooks one organization may have (Dfns's default is 5)
 * @param clock the server's clock
 */
public record MockServerConfig(String host, int port, long seed, int eventsPerProfile, Optional<String> apiKey,
        int dfnsWebhookLimit, Clock clock) {

    public MockServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(apiKey, "apiKey");
        Objects.requireNonNull(clock, "clock");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, got " + port);
        }
        if (eventsPerProfile < 0) {
            throw new IllegalArgumentException("eventsPerProfile must not be negative, got " + eventsPerProfile);
        }
        if (dfnsWebhookLimit < 1) {
            throw new IllegalArgumentException("dfnsWebhookLimit must be at least 1, got " + dfnsWebhookLimit);
        }
        apiKey.ifPresent(k -> {
            if (k.isBlank() || k.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("an API key must be non-empty and contain no whitespace");
            }
        });
    }

    public static MockServerConfig defaults() {
        return new MockServerConfig("127.0.0.1", 0, 1, 300, Optional.empty(), 5, Clock.systemUTC());
    }

    public MockServerConfig withHost(String value) {
        return new MockServerConfig(value, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock);
    }

    public MockServerConfig withPort(int value) {
        return new MockServerConfig(host, value, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock);
    }

    public MockServerConfig withSeed(long value) {
        return new MockServerConfig(host, port, value, eventsPerProfile, apiKey, dfnsWebhookLimit, clock);
    }

    public MockServerConfig withEventsPerProfile(int value) {
        return new MockServerConfig(host, port, seed, value, apiKey, dfnsWebhookLimit, clock);
    }

    public MockServerConfig withApiKey(String value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, Optional.of(value), dfnsWebhookLimit, clock);
    }

    public MockServerConfig withDfnsWebhookLimit(int value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, value, clock);
    }

    public MockServerConfig withClock(Clock value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, value);
    }
}
