package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeoutException;

/**
 * A mock server on a stopped virtual clock (only {@link #advance} moves time), WireMock as the
 * scripted receiver, and helpers that create endpoints and events and check every delivered
 * request's signature with core.
 */
final class EngineFixture implements AutoCloseable {
    static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    final VirtualClock clock = VirtualClock.stopped(START);
    final MockServer server;
    final Store store;
    final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private final Random random = new Random(11);

    EngineFixture() {
        this(MockServerConfig.defaults());
    }

    EngineFixture(MockServerConfig config) {
        receiver.start();
        server = MockServer.create(config.withEventsPerProfile(0).withClock(clock)).start();
        store = Internals.of(server).store();
    }

    DeliveryEngine engine() {
        return Internals.of(server).deliveries();
    }

    String receiverUrl(String path) {
        return "http://localhost:" + receiver.port() + path;
    }

    Endpoint endpoint(String profileName, String path) {
        return endpoint(profileName, path, List.of(Secrets.generate(profileName, random)), null);
    }

    Endpoint endpoint(String profileName, String path, List<Secret> secrets, Integer timeoutSeconds) {
        Profile profile = Profiles.get(profileName);
        String org = "org-" + profileName;
        if (store.organization(org).isEmpty()) {
            store.addOrganization(new Organization(org, profileName, "Test"));
        }
        Endpoint endpoint = new Endpoint(profile.ids().endpoint().generate(random), profileName, org, receiverUrl(path), "test",
                null, List.of(Endpoint.ALL_EVENTS), true, null, timeoutSeconds, secrets, clock.instant(), clock.instant(), null);
        store.putEndpoint(endpoint);
        return endpoint;
    }

    /** Stores an event of the profile's first type for the endpoint's organization and fans it out. */
    Event trigger(Endpoint endpoint) {
        Profile profile = Profiles.get(endpoint.profile());
        var type = profile.events().types().get(0);
        Event event = new Event(profile.ids().event().generate(random), profile.name(), endpoint.organizationId(), type.name(),
                type.resourceType(), profile.ids().resource(type.resourceType()).generate(random), clock.instant(),
                "{\"n\":" + random.nextInt(1000) + "}");
        store.addEvent(event);
        engine().fanOut(event);
        return event;
    }

    Delivery await(Event event, java.util.function.Predicate<Delivery> state) {
        try {
            return engine().awaitDeliveries(d -> d.eventId().equals(event.id()) && state.test(d), 1, Duration.ofSeconds(10))
                    .get(0);
        } catch (TimeoutException | InterruptedException e) {
            throw new AssertionError(e.getMessage() + "; deliveries: " + store.deliveries(), e);
        }
    }

    Delivery awaitFinal(Event event) {
        return await(event, d -> d.status().isFinal());
    }

    List<AttemptRecord> attempts(Delivery delivery) {
        return store.attemptsOfDelivery(delivery.id());
    }

    /** Every request WireMock received verifies under the endpoint's profile, at the instant it was signed. */
    void assertEverySignatureVerifies(Endpoint endpoint) {
        Profile profile = Profiles.get(endpoint.profile());
        List<LoggedRequest> requests = receiver.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.anyUrl()));
        assertThat(requests).isNotEmpty();
        for (LoggedRequest request : requests) {
            Map<String, String> headers = new LinkedHashMap<>();
            request.getHeaders().all().forEach(h -> headers.put(h.key(), h.firstValue()));
            String signature = profile.scheme().signatureOf(headers, request.getBody());
            AttemptRecord sent = store.attemptsOfEndpoint(endpoint.id()).stream()
                    .filter(a -> a.requestBody().equals(request.getBodyAsString())
                            && java.util.Objects.equals(profile.scheme().signatureOf(a.requestHeaders(),
                                    a.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8)), signature))
                    .findFirst().orElseThrow();
            Verification verdict = profile.scheme().verify(headers, request.getBody(), endpoint.secrets(),
                    Clock.fixed(sent.sentAt(), ZoneOffset.UTC));
            assertThat(verdict.isVerified()).as("%s: %s", endpoint.profile(), verdict).isTrue();
        }
    }

    @Override
    public void close() {
        server.close();
        receiver.stop();
    }
}
