package dev.hookcheck.mock.junit;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.internal.Internals;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** {@link MockProvider} over a running {@link MockServer}, bound to one profile. */
final class Provider implements MockProvider {
    private static final long POLL_MILLIS = 5;

    private final MockServer server;
    private final ServerContext context;
    private final Profile profile;
    private final String apiKey;
    /** How many recorded attempts {@link #takeDelivery} has handed out; shared by every profile's handle. */
    private final AtomicInteger taken;

    Provider(MockServer server, String profile, String apiKey, AtomicInteger taken) {
        this.server = server;
        this.context = Internals.of(server);
        this.profile = Profiles.get(profile);
        this.apiKey = apiKey;
        this.taken = taken;
    }

    /** A new test: {@link #takeDelivery} starts again with its first request. */
    void forgetTaken() {
        taken.set(0);
    }

    @Override
    public String profile() {
        return profile.name();
    }

    @Override
    public MockProvider profile(String name) {
        if (Profiles.find(name).isEmpty()) {
            throw new IllegalArgumentException("unknown profile '" + name + "'; known profiles: "
                    + String.join(", ", Profiles.names()));
        }
        return new Provider(server, name, apiKey, taken);
    }

    @Override
    public String baseUrl() {
        return server.baseUrl();
    }

    @Override
    public URI url(String path) {
        return server.url(path);
    }

    @Override
    public String apiKey() {
        return apiKey;
    }

    @Override
    public java.time.Clock clock() {
        return context.clock();
    }

    @Override
    public Registration register(String url, Secret secret) {
        java.util.Objects.requireNonNull(secret, "secret: pass the secret your application verifies with, or call"
                + " register(url) for one the provider makes");
        URI uri = URI.create(java.util.Objects.requireNonNull(url, "url"));
        if (!uri.isAbsolute() || uri.getHost() == null) {
            throw new IllegalArgumentException("register needs the receiver's absolute URL, such as"
                    + " http://localhost:8080/webhooks; got '" + url + "'");
        }
        Secrets.problem(profile, secret).ifPresent(problem -> {
            throw new IllegalArgumentException("that secret cannot sign " + profile.displayName() + " deliveries: "
                    + problem);
        });
        Instant now = context.now();
        Endpoint endpoint = new Endpoint(profile.ids().endpoint().generate(context.random()), profile.name(),
                context.store().organizations(profile.name()).get(0).id(), url, "test", null,
                List.of(Endpoint.ALL_EVENTS), true, null, null, List.of(secret), now, now, null);
        context.store().putEndpoint(endpoint);
        return new Registration(endpoint.id(), secret);
    }

    @Override
    public Registration register(String url) {
        return register(url, profile.newSecret(context.random()));
    }

    @Override
    public Event trigger(String type) {
        return trigger(eventType(type), null);
    }

    @Override
    public Event trigger(String type, String dataJson) {
        return trigger(eventType(type), java.util.Objects.requireNonNull(dataJson, "dataJson"));
    }

    private Event trigger(EventType type, String dataJson) {
        Event example = profile.exampleEvent(type, context.store().organizations(profile.name()).get(0).id(),
                context.now(), context.random());
        Event event = dataJson == null ? example : new Event(example.id(), example.profile(), example.organizationId(),
                example.type(), example.resourceType(), example.resourceId(), example.createdAt(), compact(dataJson));
        context.store().addEvent(event);
        context.deliveries().fanOut(event);
        return event;
    }

    private EventType eventType(String type) {
        return profile.events().find(java.util.Objects.requireNonNull(type, "type")).orElseThrow(() ->
                new IllegalArgumentException("profile " + profile.name() + " has no event '" + type + "'; its events: "
                        + String.join(", ", profile.events().names())));
    }

    private static String compact(String json) {
        try {
            return tools.jackson.databind.json.JsonMapper.shared().readTree(json).toString();
        } catch (RuntimeException notJson) {
            throw new IllegalArgumentException("the event's data must be a JSON object, got: " + json);
        }
    }

    @Override
    public void inject(FailureRule rule) {
        context.deliveries().failureRules().add(java.util.Objects.requireNonNull(rule, "rule"));
    }

    @Override
    public void advance(Duration amount) {
        context.deliveries().advance(amount);
        context.deliveries().awaitIdle();
    }

    @Override
    public RecordedDelivery takeDelivery(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            int next = taken.get();
            List<AttemptRecord> fresh = context.store().attemptsFrom(next);
            if (!fresh.isEmpty()) {
                if (taken.compareAndSet(next, next + 1)) {
                    return recorded(fresh.get(0));
                }
                continue;
            }
            if (System.nanoTime() >= deadline) {
                throw new DeliveryAssertionError("a delivery", timeout, deliveries());
            }
            pause();
        }
    }

    @Override
    public List<RecordedDelivery> awaitDeliveries(int count, Duration timeout) {
        if (count < 1) {
            throw new IllegalArgumentException("wait for at least 1 delivery, got " + count);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<RecordedDelivery> sent = deliveries();
            if (sent.size() >= count) {
                return sent;
            }
            if (System.nanoTime() >= deadline) {
                throw new DeliveryAssertionError(count + (count == 1 ? " delivery" : " deliveries"), timeout, sent);
            }
            pause();
        }
    }

    @Override
    public List<RecordedDelivery> deliveries() {
        List<RecordedDelivery> all = new ArrayList<>();
        for (AttemptRecord attempt : context.store().attemptsFrom(0)) {
            all.add(recorded(attempt));
        }
        return all;
    }

    private RecordedDelivery recorded(AttemptRecord attempt) {
        Endpoint endpoint = context.store().endpoint(attempt.endpointId()).orElse(null);
        String type = context.store().event(attempt.eventId()).map(Event::type).orElse("?");
        URI target = endpoint == null ? null : URI.create(endpoint.url());
        String path = target == null ? "/" : (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/"
                : target.getRawPath()) + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return new RecordedDelivery(attempt.deliveryId(), attempt.eventId(), type, attempt.endpointId(),
                attempt.number(), "POST " + path + " HTTP/1.1", attempt.requestHeaders(),
                attempt.requestBody().getBytes(StandardCharsets.UTF_8), attempt.responseStatus(), attempt.responseBody(),
                attempt.error(), attempt.injected(), attempt.sentAt());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a delivery", e);
        }
    }
}
