package dev.hookcheck.mock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The seeded sandbox, read through every dialect: what a newcomer sees first matches the published schemas. */
class SeededApiTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static MockServer server;

    @BeforeAll
    static void start() {
        server = MockServer.create(MockServerConfig.defaults().withApiKey("sandbox")
                .withClock(Clock.fixed(Instant.parse("2026-11-20T12:00:00Z"), ZoneOffset.UTC))).start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(String path, String schema) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.url(path))
                .header("Authorization", "Bearer sandbox").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        Schemas.assertValid(schema, response.body());
        return JsonMapper.shared().readTree(response.body());
    }

    @Test
    void vitableEventsAndTheirDeliveriesAreSeeded() throws Exception {
        JsonNode list = get("/v1/webhook-events?limit=100", "vitable/webhook-event-list.schema.json");
        assertThat(list.at("/pagination/total").asInt()).isGreaterThan(100);
        for (JsonNode event : list.get("data")) {
            String id = event.get("id").asString();
            get("/v1/webhook-events/" + id, "vitable/webhook-event-response.schema.json");
            get("/v1/webhook-events/" + id + "/deliveries", "vitable/delivery-list.schema.json");
        }
    }

    @Test
    void dfnsWebhooksAndTheirEventsAreSeeded() throws Exception {
        JsonNode webhooks = get("/webhooks", "dfns/webhook-list.schema.json");
        assertThat(webhooks.get("items")).isNotEmpty();
        for (JsonNode webhook : webhooks.get("items")) {
            String id = webhook.get("id").asString();
            get("/webhooks/" + id, "dfns/webhook.schema.json");
            JsonNode events = get("/webhooks/" + id + "/events?limit=200", "dfns/webhook-event-list.schema.json");
            for (JsonNode event : events.get("items")) {
                get("/webhooks/" + id + "/events/" + event.get("id").asString(), "dfns/webhook-event.schema.json");
            }
        }
    }

    @Test
    void preoEndpointsAndTheirDeliveriesAreSeeded() throws Exception {
        JsonNode endpoints = get("/api/management/webhooks/", "preo/endpoint-list.schema.json");
        assertThat(endpoints.get("count").asInt()).isPositive();
        for (JsonNode endpoint : endpoints.get("results")) {
            String id = endpoint.get("id").asString();
            get("/api/management/webhooks/" + id + "/", "preo/endpoint.schema.json");
            JsonNode deliveries = get("/api/management/webhooks/" + id + "/deliveries/?page_size=1000", "preo/delivery-list.schema.json");
            for (JsonNode delivery : deliveries.get("results")) {
                get("/api/management/webhooks/" + id + "/deliveries/" + delivery.get("id").asString() + "/",
                        "preo/delivery.schema.json");
            }
        }
    }
}
