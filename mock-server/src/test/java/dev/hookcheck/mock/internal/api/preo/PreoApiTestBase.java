package dev.hookcheck.mock.internal.api.preo;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

/**
 * A fresh server per test with two Preo organizations of our own (A and B, one key each) and a
 * Vitable key, plus fixtures that write straight into the store and requests that validate every
 * JSON body against its schema.
 */
abstract class PreoApiTestBase {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final String ORG_A = "a0000000-0000-4000-8000-00000000000a";
    static final String ORG_B = "b0000000-0000-4000-8000-00000000000b";
    static final String KEY_A = "preo-test-key-a";
    static final String KEY_B = "preo-test-key-b";
    static final String VITABLE_KEY = "vitable-test-key";
    static final String WEBHOOKS = "/api/management/webhooks/";

    private final HttpClient http = HttpClient.newHttpClient();
    private int sequence;
    MockServer server;
    Store store;

    @BeforeEach
    void startServer() {
        server = MockServer.create(MockServerConfig.defaults().withEventsPerProfile(0)
                .withClock(Clock.fixed(NOW, ZoneOffset.UTC))).start();
        store = Internals.of(server).store();
        store.addOrganization(new Organization(ORG_A, "preo", "Test A"));
        store.addOrganization(new Organization(ORG_B, "preo", "Test B"));
        store.addApiKey(KEY_A, "preo", ORG_A);
        store.addApiKey(KEY_B, "preo", ORG_B);
        store.addOrganization(new Organization("org_vitable_test", "vitable", "Vitable test"));
        store.addApiKey(VITABLE_KEY, "vitable", "org_vitable_test");
    }

    @AfterEach
    void closeServer() {
        server.close();
    }

    // requests

    record Response(int status, String body, HttpHeaders headers) {
        JsonNode json() {
            return Json.MAPPER.readTree(body);
        }
    }

    Response send(String method, String path, String body, String authorization) {
        return send(method, server.url(path), body, authorization);
    }

    Response send(String method, URI uri, String body, String authorization) {
        return send(method, uri, body, authorization, "application/json");
    }

    Response send(String method, URI uri, String body, String authorization, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Response get(String path) {
        return send("GET", path, null, "Bearer " + KEY_A);
    }

    Response get(URI uri) {
        return send("GET", uri, null, "Bearer " + KEY_A);
    }

    Response post(String path, String body) {
        return send("POST", path, body, "Bearer " + KEY_A);
    }

    Response put(String path, String body) {
        return send("PUT", path, body, "Bearer " + KEY_A);
    }

    Response patch(String path, String body) {
        return send("PATCH", path, body, "Bearer " + KEY_A);
    }

    Response delete(String path) {
        return send("DELETE", path, null, "Bearer " + KEY_A);
    }

    // assertions (each validates the body against its schema)

    static JsonNode assertEndpoint(Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        Schemas.assertValid("preo/endpoint.schema.json", response.body());
        return response.json();
    }

    static JsonNode assertDelivery(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Schemas.assertValid("preo/delivery.schema.json", response.body());
        return response.json();
    }

    static JsonNode assertEndpointList(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Schemas.assertValid("preo/endpoint-list.schema.json", response.body());
        return response.json();
    }

    static JsonNode assertDeliveryList(Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        Schemas.assertValid("preo/delivery-list.schema.json", response.body());
        return response.json();
    }

    static void assertDetail(Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        Schemas.assertValid("preo/error.schema.json", response.body());
        assertThat(response.json().get("detail").stringValue()).isEqualTo(detail);
    }

    static void assertNotFound(Response response) {
        assertDetail(response, 404, "Not found.");
    }

    /** A 400 naming exactly {@code fields}; returns the body for message checks. */
    static JsonNode assertFieldErrors(Response response, String... fields) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        Schemas.assertValid("preo/validation-error.schema.json", response.body());
        JsonNode json = response.json();
        assertThat(json.propertyNames()).containsExactlyInAnyOrder(fields);
        return json;
    }

    static List<String> messages(JsonNode errors, String field) {
        List<String> out = new ArrayList<>();
        errors.get(field).forEach(m -> out.add(m.stringValue()));
        return out;
    }

    static List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("results").forEach(r -> out.add(r.get("id").stringValue()));
        return out;
    }

    // fixtures

    static String guid(int n) {
        return String.format("00000000-0000-4000-8000-%012x", n);
    }

    Endpoint putEndpoint(String id, String organizationId) {
        return putEndpoint(id, organizationId, "Endpoint " + id.substring(id.length() - 4), null, true, NOW.minusSeconds(3600),
                NOW.minusSeconds(3600));
    }

    Endpoint putEndpoint(String id, String organizationId, String name, String editionId, boolean active, Instant created,
            Instant modified) {
        Endpoint endpoint = new Endpoint(id, "preo", organizationId, "https://receiver.example/hooks/" + id, name, null,
                List.of("order.created", "pass.issued"), active, editionId, 15,
                List.of(Secret.of("preo_whsec_0123456789abcdefghijABCDEFGHIJ01")), created, modified, null);
        store.putEndpoint(endpoint);
        return endpoint;
    }

    Event putEvent(String organizationId, String type, Instant created) {
        String resource = type.substring(0, type.indexOf('.'));
        Event event = new Event(String.format("evt_%026d", ++sequence), "preo", organizationId, type, resource,
                resource.substring(0, 3) + "_" + String.format("%012d", sequence), created,
                "{\"" + resource + "_id\":\"" + resource.substring(0, 3) + "_" + sequence + "\"}");
        store.addEvent(event);
        return event;
    }

    /** A delivery of a new order.created event; attempted once at {@code lastAttempt} unless that is null. */
    Delivery putDelivery(String id, Endpoint endpoint, DeliveryStatus status, Instant created, Instant lastAttempt) {
        Event event = putEvent(endpoint.organizationId(), "order.created", created);
        boolean attempted = lastAttempt != null;
        Delivery delivery = new Delivery(id, "preo", endpoint.organizationId(), event.id(), endpoint.id(), status,
                attempted ? 1 : 0, created, attempted ? lastAttempt : null,
                status == DeliveryStatus.DELIVERED ? lastAttempt : null,
                status == DeliveryStatus.FAILED || status == DeliveryStatus.EXHAUSTED ? lastAttempt : null,
                status == DeliveryStatus.EXHAUSTED ? "max_attempts" : status == DeliveryStatus.FAILED ? "endpoint_disabled" : "",
                lastAttempt, status.isFinal() ? null : (attempted ? lastAttempt.plusSeconds(60) : created),
                attempted ? (status == DeliveryStatus.DELIVERED ? 200 : 500) : null,
                attempted ? "t=" + lastAttempt.getEpochSecond() + ",v1=" + "ab".repeat(32) : null);
        store.putDelivery(delivery);
        return delivery;
    }

    AttemptRecord putAttempt(Delivery delivery, String requestBody) {
        AttemptRecord attempt = new AttemptRecord("att-" + delivery.id(), delivery.id(), delivery.endpointId(),
                delivery.eventId(), delivery.organizationId(), "preo", 1, delivery.lastAttemptAt(), null,
                Map.of("Content-Type", "application/json"), requestBody, 500, Map.of(), "", 12, null, false, null, null);
        store.addAttempt(attempt);
        return attempt;
    }

    static String path(Endpoint endpoint) {
        return WEBHOOKS + endpoint.id() + "/";
    }

    static String deliveriesPath(Endpoint endpoint) {
        return WEBHOOKS + endpoint.id() + "/deliveries/";
    }
}
