package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET, PUT, PATCH and DELETE on {@code /api/management/webhooks/{id}/}. */
class PreoWebhookDetailTest extends PreoApiTestBase {
    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");
    private static final String FULL = """
            {"name":"Renamed","url":"https://new.example/hook","events":["refund.created"]}""";

    private Endpoint mine;
    private Endpoint theirs;

    @BeforeEach
    void endpoints() {
        mine = putEndpoint(guid(1), ORG_A, "Box office", "ed-1", true, CREATED, CREATED);
        theirs = putEndpoint(guid(2), ORG_B, "Theirs", null, true, CREATED, CREATED);
    }

    private Endpoint stored(Endpoint endpoint) {
        return store.endpoint(endpoint.id()).orElseThrow();
    }

    // a body in a charset other than UTF-8, on every write

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PUT", "PATCH"})
    void aBodyInAnotherCharsetIsA415AndChangesNothing(String method) {
        Endpoint before = stored(mine);

        Response response = send(method, server.url(path(mine)), FULL, "Bearer " + KEY_A, "application/json; charset=bogus");

        assertDetail(response, 415, "Content-Type names the charset 'bogus'; a JSON body is UTF-8: send application/json "
                + "or application/json; charset=utf-8");
        assertThat(stored(mine)).isEqualTo(before);
    }

    @Test
    void aCreateInAnotherCharsetIsA415AndStoresNothing() {
        int before = store.endpoints(ORG_A).size();

        Response response = send("POST", server.url(WEBHOOKS), FULL, "Bearer " + KEY_A, "application/json; charset=ISO-8859-1");

        assertThat(response.status()).isEqualTo(415);
        assertThat(store.endpoints(ORG_A)).hasSize(before);
    }

    // GET

    @Test
    void getReturnsTheEndpointWithoutItsSecret() {
        JsonNode endpoint = assertEndpoint(get(path(mine)), 200);

        assertThat(endpoint.get("id").stringValue()).isEqualTo(mine.id());
        assertThat(endpoint.get("name").stringValue()).isEqualTo("Box office");
        assertThat(endpoint.has("secret")).isFalse();
        assertThat(endpoint.toString()).doesNotContain(mine.secret().reveal());
    }

    @Test
    void getOfAnUnknownIdIsNotFound() {
        assertNotFound(get(WEBHOOKS + guid(99) + "/"));
    }

    @Test
    void getOfAnIdThatIsNoGuidIsNotFound() {
        assertNotFound(get(WEBHOOKS + "not-an-id/"));
    }

    @Test
    void getOfAnotherOrganizationsEndpointIsNotFound() {
        assertNotFound(get(path(theirs)));
    }

    @Test
    void anEndpointOfAnotherProfileIsNotFound() {
        store.putEndpoint(new Endpoint(guid(3), "vitable", ORG_A, "https://x.example", "v", null, List.of("*"), true,
                null, null, mine.secrets(), CREATED, CREATED, null));

        assertNotFound(get(WEBHOOKS + guid(3) + "/"));
    }

    @Test
    void anEndpointWithoutTimeoutShowsTheDefaultOf10Seconds() {
        store.updateEndpoint(mine.id(), e -> e.withTimeoutSeconds(null, CREATED));

        assertThat(assertEndpoint(get(path(mine)), 200).get("timeout_seconds").intValue()).isEqualTo(10);
    }

    // PUT

    @Test
    void putReplacesTheGivenFieldsAndMovesModified() {
        JsonNode updated = assertEndpoint(put(path(mine), FULL), 200);

        assertThat(updated.get("name").stringValue()).isEqualTo("Renamed");
        assertThat(updated.get("url").stringValue()).isEqualTo("https://new.example/hook");
        assertThat(updated.get("events").toString()).isEqualTo("[\"refund.created\"]");
        assertThat(updated.get("created").stringValue()).isEqualTo("2026-02-01T08:00:00Z");
        assertThat(updated.get("modified").stringValue()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(stored(mine).name()).isEqualTo("Renamed");
    }

    @Test
    void putKeepsOptionalFieldsItDoesNotName() {
        JsonNode updated = assertEndpoint(put(path(mine), FULL), 200);

        assertThat(updated.get("edition_id").stringValue()).isEqualTo("ed-1");
        assertThat(updated.get("is_active").booleanValue()).isTrue();
        assertThat(updated.get("timeout_seconds").intValue()).isEqualTo(15);
        assertThat(updated.has("secret")).isFalse();
        assertThat(stored(mine).secret()).isEqualTo(mine.secret());
    }

    @Test
    void putWithoutTheRequiredFieldsNamesThemAllAndChangesNothing() {
        JsonNode errors = assertFieldErrors(put(path(mine), "{\"is_active\":false}"), "name", "url", "events");

        assertThat(messages(errors, "url")).containsExactly("This field is required.");
        assertThat(stored(mine)).isEqualTo(mine);
    }

    @Test
    void putWithAWrongFieldChangesNothing() {
        assertFieldErrors(put(path(mine), FULL.replace("https://new.example/hook", "mailto:me@example.com")), "url");

        assertThat(stored(mine)).isEqualTo(mine);
    }

    @Test
    void putWithMalformedJsonIsAParseError() {
        Response response = put(path(mine), "{name: 1}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").stringValue()).startsWith("JSON parse error - ");
        assertDetail(response, 400, response.json().get("detail").stringValue());
        assertThat(stored(mine)).isEqualTo(mine);
    }

    @Test
    void putOnAnotherOrganizationsEndpointIsNotFoundAndChangesNothing() {
        assertNotFound(put(path(theirs), FULL));

        assertThat(stored(theirs)).isEqualTo(theirs);
    }

    @Test
    void putOnAnUnknownIdIsNotFoundEvenWithAnInvalidBody() {
        assertNotFound(put(WEBHOOKS + guid(99) + "/", "{}"));
    }

    // PATCH

    @Test
    void patchChangesOnlyTheGivenFields() {
        JsonNode updated = assertEndpoint(patch(path(mine), "{\"is_active\":false,\"timeout_seconds\":5}"), 200);

        assertThat(updated.get("is_active").booleanValue()).isFalse();
        assertThat(updated.get("timeout_seconds").intValue()).isEqualTo(5);
        assertThat(updated.get("name").stringValue()).isEqualTo("Box office");
        assertThat(updated.get("modified").stringValue()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(stored(mine).enabled()).isFalse();
    }

    @Test
    void patchWithNullEditionIdClearsIt() {
        JsonNode updated = assertEndpoint(patch(path(mine), "{\"edition_id\":null}"), 200);

        assertThat(updated.get("edition_id").isNull()).isTrue();
        assertThat(stored(mine).editionId()).isNull();
    }

    @Test
    void anEmptyPatchOnlyMovesModified() {
        JsonNode updated = assertEndpoint(patch(path(mine), "{}"), 200);

        assertThat(updated.get("modified").stringValue()).isEqualTo("2026-03-01T12:00:00Z");
        assertThat(stored(mine)).isEqualTo(new Endpoint(mine.id(), mine.profile(), mine.organizationId(), mine.url(),
                mine.name(), mine.description(), mine.events(), mine.enabled(), mine.editionId(), mine.timeoutSeconds(),
                mine.secrets(), mine.createdAt(), NOW, mine.disabledReason()));
    }

    @Test
    void patchReactivatingAnEndpointClearsTheServersDisableReason() {
        store.updateEndpoint(mine.id(), e -> e.withEnabled(false, "circuit_breaker", CREATED));

        assertEndpoint(patch(path(mine), "{\"is_active\":true}"), 200);

        assertThat(stored(mine).enabled()).isTrue();
        assertThat(stored(mine).disabledReason()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"name\":\"\"}                          | name",
            "{\"events\":[]}                          | events",
            "{\"timeout_seconds\":31}                 | timeout_seconds",
            "{\"is_active\":1}                        | is_active",
            "{\"url\":\"box.example\"}                | url",
            "{\"name\":\"ok\",\"events\":[\"nope\"]}     | events",
    })
    void patchWithAWrongFieldIsA400AndChangesNothing(String body, String field) {
        assertFieldErrors(patch(path(mine), body), field);

        assertThat(stored(mine)).isEqualTo(mine);
    }

    @Test
    void patchNamesEveryWrongFieldAtOnce() {
        assertFieldErrors(patch(path(mine), "{\"name\":7,\"url\":null,\"timeout_seconds\":\"x\"}"),
                "name", "url", "timeout_seconds");
    }

    @Test
    void patchOnAnotherOrganizationsEndpointIsNotFoundAndChangesNothing() {
        assertNotFound(patch(path(theirs), "{\"name\":\"Mine now\"}"));

        assertThat(stored(theirs)).isEqualTo(theirs);
    }

    @Test
    void patchCannotMoveAnEndpointToAnotherOrganization() {
        assertFieldErrors(patch(path(mine), "{\"organization_id\":\"" + ORG_B + "\"}"), "organization_id");

        assertThat(stored(mine).organizationId()).isEqualTo(ORG_A);
    }

    // DELETE

    @Test
    void deleteAnswers204WithoutABodyAndTheEndpointIsGone() {
        Response response = delete(path(mine));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.body()).isEmpty();
        assertThat(store.endpoint(mine.id())).isEmpty();
        assertNotFound(get(path(mine)));
    }

    @Test
    void deletingTwiceIsNotFoundTheSecondTime() {
        delete(path(mine));

        assertNotFound(delete(path(mine)));
    }

    @Test
    void deleteOnAnotherOrganizationsEndpointIsNotFoundAndKeepsIt() {
        assertNotFound(delete(path(theirs)));

        assertThat(store.endpoint(theirs.id())).isPresent();
    }
}
