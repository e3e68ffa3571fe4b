package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hookcheck.mock.Schemas;
import dev.hookcheck.mock.internal.http.Json;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PreoSchemasTest {

    @ParameterizedTest
    @ValueSource(strings = {"endpoint", "endpoint-list", "delivery", "delivery-list", "error", "validation-error"})
    void everyExampleOfASchemaIsValidUnderIt(String name) throws IOException {
        String path = "preo/" + name + ".schema.json";
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hookcheck/json/" + path)) {
            assertThat(in).as(path).isNotNull();
            schema = Json.MAPPER.readTree(in);
        }

        assertThat(schema.get("$id").stringValue()).isEqualTo(Schemas.ID_PREFIX + path);
        assertThat(schema.get("title").stringValue()).isNotBlank();
        assertThat(schema.get("description").stringValue()).isNotBlank();
        assertThat(schema.get("examples")).isNotEmpty();
        schema.get("examples").forEach(example -> Schemas.assertValid(path, example.toString()));
    }

    @Test
    void aDetailErrorIsNoValidationError() {
        assertThatThrownBy(() -> Schemas.assertValid("preo/validation-error.schema.json", "{\"detail\":\"Not found.\"}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aValidationErrorIsNoDetailError() {
        assertThatThrownBy(() -> Schemas.assertValid("preo/error.schema.json", "{\"name\":[\"This field is required.\"]}"))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void anEndpointWithAnUnknownFieldIsInvalid() {
        assertThatThrownBy(() -> Schemas.assertValid("preo/endpoint.schema.json", """
                {"id":"3f2b8c1e-6d4a-4e2b-9c71-0a5d8e9f1b23","organization_id":"b7e4a0c2-1f3d-4c5e-8a9b-2d6f0e1c3a47",
                 "name":"x","url":"https://x.example","edition_id":null,"events":["order.created"],
                 "created":"2026-03-01T12:00:00Z","modified":"2026-03-01T12:00:00Z","is_active":true,
                 "timeout_seconds":10,"secret":"s","colour":"red"}""")).isInstanceOf(AssertionError.class);
    }
}
