package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class PreoWebhookCreateTest extends PreoApiTestBase {

    private Response create(String body) {
        return post(WEBHOOKS, body);
    }

    /** A valid body with one field replaced by raw JSON (or removed when {@code json} is null). */
    private static String bodyWith(String field, String json) {
        StringBuilder body = new StringBuilder("{");
        for (String[] f : new String[][] {{"name", "\"Box office\""}, {"url", "\"https://box.example/hook\""},
                {"events", "[\"order.created\"]"}}) {
            if (!f[0].equals(field)) {
                body.append('"').append(f[0]).append("\":").append(f[1]).append(',');
            }
        }
        if (json != null) {
            body.append('"').append(field).append("\":").append(json).append(',');
        }
        return body.substring(0, body.length() - 1) + "}";
    }

    private void assertNothingCreated() {
        assertThat(store.endpoints(ORG_A)).isEmpty();
    }

    @Test
    void aFullBodyCreatesTheEndpointAndReturnsItWith201() {
        JsonNode created = assertEndpoint(create("""
                {"organization_id":"%s","name":"Box office","url":"https://box.example/hook",
                 "events":["order.created","order.refunded"],"edition_id":"roskilde-2026","is_active":false,
                 "timeout_seconds":25}""".formatted(ORG_A)), 201);

        assertThat(created.get("organization_id").stringValue()).isEqualTo(ORG_A);
        assertThat(created.get("name").stringValue()).isEqualTo("Box office");
        assertThat(created.get("url").stringValue()).isEqualTo("https://box.example/hook");
        assertThat(created.get("events").toString()).isEqualTo("[\"order.created\",\"order.refunded\"]");
        assertThat(created.get("edition_id").stringValue()).isEqualTo("roskilde-2026");
        assertThat(created.get("is_active").booleanValue()).isFalse();
        assertThat(created.get("timeout_seconds").intValue()).isEqualTo(25);
        assertThat(created.get("created").stringValue()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(created.get("modified").stringValue()).isEqualTo("2026-03-01T12:00:00Z");
    }

    @Test
    void theEndpointIsStoredUnderTheCallersOrganizationWithItsSecret() {
        JsonNode created = assertEndpoint(create(bodyWith("none", null)), 201);

        Endpoint stored = store.endpoint(created.get("id").stringValue()).orElseThrow();
        assertThat(stored.organizationId()).isEqualTo(ORG_A);
        assertThat(stored.profile()).isEqualTo("preo");
        assertThat(stored.secret().reveal()).isEqualTo(created.get("secret").stringValue());
    }

    @Test
    void theIdIsAGuidAndTheSecretHasPreosFormat() {
        JsonNode created = assertEndpoint(create(bodyWith("none", null)), 201);

        assertThat(Profiles.get("preo").ids().endpoint().matches(created.get("id").stringValue())).isTrue();
        assertThat(created.get("secret").stringValue()).matches("preo_whsec_[A-Za-z0-9]{32}");
    }

    @Test
    void optionalFieldsTakeTheirDefaults() {
        JsonNode created = assertEndpoint(create(bodyWith("none", null)), 201);

        assertThat(created.get("is_active").booleanValue()).isTrue();
        assertThat(created.get("timeout_seconds").intValue()).isEqualTo(10);
        assertThat(created.get("edition_id").isNull()).isTrue();
    }

    @Test
    void theCallersOwnOrganizationIdIsAccepted() {
        assertEndpoint(create(bodyWith("organization_id", "\"" + ORG_A + "\"")), 201);
    }

    @Test
    void anotherOrganizationIdIsRefusedAndNothingIsCreated() {
        JsonNode errors = assertFieldErrors(create(bodyWith("organization_id", "\"" + ORG_B + "\"")), "organization_id");

        assertThat(messages(errors, "organization_id")).containsExactly("Invalid pk \"" + ORG_B + "\" - object does not exist.");
        assertNothingCreated();
        assertThat(store.endpoints(ORG_B)).isEmpty();
    }

    @Test
    void aNullEditionIdIsAccepted() {
        assertThat(assertEndpoint(create(bodyWith("edition_id", "null")), 201).get("edition_id").isNull()).isTrue();
    }

    @Test
    void duplicateEventsCollapse() {
        JsonNode created = assertEndpoint(create(bodyWith("events", "[\"pass.issued\",\"pass.issued\"]")), 201);

        assertThat(created.get("events").toString()).isEqualTo("[\"pass.issued\"]");
    }

    @Test
    void unknownAndReadOnlyFieldsAreIgnored() {
        JsonNode created = assertEndpoint(create(bodyWith("secret", "\"mine\"").replace("}",
                ",\"id\":\"" + guid(99) + "\",\"colour\":\"red\"}")), 201);

        assertThat(created.get("id").stringValue()).isNotEqualTo(guid(99));
        assertThat(created.get("secret").stringValue()).isNotEqualTo("mine");
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "url", "events"})
    void eachRequiredFieldIsRequired(String field) {
        JsonNode errors = assertFieldErrors(create(bodyWith(field, null)), field);

        assertThat(messages(errors, field)).containsExactly("This field is required.");
        assertNothingCreated();
    }

    @Test
    void anEmptyBodyNamesEveryRequiredField() {
        assertFieldErrors(send("POST", WEBHOOKS, null, "Bearer " + KEY_A), "name", "url", "events");
        assertNothingCreated();
    }

    @Test
    void everyWrongFieldIsReportedAtOnce() {
        JsonNode errors = assertFieldErrors(create("""
                {"name":"","url":"ftp://box.example","events":["order.shipped"],"is_active":"yes","timeout_seconds":0}"""),
                "name", "url", "events", "is_active", "timeout_seconds");

        assertThat(messages(errors, "events")).containsExactly("\"order.shipped\" is not a valid choice.");
        assertNothingCreated();
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "name            | null                          | This field may not be null.",
            "name            | 42                            | Not a valid string.",
            "name            | '\"   \"'                     | This field may not be blank.",
            "url             | '\"ftp://box.example/hook\"'  | Enter a valid URL.",
            "url             | '\"/hooks/preo\"'             | Enter a valid URL.",
            "url             | '\"https://\"'                | Enter a valid URL.",
            "url             | '\"http://exa mple.com\"'     | Enter a valid URL.",
            "url             | '[\"https://box.example\"]'   | Not a valid string.",
            "events          | '[]'                          | This selection may not be empty.",
            "events          | '\"order.created\"'           | Expected a list of items but got type \"str\".",
            "events          | '{\"a\":1}'                   | Expected a list of items but got type \"dict\".",
            "events          | '[\"order.shipped\"]'         | '\"order.shipped\" is not a valid choice.'",
            "events          | '[7]'                         | '\"7\" is not a valid choice.'",
            "edition_id      | 12                            | Not a valid string.",
            "edition_id      | '\"\"'                        | This field may not be blank.",
            "is_active       | '\"true\"'                    | Must be a valid boolean.",
            "is_active       | null                          | This field may not be null.",
            "timeout_seconds | 0                             | Ensure this value is greater than or equal to 1.",
            "timeout_seconds | 31                            | Ensure this value is less than or equal to 30.",
            "timeout_seconds | 99999999999999999999          | Ensure this value is less than or equal to 30.",
            "timeout_seconds | '\"10\"'                      | A valid integer is required.",
            "timeout_seconds | 2.5                           | A valid integer is required.",
            "organization_id | 7                             | Incorrect type. Expected pk value, received int.",
    })
    void aWrongFieldIsA400NamingItAndNothingIsCreated(String field, String json, String message) {
        JsonNode errors = assertFieldErrors(create(bodyWith(field, json)), field);

        assertThat(messages(errors, field)).containsExactly(message);
        assertNothingCreated();
    }

    @Test
    void aNameOf200CharactersIsAcceptedAnd201IsNot() {
        assertEndpoint(create(bodyWith("name", "\"" + "n".repeat(200) + "\"")), 201);

        JsonNode errors = assertFieldErrors(create(bodyWith("name", "\"" + "n".repeat(201) + "\"")), "name");
        assertThat(messages(errors, "name")).containsExactly("Ensure this field has no more than 200 characters.");
        assertThat(store.endpoints(ORG_A)).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 30})
    void theTimeoutLimitsAreInclusive(int seconds) {
        JsonNode created = assertEndpoint(create(bodyWith("timeout_seconds", Integer.toString(seconds))), 201);

        assertThat(created.get("timeout_seconds").intValue()).isEqualTo(seconds);
    }

    @Test
    void anHttpUrlWithAPortIsAccepted() {
        assertEndpoint(create(bodyWith("url", "\"http://localhost:8080/hooks\"")), 201);
    }

    @Test
    void theNameIsTrimmedAsDrfDoes() {
        assertThat(assertEndpoint(create(bodyWith("name", "\"  Box office \"")), 201).get("name").stringValue())
                .isEqualTo("Box office");
    }

    @Test
    void malformedJsonIsDrfsParseErrorAndCreatesNothing() {
        Response response = create("{\"name\":");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").stringValue()).startsWith("JSON parse error - ");
        assertDetail(response, 400, response.json().get("detail").stringValue());
        assertNothingCreated();
    }

    @Test
    void aJsonArrayBodyIsAParseError() {
        Response response = create("[]");

        assertDetail(response, 400, "JSON parse error - the request body must be a JSON object");
        assertNothingCreated();
    }

    @Test
    void twoCreatesMakeTwoEndpointsWithDifferentIdsAndSecrets() {
        JsonNode first = assertEndpoint(create(bodyWith("none", null)), 201);
        JsonNode second = assertEndpoint(create(bodyWith("none", null)), 201);

        assertThat(first.get("id")).isNotEqualTo(second.get("id"));
        assertThat(first.get("secret")).isNotEqualTo(second.get("secret"));
        assertThat(store.endpoints(ORG_A)).extracting(Endpoint::id)
                .containsExactlyInAnyOrderElementsOf(List.of(first.get("id").stringValue(), second.get("id").stringValue()));
    }
}
