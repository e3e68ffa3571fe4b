package dev.hookcheck.mock.internal.api.vitable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.http.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** The published Vitable schemas: their own examples, and agreement with the profile's catalog. */
class VitableSchemasTest {

    private static JsonNode schema(String name) {
        try (InputStream in = VitableSchemasTest.class.getResourceAsStream("/hookcheck/json/vitable/" + name + ".schema.json")) {
            assertThat(in).as("schema %s on the classpath", name).isNotNull();
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"webhook-event", "webhook-event-list", "webhook-event-response", "delivery", "delivery-list",
        "error"})
    void everyExampleIsValidUnderItsOwnSchema(String name) {
        JsonNode schema = schema(name);

        assertThat(schema.get("$id").asString()).isEqualTo(Schemas.ID_PREFIX + "vitable/" + name + ".schema.json");
        assertThat(schema.get("examples")).isNotEmpty();
        schema.get("examples").forEach(example -> Schemas.assertValid("vitable/" + name + ".schema.json", example.toString()));
    }

    @Test
    void theEventNamesAreTheProfilesCatalogIncludingTheNameBeforeTheRename() {
        List<String> names = strings(schema("webhook-event").at("/$defs/eventName/enum"));

        assertThat(names).containsExactlyInAnyOrderElementsOf(Profiles.get("vitable").events().names())
                .contains("employee.deduction_created", "payroll_deduction.created");
    }

    @Test
    void theResourceTypesAreTheProfilesCatalog() {
        assertThat(strings(schema("webhook-event").at("/$defs/resourceType/enum")))
                .containsExactlyInAnyOrderElementsOf(Profiles.get("vitable").events().resourceTypes());
    }

    @Test
    void anUnauthorizedErrorWithAnotherMessageIsInvalid() {
        assertThatThrownBy(() -> Schemas.assertValid("vitable/error.schema.json",
                "{\"error\":{\"code\":\"unauthorized\",\"message\":\"unknown API key\"}}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aFailedDeliveryWithoutAReasonIsInvalid() {
        assertThatThrownBy(() -> Schemas.assertValid("vitable/delivery.schema.json", """
                {"id":"wdlv_6g8h0j2k4l1z3x5c","webhook_event_id":"wevt_3k9q2m7x1p4v8z0a",
                 "subscription_id":"wsub_1a3s5d7f9g2h4j6k","status":"Failed","started_at":null,"delivered_at":null,
                 "failed_at":"2026-03-05T19:22:41Z","failure_reason":"","created_at":"2026-03-02T09:15:00Z"}"""))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aTimestampWithoutTheUtcZIsInvalid() {
        assertThatThrownBy(() -> Schemas.assertValid("vitable/webhook-event.schema.json", """
                {"id":"wevt_3k9q2m7x1p4v8z0a","organization_id":"org_7h2k4m9p1q3r5s8t","event_name":"enrollment.accepted",
                 "resource_type":"enrollment","resource_id":"enrl_5n8b2c4d6f1g3h7j","created_at":"2026-03-02T10:15:00+01:00"}"""))
                .isInstanceOf(AssertionError.class);
    }
}
