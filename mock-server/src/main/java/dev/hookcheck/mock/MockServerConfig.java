package dev.hookcheck.mock;

import dev.hookcheck.core.time.VirtualClock;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link MockServer} starts. Immutable: start from {@link #defaults()}; every {@code with…}
 * returns a copy with one setting changed.
 *
 * <pre>{@code
 * MockServerConfig config = MockServerConfig.defaults().withApiKey("test-key").withEventsPerProfile(0);
 * }</pre>
 *
 * @param host the interface to bind ({@code 127.0.0.1} by default; {@code 0.0.0.0} in a container)
 * @param port the port, 0 for any free one (read it back with {@link MockServer#port()})
 * @param seed the random seed of the seeded data: the same seed gives the same ids and data
 * @param eventsPerProfile how many events are seeded per profile
 * @param apiKey a key that opens the default organization of every profile, besides the generated ones
 * @param dfnsWebhookLimit how many Dfns webhooks one organization may have (Dfns's default is 5)
 * @param clock the server's clock: timestamps, retry schedules and retention all read it. A
 *     {@link VirtualClock} (the default, at real speed) can be sped up and advanced; any other clock
 *     cannot be advanced
 * @param maxConcurrentDeliveries attempts in flight at once, over all endpoints
 * @param maxConcurrentPerEndpoint attempts in flight at once to one endpoint; more wait their turn
 * @param rotationOverlap how long a rotated-out secret keeps signing beside the new one, where the
 *     scheme carries several signatures
 * @param failureRules the failure-injection rules in force from the start (and again after a
 *     reset); more can be added through {@code /__admin/failures}
 * @param dfnsUserActions what the Dfns API asks of {@code X-DFNS-USERACTION} on a change: a token
 *     from the signing flow ({@code REAL}, the default), or any non-empty value ({@code ANY})
 * @param adminToken when present, every admin API request (but the health check and the API
 *     description) must carry {@code Authorization: Bearer <token>}; the dashboard asks for it
 * @param seedEndpoints whether the seeded organizations get seeded endpoints (the sandbox's, true by
 *     default; they point at example hosts and are disabled after their history, so new events never
 *     go to them); a test that registers its own receivers wants none
 */
public final class MockServerConfig {
    private final String host;
    private final int port;
    private final long seed;
    private final int eventsPerProfile;
    private final Optional<String> apiKey;
    private final int dfnsWebhookLimit;
    private final Clock clock;
    private final int maxConcurrentDeliveries;
    private final int maxConcurrentPerEndpoint;
    private final Duration rotationOverlap;
    private final List<FailureRule> failureRules;
    private final DfnsUserActions dfnsUserActions;
    private final Optional<String> adminToken;
    private final boolean seedEndpoints;

    private MockServerConfig(String host, int port, long seed, int eventsPerProfile, Optional<String> apiKey,
            int dfnsWebhookLimit, Clock clock, int maxConcurrentDeliveries, int maxConcurrentPerEndpoint,
            Duration rotationOverlap, List<FailureRule> failureRules, DfnsUserActions dfnsUserActions,
            Optional<String> adminToken, boolean seedEndpoints) {
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
        if (maxConcurrentDeliveries < 1 || maxConcurrentPerEndpoint < 1) {
            throw new IllegalArgumentException("delivery concurrency limits must be at least 1");
        }
        Objects.requireNonNull(rotationOverlap, "rotationOverlap");
        if (rotationOverlap.isNegative()) {
            throw new IllegalArgumentException("rotationOverlap must not be negative, got " + rotationOverlap);
        }
        failureRules = List.copyOf(failureRules);
        Objects.requireNonNull(dfnsUserActions, "dfnsUserActions");
        Objects.requireNonNull(adminToken, "adminToken");
        adminToken.ifPresent(t -> {
            if (t.length() < 8 || t.chars().anyMatch(c -> c <= ' ' || c >= 127)) {
                throw new IllegalArgumentException("an admin token must be at least 8 characters of printable ASCII without spaces");
            }
        });
        apiKey.ifPresent(k -> {
            if (k.isBlank() || k.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("an API key must be non-empty and contain no whitespace");
            }
        });
        this.host = host;
        this.port = port;
        this.seed = seed;
        this.eventsPerProfile = eventsPerProfile;
        this.apiKey = apiKey;
        this.dfnsWebhookLimit = dfnsWebhookLimit;
        this.clock = clock;
        this.maxConcurrentDeliveries = maxConcurrentDeliveries;
        this.maxConcurrentPerEndpoint = maxConcurrentPerEndpoint;
        this.rotationOverlap = rotationOverlap;
        this.failureRules = failureRules;
        this.dfnsUserActions = dfnsUserActions;
        this.adminToken = adminToken;
        this.seedEndpoints = seedEndpoints;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public long seed() {
        return seed;
    }

    public int eventsPerProfile() {
        return eventsPerProfile;
    }

    public Optional<String> apiKey() {
        return apiKey;
    }

    public int dfnsWebhookLimit() {
        return dfnsWebhookLimit;
    }

    public Clock clock() {
        return clock;
    }

    public int maxConcurrentDeliveries() {
        return maxConcurrentDeliveries;
    }

    public int maxConcurrentPerEndpoint() {
        return maxConcurrentPerEndpoint;
    }

    public Duration rotationOverlap() {
        return rotationOverlap;
    }

    public List<FailureRule> failureRules() {
        return failureRules;
    }

    public DfnsUserActions dfnsUserActions() {
        return dfnsUserActions;
    }

    public Optional<String> adminToken() {
        return adminToken;
    }

    public boolean seedEndpoints() {
        return seedEndpoints;
    }

    /** Every component, the admin token shown only as present or not: configurations get logged. */
    @Override
    public String toString() {
        return "MockServerConfig[host=" + host + ", port=" + port + ", seed=" + seed + ", eventsPerProfile="
                + eventsPerProfile + ", apiKey=" + apiKey + ", dfnsWebhookLimit=" + dfnsWebhookLimit + ", clock=" + clock
                + ", maxConcurrentDeliveries=" + maxConcurrentDeliveries + ", maxConcurrentPerEndpoint="
                + maxConcurrentPerEndpoint + ", rotationOverlap=" + rotationOverlap + ", failureRules=" + failureRules
                + ", dfnsUserActions=" + dfnsUserActions + ", adminToken=" + (adminToken.isPresent() ? "(set)" : "(none)")
                + ", seedEndpoints=" + seedEndpoints + "]";
    }

    public static MockServerConfig defaults() {
        return new MockServerConfig("127.0.0.1", 0, 1, 300, Optional.empty(), 5, VirtualClock.system(), 32, 4,
                Duration.ofHours(24), List.of(), DfnsUserActions.REAL, Optional.empty(), true);
    }

    public MockServerConfig withHost(String value) {
        return new MockServerConfig(value, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock, maxConcurrentDeliveries,
                maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withPort(int value) {
        return new MockServerConfig(host, value, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock, maxConcurrentDeliveries,
                maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withSeed(long value) {
        return new MockServerConfig(host, port, value, eventsPerProfile, apiKey, dfnsWebhookLimit, clock, maxConcurrentDeliveries,
                maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withEventsPerProfile(int value) {
        return new MockServerConfig(host, port, seed, value, apiKey, dfnsWebhookLimit, clock, maxConcurrentDeliveries,
                maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withApiKey(String value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, Optional.of(value), dfnsWebhookLimit, clock, maxConcurrentDeliveries,
                maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withDfnsWebhookLimit(int value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, value, clock, maxConcurrentDeliveries,
                maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    /** A virtual clock running {@code scale} times faster than real time (0: only advancing moves it). */
    public MockServerConfig withTimeScale(double scale) {
        return withClock(VirtualClock.scaled(scale));
    }

    public MockServerConfig withConcurrency(int overall, int perEndpoint) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock, overall,
                perEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withRotationOverlap(Duration value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock,
                maxConcurrentDeliveries, maxConcurrentPerEndpoint, value, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withClock(Clock value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, value, maxConcurrentDeliveries,
                maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions, adminToken, seedEndpoints);
    }

    /** Requires {@code Authorization: Bearer <token>} on the admin API (see {@link #adminToken()}). */
    public MockServerConfig withAdminToken(String value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock,
                maxConcurrentDeliveries, maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions,
                Optional.of(value), seedEndpoints);
    }

    /** The failure rules the server starts with, replacing any given before. */
    public MockServerConfig withFailureRules(FailureRule... rules) {
        return withFailureRules(List.of(rules));
    }

    public MockServerConfig withFailureRules(List<FailureRule> rules) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock,
                maxConcurrentDeliveries, maxConcurrentPerEndpoint, rotationOverlap, rules, dfnsUserActions, adminToken, seedEndpoints);
    }

    public MockServerConfig withDfnsUserActions(DfnsUserActions value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock,
                maxConcurrentDeliveries, maxConcurrentPerEndpoint, rotationOverlap, failureRules, value, adminToken, seedEndpoints);
    }

    /** Seeds the organizations with endpoints (the default) or leaves them without any. */
    public MockServerConfig withSeedEndpoints(boolean value) {
        return new MockServerConfig(host, port, seed, eventsPerProfile, apiKey, dfnsWebhookLimit, clock,
                maxConcurrentDeliveries, maxConcurrentPerEndpoint, rotationOverlap, failureRules, dfnsUserActions,
                adminToken, value);
    }

    /** What a Dfns change must carry in {@code X-DFNS-USERACTION}. */
    public enum DfnsUserActions {
        /**
         * A token of the signing flow ({@code POST /auth/action/init}, sign, {@code POST /auth/action}),
         * good once, for the request it was signed for, as on Dfns.
         */
        REAL,
        /** Any non-empty value: quick sandboxing with curl, without a key credential. */
        ANY
    }
}
