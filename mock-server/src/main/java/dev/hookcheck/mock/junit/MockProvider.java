package dev.hookcheck.mock.junit;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.delivery.FailureRule;
import dev.hookcheck.mock.seed.Secrets;
import dev.hookcheck.mock.store.Delivery;
import dev.hookcheck.mock.store.Endpoint;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeoutException;

/** A handle on the mock provider of a {@link MockWebhookProvider} test class. */
public final class MockProvider {
    private final MockServer server;
    private final String apiKey;
    private final Random random;

    MockProvider(MockServer server, String apiKey, long seed) {
        this.server = server;
        this.apiKey = apiKey;
        this.random = new Random(seed);
    }

    /** {@code http://127.0.0.1:<port>}: point your provider client here. */
    public String baseUrl() {
        return server.baseUrl();
    }

    public URI url(String path) {
        return server.url(path);
    }

    /** The API key of the first organization of every profile. */
    public String apiKey() {
        return apiKey;
    }

    /**
     * @param endpointId the endpoint (Vitable subscription, Dfns webhook, Preo endpoint)
     * @param secret the secret deliveries to it are signed with
     */
    public record Registration(String endpointId, Secret secret) {}

    /** Registers a receiver for every event of a profile, in the profile's first organization. */
    public Registration register(String profile, String url) {
        Profile p = profile(profile);
        Instant now = server.store().clock().instant();
        Endpoint endpoint = new Endpoint(p.ids().endpoint().generate(random), p.name(), organization(p), url, "test", null,
                List.of(Endpoint.ALL_EVENTS), true, null, null, List.of(Secrets.generate(p.name(), random)), now, now, null);
        server.store().putEndpoint(endpoint);
        return new Registration(endpoint.id(), endpoint.secret());
    }

    /** Creates an event of that type (about a new resource) and delivers it to every matching receiver. */
    public Event trigger(String profile, String type) {
        Profile p = profile(profile);
        EventType eventType = p.events().find(type).orElseThrow(() -> new IllegalArgumentException(
                "profile " + profile + " has no event '" + type + "'; its events: " + String.join(", ", p.events().names())));
        Event event = new Event(p.ids().event().generate(random), p.name(), organization(p), type, eventType.resourceType(),
                p.ids().resource(eventType.resourceType()).generate(random), server.store().clock().instant(), "{}");
        server.store().addEvent(event);
        server.deliveries().fanOut(event);
        return event;
    }

    /** Switches a failure-injection rule on until the next test. */
    public FailureRule inject(FailureRule rule) {
        return server.deliveries().failureRules().add(rule);
    }

    /**
     * Moves the provider's clock ahead, running every attempt that falls due on the way (each at its
     * own instant), and returns once they are done, so a test can look at their outcome at once.
     */
    public void advance(Duration amount) {
        server.deliveries().advance(amount);
        server.deliveries().awaitIdle();
    }

    /** Blocks until {@code count} deliveries have finished (delivered, failed or exhausted). */
    public List<Delivery> awaitDeliveries(int count, Duration timeout) throws TimeoutException, InterruptedException {
        return server.deliveries().awaitDeliveries(d -> d.status().isFinal(), count, timeout);
    }

    /** The server itself, for everything else. */
    public MockServer server() {
        return server;
    }

    private String organization(Profile p) {
        return server.store().organizations(p.name()).get(0).id();
    }

    private static Profile profile(String name) {
        return Profiles.get(name);
    }
}
