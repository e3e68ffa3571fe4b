package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.Internals;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.hookcheck.mock.internal.admin.AdminClient.NOW;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class FailureRoutesTest {
    private static final String VITABLE_SECRET = "vitable_whsec_failures";

    private final AdminClient admin = AdminClient.start();

    @BeforeEach
    void endpoints() {
        admin.organization("org_fr_v", "vitable");
        admin.organization("org_fr_g", "github");
        endpoint("wsub_frV", "vitable", "org_fr_v", "https://example.com/hook", VITABLE_SECRET);
        endpoint("gh_frG", "github", "org_fr_g", "https://example.com/gh", "github-secret");
    }

    @AfterEach
    void close() {
        admin.close();
    }

    private void endpoint(String id, String profile, String organization, String url, String secret) {
        admin.store().putEndpoint(new Endpoint(id, profile, organization, url, null, null, List.of("*"), true, null, null,
                List.of(Secret.of(secret)), NOW, NOW, null));
    }

    private JsonNode create(String json) {
        return admin.post("/__admin/failures", valid("failure-rule-create", json)).expect(201, "failure-rule");
    }

    private int ruleCount() {
        return admin.get("/__admin/failures").expect(200, "failure-rule-list").get("failures").size();
    }

    // POST /__admin/failures

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "duplicate | {\"count\":2,\"concurrent\":false}",
            "reorder | {\"window\":3,\"maxHoldSeconds\":60}",
            "delay | {\"delaySeconds\":30}",
            "drop | {}",
            "lost_ack | {}",
            "burst | {\"count\":5}",
            "stale_timestamp | {\"shiftSeconds\":600}",
            "future_timestamp | {\"shiftSeconds\":600}",
            "bad_signature | {}",
            "tampered_body | {}",
            "missing_signature | {}"})
    void addsARuleOfEachModeWithItsDefaults(String mode, String parameters) {
        JsonNode rule = create("{\"mode\":\"" + mode + "\"}");

        assertThat(rule.get("id").stringValue()).startsWith("fr_");
        assertThat(rule.get("mode").stringValue()).isEqualTo(mode);
        assertThat(rule.get("probability").doubleValue()).isEqualTo(1.0);
        assertThat(rule.get("enabled").booleanValue()).isTrue();
        assertThat(rule.has("seed")).isTrue();
        assertThat(rule.has("profile") || rule.has("endpointId") || rule.has("eventType") || rule.has("attempts")).isFalse();
        Json.MAPPER.readTree(parameters).properties().forEach(p -> assertThat(rule.get(p.getKey())).isEqualTo(p.getValue()));
        assertThat(admin.get("/__admin/failures/" + rule.get("id").stringValue()).expect(200, "failure-rule")).isEqualTo(rule);
    }

    @Test
    void addsAScopedRuleWithEveryFieldGiven() {
        JsonNode rule = create("""
                {"mode":"duplicate","profile":"vitable","endpointId":"wsub_frV","eventType":"enrollment.accepted",
                 "probability":0.25,"seed":42,"attempts":[1,2],"enabled":false,"count":3,"concurrent":true}""");

        assertThat(rule.get("profile").stringValue()).isEqualTo("vitable");
        assertThat(rule.get("endpointId").stringValue()).isEqualTo("wsub_frV");
        assertThat(rule.get("eventType").stringValue()).isEqualTo("enrollment.accepted");
        assertThat(rule.get("probability").doubleValue()).isEqualTo(0.25);
        assertThat(rule.get("seed").longValue()).isEqualTo(42);
        assertThat(rule.get("attempts").toString()).isEqualTo("[1,2]");
        assertThat(rule.get("enabled").booleanValue()).isFalse();
        assertThat(rule.get("count").intValue()).isEqualTo(3);
        assertThat(rule.get("concurrent").booleanValue()).isTrue();
        FailureRule stored = Internals.of(admin.server()).deliveries().failureRules().get(rule.get("id").stringValue()).orElseThrow();
        assertThat(stored.mode()).isEqualTo(FailureRule.Mode.DUPLICATE);
        assertThat(stored.attempts()).containsExactly(1, 2);
    }

    @Test
    void listsRulesOldestFirst() {
        String first = create("{\"mode\":\"drop\"}").get("id").stringValue();
        String second = create("{\"mode\":\"lost_ack\"}").get("id").stringValue();

        JsonNode rules = admin.get("/__admin/failures").expect(200, "failure-rule-list").get("failures");

        assertThat(rules.valueStream().map(r -> r.get("id").stringValue())).containsSubsequence(first, second);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{} | mode",
            "{\"mode\":\"explode\"} | mode",
            "{\"mode\":7} | mode",
            "{\"mode\":\"delay\",\"count\":2} | count",
            "{\"mode\":\"drop\",\"shiftSeconds\":600} | shiftSeconds",
            "{\"mode\":\"duplicate\",\"window\":3} | window",
            "{\"mode\":\"drop\",\"profile\":\"acme\"} | profile",
            "{\"mode\":\"drop\",\"endpointId\":\"ep_nope\"} | endpointId",
            "{\"mode\":\"drop\",\"profile\":\"standard\",\"endpointId\":\"wsub_frV\"} | endpointId",
            "{\"mode\":\"drop\",\"profile\":\"vitable\",\"eventType\":\"invoice.paid\"} | eventType",
            "{\"mode\":\"drop\",\"eventType\":\"no.such.event\"} | eventType",
            "{\"mode\":\"drop\",\"probability\":1.5} | probability",
            "{\"mode\":\"drop\",\"probability\":\"often\"} | probability",
            "{\"mode\":\"drop\",\"seed\":-1} | seed",
            "{\"mode\":\"drop\",\"seed\":1.5} | seed",
            "{\"mode\":\"drop\",\"attempts\":[]} | attempts",
            "{\"mode\":\"drop\",\"attempts\":[0]} | attempts/0",
            "{\"mode\":\"drop\",\"attempts\":1} | attempts",
            "{\"mode\":\"reorder\",\"attempts\":[1]} | attempts",
            "{\"mode\":\"burst\",\"attempts\":[1]} | attempts",
            "{\"mode\":\"duplicate\",\"count\":1} | count",
            "{\"mode\":\"duplicate\",\"count\":11} | count",
            "{\"mode\":\"duplicate\",\"concurrent\":\"yes\"} | concurrent",
            "{\"mode\":\"burst\",\"count\":1001} | count",
            "{\"mode\":\"reorder\",\"window\":1} | window",
            "{\"mode\":\"reorder\",\"maxHoldSeconds\":0} | maxHoldSeconds",
            "{\"mode\":\"delay\",\"delaySeconds\":0} | delaySeconds",
            "{\"mode\":\"delay\",\"delaySeconds\":\"30s\"} | delaySeconds",
            "{\"mode\":\"stale_timestamp\",\"shiftSeconds\":0} | shiftSeconds",
            "{\"mode\":\"drop\",\"enabled\":\"no\"} | enabled",
            "{\"mode\":\"drop\",\"color\":\"red\"} | color"})
    void refusesAnInvalidRuleAndAddsNothing(String body, String field) {
        int before = ruleCount();

        admin.post("/__admin/failures", body).expectInvalid(field);

        assertThat(ruleCount()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"stale_timestamp", "future_timestamp"})
    void refusesATimestampAttackOnGitHubWhichSignsNoTimestamp(String mode) {
        String byProfile = admin.post("/__admin/failures", "{\"mode\":\"" + mode + "\",\"profile\":\"github\"}").expectInvalid("profile");
        String byEndpoint = admin.post("/__admin/failures", "{\"mode\":\"" + mode + "\",\"endpointId\":\"gh_frG\"}")
                .expectInvalid("endpointId");

        assertThat(byProfile).contains("github").contains("no timestamp");
        assertThat(byEndpoint).contains("github");
        assertThat(ruleCount()).isZero();
    }

    @Test
    void refusesMalformedJson() {
        admin.post("/__admin/failures", "{\"mode\":").expectError(400, "invalid_json", null);
        admin.post("/__admin/failures", "[]").expectError(400, "invalid_json", null);
    }

    // GET, PATCH, DELETE /__admin/failures/{id}

    @Test
    void switchesARuleOffAndOnAndChangesItsProbability() {
        String id = create("{\"mode\":\"drop\"}").get("id").stringValue();

        JsonNode off = admin.patch("/__admin/failures/" + id, valid("failure-rule-update", "{\"enabled\":false}")).expect(200, "failure-rule");
        assertThat(off.get("enabled").booleanValue()).isFalse();
        assertThat(Internals.of(admin.server()).deliveries().failureRules().get(id).orElseThrow().enabled()).isFalse();

        JsonNode on = admin.patch("/__admin/failures/" + id, valid("failure-rule-update", "{\"enabled\":true,\"probability\":0.1}"))
                .expect(200, "failure-rule");
        assertThat(on.get("enabled").booleanValue()).isTrue();
        assertThat(on.get("probability").doubleValue()).isEqualTo(0.1);
        assertThat(on.get("id").stringValue()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{\"enabled\":null} | enabled", "{\"enabled\":\"off\"} | enabled",
            "{\"probability\":2} | probability", "{\"probability\":null} | probability", "{\"mode\":\"drop\"} | mode"})
    void refusesAnInvalidChangeAndChangesNothing(String body, String field) {
        JsonNode rule = create("{\"mode\":\"lost_ack\",\"probability\":0.5}");
        String id = rule.get("id").stringValue();

        admin.patch("/__admin/failures/" + id, body).expectInvalid(field);

        assertThat(admin.get("/__admin/failures/" + id).expect(200, "failure-rule")).isEqualTo(rule);
    }

    @Test
    void removesARule() {
        String id = create("{\"mode\":\"drop\"}").get("id").stringValue();

        assertThat(admin.delete("/__admin/failures/" + id).status()).isEqualTo(204);

        admin.get("/__admin/failures/" + id).expectError(404, "not_found", null);
        assertThat(Internals.of(admin.server()).deliveries().failureRules().get(id)).isEmpty();
    }

    @Test
    void anUnknownRuleIsNotFound() {
        admin.get("/__admin/failures/fr_404").expectError(404, "not_found", null);
        admin.patch("/__admin/failures/fr_404", "{\"enabled\":false}").expectError(404, "not_found", null);
        admin.delete("/__admin/failures/fr_404").expectError(404, "not_found", null);
    }

    // end to end: a rule added here shows in the journal

    @Test
    void anAttackAddedThroughTheAdminApiIsSentAndLabelledInTheJournal() {
        WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        receiver.start();
        try {
            receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(400).withBody("stale")));
            admin.store().putEndpoint(admin.store().endpoint("wsub_frV").orElseThrow()
                    .withUrl("http://localhost:" + receiver.port() + "/hook", NOW));
            create("{\"mode\":\"stale_timestamp\",\"endpointId\":\"wsub_frV\",\"shiftSeconds\":900,\"attempts\":[1]}");
            String eventId = admin.post("/__admin/events", "{\"profile\":\"vitable\",\"organizationId\":\"org_fr_v\","
                    + "\"type\":\"enrollment.accepted\"}").expect(201, "event").get("id").stringValue();

            String deliveryId = admin.get("/__admin/deliveries/await?count=1&status=retrying&eventId=" + eventId)
                    .expect(200, "delivery-list").get("deliveries").get(0).get("id").stringValue();
            JsonNode attempt = admin.get("/__admin/deliveries/" + deliveryId + "/attempts").expect(200, "attempt-list")
                    .get("attempts").get(0);

            assertThat(attempt.get("injected").stringValue()).isEqualTo("stale_timestamp (-900 s)");
            assertThat(attempt.get("response").get("status").intValue()).isEqualTo(400);
            assertThat(attempt.get("response").get("body").stringValue()).isEqualTo("stale");
            Map<String, String> headers = new LinkedHashMap<>();
            attempt.get("request").get("headers").properties().forEach(h -> headers.put(h.getKey(), h.getValue().stringValue()));
            assertThat(headers.get("X-Vitable-Timestamp")).isEqualTo(Long.toString(NOW.minusSeconds(900).getEpochSecond()));
            Verification verdict = Profiles.get("vitable").scheme().verify(headers,
                    attempt.get("request").get("body").stringValue().getBytes(StandardCharsets.UTF_8),
                    List.of(Secret.of(VITABLE_SECRET)),
                    Clock.fixed(Instant.parse(attempt.get("sentAt").stringValue()), ZoneOffset.UTC));
            assertThat(((Verification.Rejected) verdict).reason()).isEqualTo(Reason.STALE_TIMESTAMP);
        } finally {
            receiver.stop();
        }
    }
}
