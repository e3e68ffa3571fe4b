package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PreoRotateSecretTest extends PreoApiTestBase {
    private static final Instant CREATED = Instant.parse("2026-02-01T08:00:00Z");

    private Endpoint mine;
    private Endpoint theirs;

    @BeforeEach
    void endpoints() {
        mine = putEndpoint(guid(1), ORG_A, "Box office", null, true, CREATED, CREATED);
        theirs = putEndpoint(guid(2), ORG_B, "Theirs", null, true, CREATED, CREATED);
    }

    private Response rotate(Endpoint endpoint) {
        return post(path(endpoint) + "rotate-secret/", null);
    }

    @Test
    void rotatingReturnsTheEndpointWithANewSecret() {
        JsonNode rotated = assertEndpoint(rotate(mine), 200);

        assertThat(rotated.get("id").stringValue()).isEqualTo(mine.id());
        assertThat(rotated.get("secret").stringValue()).isNotEqualTo(mine.secret().reveal())
                .matches("preo_whsec_[A-Za-z0-9]{32}");
        assertThat(rotated.get("modified").stringValue()).isEqualTo("2026-03-01T12:00:00Z");
    }

    @Test
    void theNewSecretComesFirstAndTheOldOneIsKeptOnlyForTheRotationOverlap() {
        String old = mine.secret().reveal();
        String secret = assertEndpoint(rotate(mine), 200).get("secret").stringValue();

        Endpoint stored = store.endpoint(mine.id()).orElseThrow();
        assertThat(stored.secret().reveal()).isEqualTo(secret);
        assertThat(stored.secrets()).extracting(s -> s.reveal()).containsExactly(secret, old);
    }

    @Test
    void theEndpointShowsNoSecretAfterwards() {
        String secret = assertEndpoint(rotate(mine), 200).get("secret").stringValue();

        String shown = assertEndpoint(get(path(mine)), 200).toString();
        assertThat(shown).doesNotContain(secret).doesNotContain(mine.secret().reveal());
    }

    @Test
    void rotatingTwiceGivesTwoDifferentSecrets() {
        String first = assertEndpoint(rotate(mine), 200).get("secret").stringValue();
        String second = assertEndpoint(rotate(mine), 200).get("secret").stringValue();

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aBodyIsIgnored() {
        assertEndpoint(post(path(mine) + "rotate-secret/", "{\"secret\":\"chosen\"}"), 200);

        assertThat(store.endpoint(mine.id()).orElseThrow().secret().reveal()).isNotEqualTo("chosen");
    }

    @Test
    void rotatingAnotherOrganizationsSecretIsNotFoundAndKeepsIt() {
        assertNotFound(rotate(theirs));

        assertThat(store.endpoint(theirs.id()).orElseThrow()).isEqualTo(theirs);
    }

    @Test
    void rotatingAnUnknownEndpointIsNotFound() {
        assertNotFound(post(WEBHOOKS + guid(99) + "/rotate-secret/", null));
    }
}
