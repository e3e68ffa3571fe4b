package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.Internals;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.MockServer;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;

/**
 * A started server (no seeded events, a fixed clock) and a client for its admin API. Every answer
 * is read through {@link Reply#expect} or {@link Reply#expectError}, which check the status and
 * validate the body against its admin schema, so no body goes unchecked.
 */
final class AdminClient implements AutoCloseable {
    static final Instant NOW = Instant.parse("2026-04-01T12:00:00Z");

    private final HttpClient http = HttpClient.newHttpClient();
    private final MockServer server;

    private AdminClient(MockServer server) {
        this.server = server;
    }

    static AdminClient start() {
        return start(MockServerConfig.defaults().withClock(Clock.fixed(NOW, ZoneOffset.UTC)));
    }

    /** A server with this configuration, without seeded events. */
    static AdminClient start(MockServerConfig config) {
        return new AdminClient(MockServer.create(config.withEventsPerProfile(0)).start());
    }

    MockServer server() {
        return server;
    }

    Store store() {
        return Internals.of(server).store();
    }

    /** Adds an organization of one's own; tests never rely on seeded ones. */
    Organization organization(String id, String profile) {
        Organization organization = new Organization(id, profile, "Test " + id);
        store().addOrganization(organization);
        return organization;
    }

    Reply get(String path) {
        return send("GET", path, null);
    }

    Reply post(String path, String json) {
        return send("POST", path, json);
    }

    Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    Reply delete(String path) {
        return send("DELETE", path, null);
    }

    Reply send(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.url(path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A request body that the published request schema accepts (so the schema and the server agree). */
    static String valid(String schema, String json) {
        Schemas.assertValid("admin/" + schema + ".schema.json", json);
        return json;
    }

    @Override
    public void close() {
        server.close();
    }

    record Reply(int status, String body, String contentType) {

        /** Asserts the status, validates the body against {@code admin/<schema>.schema.json} and parses it. */
        JsonNode expect(int expectedStatus, String schema) {
            assertThat(status).as("status of %s", body).isEqualTo(expectedStatus);
            assertThat(contentType).startsWith("application/json");
            Schemas.assertValid("admin/" + schema + ".schema.json", body);
            return Json.MAPPER.readTree(body);
        }

        /**
         * Asserts an admin error with this status and code whose pointer is {@code /<field>} (no
         * {@code source} when field is null) and whose title names the field; returns the title.
         */
        String expectError(int expectedStatus, String code, String field) {
            JsonNode error = expect(expectedStatus, "error").get("errors").get(0);
            assertThat(error.get("code").stringValue()).isEqualTo(code);
            String title = error.get("title").stringValue();
            if (field == null) {
                assertThat(error.has("source")).as("source of %s", body).isFalse();
            } else {
                assertThat(error.get("source").get("pointer").stringValue()).isEqualTo("/" + field);
                assertThat(title).contains(field.contains("/") ? field.substring(0, field.indexOf('/')) : field);
            }
            return title;
        }

        /** {@link #expectError} for the usual 400 {@code invalid_request}. */
        String expectInvalid(String field) {
            return expectError(400, "invalid_request", field);
        }
    }
}
