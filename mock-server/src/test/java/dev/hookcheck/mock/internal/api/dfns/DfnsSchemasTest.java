package dev.hookcheck.mock.internal.api.dfns;

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

/** The published Dfns API schemas: their examples are valid, and they refuse what Dfns would not send. */
class DfnsSchemasTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"webhook", "webhook-created", "webhook-list", "webhook-event", "webhook-event-list", "deleted",
            "ping-result", "error", "user-action-challenge", "user-action"})
    void everyExampleIsValidAgainstItsSchema(String name) throws IOException {
        String path = "dfns/" + name + ".schema.json";
        JsonNode schema;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("hookcheck/json/" + path)) {
            assertThat(in).as(path).isNotNull();
            schema = Json.MAPPER.readTree(in);
        }

        assertThat(schema.path("$id").stringValue()).isEqualTo(Schemas.ID_PREFIX + path);
        assertThat(schema.path("examples")).isNotEmpty();
        schema.path("examples").forEach(example -> Schemas.assertValid(path, example.toString()));
    }

    @Test
    void aWebhookIdOfTheWrongShapeIsRefused() {
        assertThatThrownBy(() -> Schemas.assertValid("dfns/webhook.schema.json", """
                {"id":"wh-ABC","url":"https://x.example","events":["*"],"status":"Enabled",
                 "dateCreated":"2026-03-01T12:00:00.000Z","dateUpdated":"2026-03-01T12:00:00.000Z"}"""))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void theWildcardMixedWithKindsIsRefused() {
        assertThatThrownBy(() -> Schemas.assertValid("dfns/webhook.schema.json", """
                {"id":"wh-aaaaa-bbbbb-cccccccccccccccc","url":"https://x.example","events":["*","key.created"],
                 "status":"Enabled","dateCreated":"2026-03-01T12:00:00.000Z","dateUpdated":"2026-03-01T12:00:00.000Z"}"""))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aDateWithoutMillisecondsIsRefused() {
        assertThatThrownBy(() -> Schemas.assertValid("dfns/webhook.schema.json", """
                {"id":"wh-aaaaa-bbbbb-cccccccccccccccc","url":"https://x.example","events":["*"],"status":"Enabled",
                 "dateCreated":"2026-03-01T12:00:00Z","dateUpdated":"2026-03-01T12:00:00.000Z"}"""))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aSecretOutsideTheCreateResponseIsRefused() {
        assertThatThrownBy(() -> Schemas.assertValid("dfns/webhook.schema.json", """
                {"id":"wh-aaaaa-bbbbb-cccccccccccccccc","url":"https://x.example","events":["*"],"status":"Enabled",
                 "dateCreated":"2026-03-01T12:00:00.000Z","dateUpdated":"2026-03-01T12:00:00.000Z","secret":"whs-x"}"""))
                .isInstanceOf(AssertionError.class);
    }

    @Test
    void aWebhookEventWithAStringDataIsRefused() {
        assertThatThrownBy(() -> Schemas.assertValid("dfns/webhook-event.schema.json", """
                {"id":"whe-aaaaa-bbbbb-cccccccccccccccc","kind":"wallet.created","date":"2026-03-01T12:00:00.000Z",
                 "deliveryFailed":false,"deliveryAttempt":1,"timestampSent":1772366400,"status":"200","data":"{}"}"""))
                .isInstanceOf(AssertionError.class);
    }
}
