package dev.hookcheck.mock.internal.admin;

import static dev.hookcheck.mock.internal.admin.AdminClient.NOW;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EndpointRoutesTest {
    private static final String ORG = "org_endpoints_v";
    private static final String OTHER_ORG = "org_endpoints_w";
    private static final Instant CREATED = NOW.minusSeconds(3600);

    private final AdminClient admin = AdminClient.start();

    @AfterEach
    void close() {
        admin.close();
    }

    private void vitableOrganizations() {
        admin.organization(ORG, "vitable");
        admin.organization(OTHER_ORG, "vitable");
    }

    private Endpoint addEndpoint(String id, String profile, String organization) {
        Endpoint endpoint = new Endpoint(id, profile, organization, "https://example.com/" + id, "Name " + id, "About " + id,
                List.of("*"), true, null, null, List.of(Secret.of("vitable_whsec_" + id)), CREATED, CREATED, null);
        admin.store().putEndpoint(endpoint);
        return endpoint;
    }

    private static List<String> ids(JsonNode list) {
        return list.get("endpoints").valueStream().map(e -> e.get("id").stringValue()).toList();
    }

    private Endpoint stored(String id) {
        return admin.store().endpoint(id).orElseThrow();
    }

    // POST /__admin/endpoints

    @Test
    void createsAVitableSubscriptionWithDefaults() {
        vitableOrganizations();

        JsonNode endpoint = admin.post("/__admin/endpoints",
                valid("endpoint-create", "{\"profile\":\"vitable\",\"url\":\"https://receiver.example.com/hooks\"}"))
                .expect(201, "endpoint");

        String id = endpoint.get("id").stringValue();
        assertThat(Profiles.get("vitable").ids().endpoint().matches(id)).isTrue();
        assertThat(id).startsWith("wsub_");
        assertThat(endpoint.get("organizationId").stringValue()).isEqualTo(admin.store().organizations("vitable").get(0).id());
        assertThat(endpoint.get("url").stringValue()).isEqualTo("https://receiver.example.com/hooks");
        assertThat(endpoint.get("events").toString()).isEqualTo("[\"*\"]");
        assertThat(endpoint.get("enabled").booleanValue()).isTrue();
        assertThat(endpoint.get("secret").stringValue()).matches("vitable_whsec_[A-Za-z0-9]{32}");
        assertThat(endpoint.get("name").isNull()).isTrue();
        assertThat(endpoint.get("description").isNull()).isTrue();
        assertThat(endpoint.get("createdAt").stringValue()).isEqualTo(NOW.toString());
        assertThat(endpoint.get("updatedAt").stringValue()).isEqualTo(NOW.toString());
    }

    @Test
    void createsAnEndpointWithEveryFieldGivenAndStoresIt() {
        admin.organization("org_endpoints_s", "standard");

        JsonNode endpoint = admin.post("/__admin/endpoints", valid("endpoint-create", """
                {"profile":"standard","url":"http://localhost:3000/webhooks","organizationId":"org_endpoints_s",
                 "events":["invoice.paid","payment.failed"],"enabled":false,"secret":"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                 "name":"Local dev","description":"my laptop"}""")).expect(201, "endpoint");

        Endpoint stored = stored(endpoint.get("id").stringValue());
        assertThat(stored.profile()).isEqualTo("standard");
        assertThat(stored.organizationId()).isEqualTo("org_endpoints_s");
        assertThat(stored.url()).isEqualTo("http://localhost:3000/webhooks");
        assertThat(stored.events()).containsExactly("invoice.paid", "payment.failed");
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.secret().reveal()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(stored.name()).isEqualTo("Local dev");
        assertThat(stored.description()).isEqualTo("my laptop");
        assertThat(endpoint.get("secret").stringValue()).isEqualTo("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(endpoint.get("id").stringValue()).startsWith("ep_");
    }

    @Test
    void eachProfileGetsIdsAndSecretsInItsOwnFormat() {
        admin.organization("or-endpoints-d", "dfns");

        JsonNode endpoint = admin.post("/__admin/endpoints", "{\"profile\":\"dfns\",\"url\":\"https://example.com/dfns\"}")
                .expect(201, "endpoint");

        assertThat(Profiles.get("dfns").ids().endpoint().matches(endpoint.get("id").stringValue())).isTrue();
        assertThat(endpoint.get("secret").stringValue()).startsWith("whs-");
    }

    @Test
    void theProfileIsRequired() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"url\":\"https://example.com/x\"}").expectInvalid("profile");

        assertThat(admin.store().endpoints(ORG)).isEmpty();
    }

    @Test
    void theUrlIsRequired() {
        vitableOrganizations();

        String title = admin.post("/__admin/endpoints", "{\"profile\":\"vitable\"}").expectInvalid("url");

        assertThat(title).isEqualTo("url is required");
        assertThat(admin.store().endpoints(ORG)).isEmpty();
    }

    @Test
    void aNonHttpUrlIsRefused() {
        vitableOrganizations();

        String title = admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"ftp://example.com/hooks\"}")
                .expectInvalid("url");

        assertThat(title).contains("absolute http or https URL").contains("'ftp://example.com/hooks'");
        assertThat(admin.store().endpoints(ORG)).isEmpty();
    }

    @Test
    void aRelativeUrlIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"/hooks\"}").expectInvalid("url");
    }

    @Test
    void textThatIsNotAUrlIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"not a url\"}").expectInvalid("url");
    }

    @Test
    void aUrlThatIsNotAStringIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":{\"href\":\"https://example.com\"}}").expectInvalid("url");
    }

    @Test
    void anUnknownProfileIsRefused() {
        admin.post("/__admin/endpoints", "{\"profile\":\"acme\",\"url\":\"https://example.com/x\"}").expectInvalid("profile");
    }

    @Test
    void anUnknownEventNameIsRefusedWithItsIndex() {
        vitableOrganizations();

        String title = admin.post("/__admin/endpoints",
                "{\"profile\":\"vitable\",\"url\":\"https://example.com/x\",\"events\":[\"enrollment.accepted\",\"wallet.created\"]}")
                .expectInvalid("events/1");

        assertThat(title).startsWith("events[1]").contains("'wallet.created'");
        assertThat(admin.store().endpoints(ORG)).isEmpty();
    }

    @Test
    void anEmptyEventListIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"https://example.com/x\",\"events\":[]}")
                .expectInvalid("events");
    }

    @Test
    void eventsThatAreNotAnArrayAreRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"https://example.com/x\",\"events\":\"*\"}")
                .expectInvalid("events");
    }

    @Test
    void anEventNameThatIsNotAStringIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"https://example.com/x\",\"events\":[7]}")
                .expectInvalid("events/0");
    }

    @Test
    void enabledThatIsNotABooleanIsRefused() {
        vitableOrganizations();

        String title = admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"https://example.com/x\",\"enabled\":\"yes\"}")
                .expectInvalid("enabled");

        assertThat(title).isEqualTo("enabled must be true or false, got the string \"yes\"");
    }

    @Test
    void aSecretTheProfileCannotSignWithIsRefusedWithoutShowingIt() {
        admin.organization("org_endpoints_s", "standard");

        String title = admin.post("/__admin/endpoints",
                "{\"profile\":\"standard\",\"url\":\"https://example.com/x\",\"secret\":\"whsec_not*base64!\"}")
                .expectInvalid("secret");

        assertThat(title).contains("base64").doesNotContain("not*base64!");
        assertThat(admin.store().endpoints("org_endpoints_s")).isEmpty();
    }

    @Test
    void anUnknownOrganizationIsRefused() {
        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"https://example.com/x\",\"organizationId\":\"org_nope\"}")
                .expectInvalid("organizationId");
    }

    @Test
    void anOrganizationOfAnotherProfileIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"dfns\",\"url\":\"https://example.com/x\",\"organizationId\":\"org_endpoints_v\"}")
                .expectInvalid("organizationId");

        assertThat(admin.store().endpoints(ORG)).isEmpty();
    }

    @Test
    void anUnknownFieldIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"url\":\"https://example.com/x\",\"is_active\":true}")
                .expectInvalid("is_active");

        assertThat(admin.store().endpoints(ORG)).isEmpty();
    }

    @Test
    void aNullSecretIsRefusedRatherThanReadAsGenerateOne() {
        vitableOrganizations();
        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"" + ORG
                + "\",\"url\":\"https://example.com/x\",\"secret\":null}").expectInvalid("secret");
        assertThat(admin.store().endpoints(ORG)).isEmpty();
    }

    @Test
    void anEmptyOrBlankNameIsRefusedAndNullMeansNoName() {
        vitableOrganizations();
        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"" + ORG
                + "\",\"url\":\"https://example.com/x\",\"name\":\"\"}").expectInvalid("name");
        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"" + ORG
                + "\",\"url\":\"https://example.com/x\",\"name\":\"  \"}").expectInvalid("name");
        JsonNode unnamed = admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"" + ORG
                + "\",\"url\":\"https://example.com/x\",\"name\":null}").expect(201, "endpoint");
        assertThat(unnamed.get("name").isNull()).isTrue();
    }

    @Test
    void aNullOptionalFieldIsRefusedNamingIt() {
        vitableOrganizations();
        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"" + ORG
                + "\",\"url\":\"https://example.com/x\",\"enabled\":null}").expectInvalid("enabled");
        admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":null"
                + ",\"url\":\"https://example.com/x\"}").expectInvalid("organizationId");
    }

    @Test
    void malformedJsonIsRefused() {
        admin.post("/__admin/endpoints", "{profile: vitable}").expectError(400, "invalid_json", null);
    }

    // GET /__admin/endpoints

    @Test
    void listsTheEndpointsOfEveryProfileWithoutTheirSecrets() {
        vitableOrganizations();
        admin.organization("or-endpoints-d", "dfns");
        addEndpoint("wsub_listed", "vitable", ORG);
        addEndpoint("wh-listed", "dfns", "or-endpoints-d");

        JsonNode list = admin.get("/__admin/endpoints").expect(200, "endpoint-list");

        assertThat(ids(list)).contains("wsub_listed", "wh-listed");
        assertThat(list.get("endpoints").valueStream().filter(e -> e.get("id").stringValue().equals("wsub_listed")))
                .singleElement().satisfies(e -> {
                    assertThat(e.has("secret")).isFalse();
                    assertThat(e.get("name").stringValue()).isEqualTo("Name wsub_listed");
                    assertThat(e.get("createdAt").stringValue()).isEqualTo(CREATED.toString());
                });
    }

    @Test
    void theProfileFilterKeepsOnlyThatProfile() {
        vitableOrganizations();
        admin.organization("or-endpoints-d", "dfns");
        addEndpoint("wsub_kept", "vitable", ORG);
        addEndpoint("wh-dropped", "dfns", "or-endpoints-d");

        JsonNode list = admin.get("/__admin/endpoints?profile=vitable").expect(200, "endpoint-list");

        assertThat(list.get("endpoints").valueStream().map(e -> e.get("profile").stringValue())).containsOnly("vitable");
        assertThat(ids(list)).contains("wsub_kept").doesNotContain("wh-dropped");
    }

    @Test
    void theOrganizationFilterKeepsOnlyThatOrganizationOldestFirst() {
        vitableOrganizations();
        addEndpoint("wsub_first", "vitable", ORG);
        addEndpoint("wsub_elsewhere", "vitable", OTHER_ORG);
        addEndpoint("wsub_second", "vitable", ORG);

        JsonNode list = admin.get("/__admin/endpoints?organizationId=" + ORG).expect(200, "endpoint-list");

        assertThat(ids(list)).containsExactly("wsub_first", "wsub_second");
    }

    @Test
    void bothFiltersTogetherKeepTheOrganizationsEndpoints() {
        vitableOrganizations();
        addEndpoint("wsub_first", "vitable", ORG);
        addEndpoint("wsub_elsewhere", "vitable", OTHER_ORG);

        JsonNode list = admin.get("/__admin/endpoints?profile=vitable&organizationId=" + ORG).expect(200, "endpoint-list");

        assertThat(ids(list)).containsExactly("wsub_first");
    }

    @Test
    void anOrganizationWithoutEndpointsIsAnEmptyList() {
        vitableOrganizations();

        assertThat(ids(admin.get("/__admin/endpoints?organizationId=" + ORG).expect(200, "endpoint-list"))).isEmpty();
    }

    @Test
    void anUnknownProfileFilterIsRefused() {
        admin.get("/__admin/endpoints?profile=acme").expectInvalid("profile");
    }

    @Test
    void anUnknownOrganizationFilterIsRefused() {
        admin.get("/__admin/endpoints?organizationId=org_nope").expectInvalid("organizationId");
    }

    @Test
    void anOrganizationOfAnotherProfileIsRefusedAsAFilter() {
        vitableOrganizations();

        admin.get("/__admin/endpoints?profile=preo&organizationId=" + ORG).expectInvalid("organizationId");
    }

    // GET /__admin/endpoints/{id}

    @Test
    void theSecretIsShownOnCreateButNeverInARead() {
        vitableOrganizations();
        JsonNode created = admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"" + ORG
                + "\",\"url\":\"https://example.com/x\"}").expect(201, "endpoint");
        String secret = created.get("secret").stringValue();

        String read = admin.get("/__admin/endpoints/" + created.get("id").stringValue()).body();
        String listed = admin.get("/__admin/endpoints").body();

        assertThat(read).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(listed).doesNotContain(secret).doesNotContain("\"secret\"");
    }

    @Test
    void aKeyPairSecretIsShownWithThePublicKeyItsReceiverVerifiesWith() {
        admin.organization("org_endpoints_k", "standard");

        JsonNode created = admin.post("/__admin/endpoints", "{\"profile\":\"standard\",\"url\":\"https://example.com/x\","
                + "\"secret\":\"whsk_TRlE1MlJingvhEO8oZ+SH/pQtxOcclE+ewZRCo/vsPg=\"}").expect(201, "endpoint");

        assertThat(created.get("verificationKey").stringValue())
                .isEqualTo("whpk_N3l7TxbnFOwT3nWsjiGJwsEx/zz1EUrpNQNWaes4J9E=");
    }

    @Test
    void aSharedSecretHasNoSeparateVerificationKey() {
        vitableOrganizations();

        JsonNode created = admin.post("/__admin/endpoints", "{\"profile\":\"vitable\",\"organizationId\":\"" + ORG
                + "\",\"url\":\"https://example.com/x\"}").expect(201, "endpoint");

        assertThat(created.has("verificationKey")).isFalse();
    }

    @Test
    void showsOneEndpoint() {
        vitableOrganizations();
        addEndpoint("wsub_shown", "vitable", ORG);

        JsonNode endpoint = admin.get("/__admin/endpoints/wsub_shown").expect(200, "endpoint");

        assertThat(endpoint.get("id").stringValue()).isEqualTo("wsub_shown");
        assertThat(endpoint.get("url").stringValue()).isEqualTo("https://example.com/wsub_shown");
        assertThat(endpoint.get("description").stringValue()).isEqualTo("About wsub_shown");
    }

    @Test
    void anUnknownEndpointIsA404() {
        String title = admin.get("/__admin/endpoints/wsub_nope").expectError(404, "not_found", null);

        assertThat(title).contains("'wsub_nope'");
    }

    // PATCH /__admin/endpoints/{id}

    @Test
    void patchChangesOnlyTheFieldsGiven() {
        vitableOrganizations();
        addEndpoint("wsub_patched", "vitable", ORG);

        JsonNode endpoint = admin.patch("/__admin/endpoints/wsub_patched", valid("endpoint-update", """
                {"url":"https://example.com/v2","events":["enrollment.accepted","enrollment.waived"]}"""))
                .expect(200, "endpoint");

        assertThat(endpoint.get("url").stringValue()).isEqualTo("https://example.com/v2");
        assertThat(endpoint.get("events").toString()).isEqualTo("[\"enrollment.accepted\",\"enrollment.waived\"]");
        assertThat(endpoint.get("name").stringValue()).isEqualTo("Name wsub_patched");
        assertThat(endpoint.get("enabled").booleanValue()).isTrue();
        assertThat(endpoint.get("createdAt").stringValue()).isEqualTo(CREATED.toString());
        assertThat(endpoint.get("updatedAt").stringValue()).isEqualTo(NOW.toString());
        assertThat(stored("wsub_patched").url()).isEqualTo("https://example.com/v2");
    }

    @Test
    void patchRenamesAndNullClearsTheDescription() {
        vitableOrganizations();
        addEndpoint("wsub_renamed", "vitable", ORG);

        JsonNode endpoint = admin.patch("/__admin/endpoints/wsub_renamed",
                valid("endpoint-update", "{\"name\":\"Payroll\",\"description\":null}")).expect(200, "endpoint");

        assertThat(endpoint.get("name").stringValue()).isEqualTo("Payroll");
        assertThat(endpoint.get("description").isNull()).isTrue();
        assertThat(stored("wsub_renamed").description()).isNull();
    }

    @Test
    void patchDisables() {
        vitableOrganizations();
        addEndpoint("wsub_off", "vitable", ORG);

        admin.patch("/__admin/endpoints/wsub_off", valid("endpoint-update", "{\"enabled\":false}")).expect(200, "endpoint");

        assertThat(stored("wsub_off").enabled()).isFalse();
    }

    @Test
    void reEnablingClearsTheCircuitBreaker() {
        vitableOrganizations();
        addEndpoint("wsub_tripped", "vitable", ORG);
        admin.store().updateEndpoint("wsub_tripped", e -> e.withEnabled(false, "circuit_breaker", CREATED));

        JsonNode endpoint = admin.patch("/__admin/endpoints/wsub_tripped", "{\"enabled\":true}").expect(200, "endpoint");

        assertThat(endpoint.get("enabled").booleanValue()).isTrue();
        assertThat(stored("wsub_tripped").disabledReason()).isNull();
    }

    @Test
    void anEmptyPatchChangesNothing() {
        vitableOrganizations();
        Endpoint before = addEndpoint("wsub_same", "vitable", ORG);

        JsonNode endpoint = admin.patch("/__admin/endpoints/wsub_same", "{}").expect(200, "endpoint");

        assertThat(endpoint.get("updatedAt").stringValue()).isEqualTo(CREATED.toString());
        assertThat(stored("wsub_same")).isEqualTo(before);
    }

    @Test
    void aRejectedPatchChangesNothing() {
        vitableOrganizations();
        Endpoint before = addEndpoint("wsub_kept", "vitable", ORG);

        admin.patch("/__admin/endpoints/wsub_kept", "{\"name\":\"New\",\"url\":\"https://example.com/new\",\"events\":[\"nope\"]}")
                .expectInvalid("events/0");

        assertThat(stored("wsub_kept")).isEqualTo(before);
    }

    @Test
    void patchChecksEventNamesAgainstTheEndpointsProfile() {
        admin.organization("or-endpoints-d", "dfns");
        addEndpoint("wh-patched", "dfns", "or-endpoints-d");

        admin.patch("/__admin/endpoints/wh-patched", "{\"events\":[\"enrollment.accepted\"]}").expectInvalid("events/0");
        admin.patch("/__admin/endpoints/wh-patched", "{\"events\":[\"wallet.created\"]}").expect(200, "endpoint");
    }

    @Test
    void patchRefusesANonHttpUrl() {
        vitableOrganizations();
        addEndpoint("wsub_url", "vitable", ORG);

        admin.patch("/__admin/endpoints/wsub_url", "{\"url\":\"mailto:ops@example.com\"}").expectInvalid("url");
    }

    @Test
    void patchRefusesANullUrl() {
        vitableOrganizations();
        addEndpoint("wsub_url", "vitable", ORG);

        admin.patch("/__admin/endpoints/wsub_url", "{\"url\":null}").expectInvalid("url");
    }

    @Test
    void patchRefusesANullEnabled() {
        vitableOrganizations();
        addEndpoint("wsub_on", "vitable", ORG);

        admin.patch("/__admin/endpoints/wsub_on", "{\"enabled\":null}").expectInvalid("enabled");
    }

    @Test
    void patchRefusesANameThatIsNotAString() {
        vitableOrganizations();
        addEndpoint("wsub_named", "vitable", ORG);

        admin.patch("/__admin/endpoints/wsub_named", "{\"name\":false}").expectInvalid("name");
    }

    @Test
    void theSecretCannotBePatched() {
        vitableOrganizations();
        Endpoint before = addEndpoint("wsub_secret", "vitable", ORG);

        String title = admin.patch("/__admin/endpoints/wsub_secret", "{\"secret\":\"vitable_whsec_new\"}").expectInvalid("secret");

        assertThat(title).contains("unknown field");
        assertThat(stored("wsub_secret")).isEqualTo(before);
    }

    @Test
    void patchingAnUnknownEndpointIsA404() {
        admin.patch("/__admin/endpoints/wsub_nope", "{\"enabled\":true}").expectError(404, "not_found", null);
    }

    @Test
    void patchWithMalformedJsonIsRefused() {
        vitableOrganizations();
        addEndpoint("wsub_json", "vitable", ORG);

        admin.patch("/__admin/endpoints/wsub_json", "{\"enabled\":tru}").expectError(400, "invalid_json", null);
    }

    // DELETE /__admin/endpoints/{id}

    @Test
    void deleteRemovesTheEndpoint() {
        vitableOrganizations();
        addEndpoint("wsub_gone", "vitable", ORG);

        AdminClient.Reply reply = admin.delete("/__admin/endpoints/wsub_gone");

        assertThat(reply.status()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(admin.store().endpoint("wsub_gone")).isEmpty();
        admin.get("/__admin/endpoints/wsub_gone").expectError(404, "not_found", null);
    }

    @Test
    void deletingAnUnknownEndpointIsA404() {
        admin.delete("/__admin/endpoints/wsub_nope").expectError(404, "not_found", null);
    }
}
