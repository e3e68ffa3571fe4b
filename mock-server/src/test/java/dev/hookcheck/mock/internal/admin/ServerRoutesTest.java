package dev.hookcheck.mock.internal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.http.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ServerRoutesTest {
    private final AdminClient admin = AdminClient.start();

    @AfterEach
    void close() {
        admin.close();
    }

    @Test
    void healthNamesEveryProfileAndCountsTheEvents() {
        admin.organization("org_health", "standard");
        admin.store().addEvent(new Event("msg_health1", "standard", "org_health", "invoice.paid", "invoice", "inv_1",
                AdminClient.NOW, "{}"));

        JsonNode health = admin.get("/__admin/health").expect(200, "health");

        assertThat(health.get("status").stringValue()).isEqualTo("ok");
        assertThat(health.get("profiles").valueStream().map(JsonNode::stringValue)).containsExactlyElementsOf(Profiles.names());
        assertThat(health.get("events").intValue()).isEqualTo(admin.store().eventCount()).isPositive();
    }

    @Test
    void resetForgetsWhatWasAddedThroughTheAdminApi() {
        admin.organization("org_reset", "vitable");
        admin.post("/__admin/api-keys", "{\"profile\":\"vitable\",\"organizationId\":\"org_reset\",\"key\":\"reset-key\"}")
                .expect(201, "api-key");
        String endpoint = admin.post("/__admin/endpoints",
                "{\"profile\":\"vitable\",\"organizationId\":\"org_reset\",\"url\":\"https://example.com/hook\"}")
                .expect(201, "endpoint").get("id").stringValue();
        String event = admin.post("/__admin/events", "{\"organizationId\":\"org_reset\",\"type\":\"enrollment.started\"}")
                .expect(201, "event").get("id").stringValue();

        JsonNode reset = admin.post("/__admin/reset", null).expect(200, "reset");

        assertThat(reset.get("status").stringValue()).isEqualTo("reset");
        assertThat(admin.store().organization("org_reset")).isEmpty();
        assertThat(admin.store().organizationOfKey("reset-key", "vitable")).isEmpty();
        admin.get("/__admin/endpoints/" + endpoint).expectError(404, "not_found", null);
        admin.get("/__admin/events/" + event).expectError(404, "not_found", null);
    }

    @Test
    void theOpenApiDocumentIsServedAsJson() throws Exception {
        AdminClient.Reply reply = admin.get("/__admin/openapi.json");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.contentType()).startsWith("application/json");
        try (InputStream resource = getClass().getClassLoader().getResourceAsStream("hookcheck/openapi.json")) {
            assertThat(reply.body()).isEqualTo(new String(resource.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertThat(Json.MAPPER.readTree(reply.body()).get("openapi").stringValue()).startsWith("3.1");
    }

    @Test
    void anUnknownAdminRouteIsA404InTheAdminShape() {
        String title = admin.get("/__admin/nothing-here").expectError(404, "not_found", null);

        assertThat(title).isEqualTo("no route GET /__admin/nothing-here");
    }

    @Test
    void aWrongMethodIsA405InTheAdminShape() {
        String title = admin.send("PUT", "/__admin/endpoints", "{}").expectError(405, "method_not_allowed", null);

        assertThat(title).contains("PUT").contains("not allowed");
    }
}
