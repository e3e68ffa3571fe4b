package dev.hookcheck.mock.internal.api.vitable;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * A started mock server with Vitable test organizations of its own, and a client that checks every
 * JSON body it receives against the Vitable schemas.
 */
final class VitableTestServer implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");
    static final Profile PROFILE = Profiles.get("vitable");

    static final String ORG_A = "org_hkvitabletesta";
    static final String ORG_B = "org_hkvitabletestb";
    static final String KEY_A = "vitable-test-key-a";
    static final String KEY_B = "vitable-test-key-b";
    static final String DFNS_ORG = "org_hkdfnstest";
    static final String DFNS_KEY = "dfns-test-key";

    final MockServer server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(42);

    VitableTestServer() {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))).start();
        Store store = store();
        store.addOrganization(new Organization(ORG_A, "vitable", "Test A"));
        store.addOrganization(new Organization(ORG_B, "vitable", "Test B"));
        store.addOrganization(new Organization(DFNS_ORG, "dfns", "Dfns test"));
        store.addApiKey(KEY_A, "vitable", ORG_A);
        store.addApiKey(KEY_B, "vitable", ORG_B);
        store.addApiKey(DFNS_KEY, "dfns", DFNS_ORG);
    }

    Store store() {
        return Internals.of(server).store();
    }

    /** Adds a Vitable event of the catalog type {@code type} about {@code resourceId}. */
    Event addEvent(String organization, String type, String resourceId, Instant createdAt) {
        EventType eventType = PROFILE.events().find(type).orElseThrow();
        Event event = new Event(PROFILE.ids().event().generate(random), "vitable", organization, type,
                eventType.resourceType(), resourceId, createdAt, "{}");
        store().addEvent(event);
        return event;
    }

    String resourceId(String resourceType) {
        return PROFILE.ids().resource(resourceType).generate(random);
    }

    Endpoint addSubscription(String organization) {
        Endpoint endpoint = new Endpoint(PROFILE.ids().endpoint().generate(random), "vitable", organization,
                "https://receiver.example.test/vitable", null, null, List.of(Endpoint.ALL_EVENTS), true, null, null,
                List.of(Secrets.generate("vitable", random)), NOW, NOW, null);
        store().putEndpoint(endpoint);
        return endpoint;
    }

    /** A delivery of {@code event} in {@code status}, with the timestamps a delivery in that state has. */
    Delivery addDelivery(Event event, Endpoint subscription, DeliveryStatus status, String failureReason) {
        Instant created = event.createdAt().plusSeconds(1);
        Instant started = status == DeliveryStatus.PENDING ? null : created.plusMillis(250);
        Instant delivered = status == DeliveryStatus.DELIVERED ? created.plusMillis(900) : null;
        Instant failed = status == DeliveryStatus.FAILED || status == DeliveryStatus.EXHAUSTED
                ? created.plus(Duration.ofDays(3)) : null;
        Delivery delivery = new Delivery(PROFILE.ids().delivery().generate(random), "vitable", event.organizationId(),
                event.id(), subscription.id(), status, started == null ? 0 : 1, created, started, delivered, failed,
                failureReason, started, null, delivered != null ? 200 : null, null);
        store().putDelivery(delivery);
        return delivery;
    }

    HttpResponse<String> get(String pathAndQuery, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(pathAndQuery));
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        return send(request.build());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    ct -> assertThat(ct).startsWith("application/json"));
            return response;
        } catch (IOException e) {
            throw new AssertionError("request " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** Asserts the status and that the body is valid under {@code vitable/<schema>.schema.json}; returns the body. */
    static String expect(HttpResponse<String> response, int status, String schema) {
        assertThat(response.statusCode()).as("status of %s: %s", response.uri(), response.body()).isEqualTo(status);
        Schemas.assertValid("vitable/" + schema + ".schema.json", response.body());
        return response.body();
    }

    @Override
    public void close() {
        server.close();
    }
}
