package dev.hookcheck.mock.internal.admin;

import static dev.hookcheck.mock.internal.admin.AdminClient.NOW;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class RotateSecretRouteTest {
    private static final Secret OLD_STANDARD = Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
    private static final Secret OLD_VITABLE = Secret.of("vitable_whsec_rotate");

    private final AdminClient admin = AdminClient.start();

    @BeforeEach
    void endpoints() {
        admin.organization("org_rot_s", "standard");
        admin.organization("org_rot_v", "vitable");
        put("ep_rotS", "standard", "org_rot_s", OLD_STANDARD);
        put("wsub_rotV", "vitable", "org_rot_v", OLD_VITABLE);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    private void put(String id, String profile, String organization, Secret secret) {
        admin.store().putEndpoint(new Endpoint(id, profile, organization, "https://example.com/" + id, null, null, List.of("*"),
                true, null, null, List.of(secret), NOW, NOW, null));
    }

    private List<Secret> secrets(String id) {
        return admin.store().endpoint(id).orElseThrow().secrets();
    }

    @Test
    void givesANewSecretAndKeepsTheOldOneForTheDefaultOverlap() {
        JsonNode endpoint = admin.post("/__admin/endpoints/ep_rotS/rotate-secret", null).expect(200, "endpoint");

        String secret = endpoint.get("secret").stringValue();
        assertThat(secret).startsWith("whsec_").isNotEqualTo(OLD_STANDARD.reveal());
        assertThat(secrets("ep_rotS")).containsExactly(Secret.of(secret), OLD_STANDARD);
    }

    @Test
    void anOverlapOfZeroDropsTheOldSecretAtOnce() {
        JsonNode endpoint = admin.post("/__admin/endpoints/ep_rotS/rotate-secret", valid("rotate-secret", "{\"overlapSeconds\":0}"))
                .expect(200, "endpoint");

        assertThat(secrets("ep_rotS")).containsExactly(Secret.of(endpoint.get("secret").stringValue()));
    }

    @Test
    void rotatesTheSecretOfASingleSignatureProfileToo() {
        JsonNode endpoint = admin.post("/__admin/endpoints/wsub_rotV/rotate-secret", valid("rotate-secret", "{\"overlapSeconds\":3600}"))
                .expect(200, "endpoint");

        assertThat(endpoint.get("secret").stringValue()).matches("vitable_whsec_[A-Za-z0-9]{32}");
        assertThat(secrets("wsub_rotV").get(0).reveal()).isEqualTo(endpoint.get("secret").stringValue());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{\"overlapSeconds\":-1} | overlapSeconds", "{\"overlapSeconds\":\"1h\"} | overlapSeconds",
            "{\"overlapSeconds\":2592001} | overlapSeconds", "{\"overlapSeconds\":1.5} | overlapSeconds", "{\"overlap\":60} | overlap",
            "{\"overlapSeconds\":null} | overlapSeconds", "{\"overlapSeconds\":-99999999999999999999999} | overlapSeconds"})
    void refusesABadOverlapAndKeepsTheSecret(String body, String field) {
        admin.post("/__admin/endpoints/ep_rotS/rotate-secret", body).expectInvalid(field);

        assertThat(secrets("ep_rotS")).containsExactly(OLD_STANDARD);
    }

    @Test
    void refusesMalformedJsonAndAnUnknownEndpoint() {
        admin.post("/__admin/endpoints/ep_rotS/rotate-secret", "{").expectError(400, "invalid_json", null);
        admin.post("/__admin/endpoints/ep_nope/rotate-secret", null).expectError(404, "not_found", null);
        assertThat(secrets("ep_rotS")).containsExactly(OLD_STANDARD);
    }
}
