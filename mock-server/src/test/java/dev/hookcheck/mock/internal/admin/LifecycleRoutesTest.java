package dev.hookcheck.mock.internal.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class LifecycleRoutesTest {
    private static final Instant START = Instant.parse("2026-06-01T09:00:00Z");

    private final AdminClient admin = AdminClient.start(MockServerConfig.defaults().withClock(VirtualClock.stopped(START)));
    private final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private String endpointId;

    @BeforeEach
    void receiver() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200)));
        admin.organization("org_lc_p", "preo");
        admin.organization("org_lc_v", "vitable");
        endpointId = admin.post("/__admin/endpoints", "{\"profile\":\"preo\",\"organizationId\":\"org_lc_p\",\"url\":\"http://localhost:"
                + receiver.port() + "/hook\"}").expect(201, "endpoint").get("id").stringValue();
    }

    @AfterEach
    void close() {
        admin.close();
        receiver.stop();
    }

    private static List<String> eventIds(JsonNode steps) {
        return steps.valueStream().map(s -> s.get("eventId").stringValue()).toList();
    }

    @Test
    void emitsTheFirstStepNowAndPlansTheOthersOnTheClock() {
        JsonNode lifecycle = admin.post("/__admin/lifecycles", valid("lifecycle-create",
                "{\"profile\":\"preo\",\"organizationId\":\"org_lc_p\"}")).expect(201, "lifecycle");

        JsonNode steps = lifecycle.get("steps");
        assertThat(lifecycle.get("profile").stringValue()).isEqualTo("preo");
        assertThat(lifecycle.get("organizationId").stringValue()).isEqualTo("org_lc_p");
        assertThat(steps.size()).isGreaterThanOrEqualTo(2); // every Preo flow has two steps or more
        assertThat(steps.get(0).get("at").stringValue()).isEqualTo(START.toString());
        List<Instant> instants = steps.valueStream().map(s -> Instant.parse(s.get("at").stringValue())).toList();
        assertThat(instants).isSorted().doesNotHaveDuplicates();
        JsonNode first = admin.get("/__admin/events/" + eventIds(steps).get(0)).expect(200, "event-detail");
        assertThat(first.get("type").stringValue()).isEqualTo(steps.get(0).get("type").stringValue());
        admin.get("/__admin/events/" + eventIds(steps).get(1)).expectError(404, "not_found", null);
    }

    @Test
    void theStepsArriveInOrderEachAtItsInstantWhenTheClockIsAdvanced() {
        JsonNode steps = admin.post("/__admin/lifecycles", "{\"profile\":\"preo\",\"organizationId\":\"org_lc_p\"}")
                .expect(201, "lifecycle").get("steps");
        Instant last = Instant.parse(steps.get(steps.size() - 1).get("at").stringValue());

        admin.post("/__admin/clock/advance", "{\"seconds\":" + (Duration.between(START, last).toSeconds() + 1) + "}")
                .expect(200, "clock");

        JsonNode delivered = admin.get("/__admin/deliveries/await?count=" + steps.size() + "&status=delivered&endpointId="
                + endpointId).expect(200, "delivery-list").get("deliveries");
        List<LoggedRequest> received = receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
        assertThat(received).extracting(r -> Json.MAPPER.readTree(r.getBodyAsString()).get("id").stringValue())
                .containsExactlyElementsOf(eventIds(steps));
        for (int i = 0; i < steps.size(); i++) {
            JsonNode step = steps.get(i);
            JsonNode event = admin.get("/__admin/events/" + step.get("eventId").stringValue()).expect(200, "event-detail");
            assertThat(event.get("createdAt").stringValue()).isEqualTo(step.get("at").stringValue());
            assertThat(event.get("type").stringValue()).isEqualTo(step.get("type").stringValue());
            assertThat(event.get("resourceId").stringValue()).isEqualTo(step.get("resourceId").stringValue());
            String deliveryId = event.get("deliveries").get(0).get("id").stringValue();
            JsonNode attempt = admin.get("/__admin/deliveries/" + deliveryId + "/attempts").expect(200, "attempt-list")
                    .get("attempts").get(0);
            assertThat(attempt.get("sentAt").stringValue()).isEqualTo(step.get("at").stringValue());
        }
        assertThat(delivered.size()).isEqualTo(steps.size());
    }

    @Test
    void theOrganizationDefaultsToTheProfilesFirst() {
        JsonNode lifecycle = admin.post("/__admin/lifecycles", valid("lifecycle-create", "{\"profile\":\"vitable\"}"))
                .expect(201, "lifecycle");

        assertThat(lifecycle.get("organizationId").stringValue()).isEqualTo(admin.store().organizations("vitable").get(0).id());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"{} | profile", "{\"profile\":\"acme\"} | profile", "{\"profile\":3} | profile",
            "{\"profile\":\"preo\",\"organizationId\":\"org_nope\"} | organizationId",
            "{\"profile\":\"preo\",\"organizationId\":\"org_lc_v\"} | organizationId",
            "{\"profile\":\"preo\",\"steps\":4} | steps"})
    void refusesAnInvalidRequestAndEmitsNothing(String body, String field) {
        int scheduled = admin.get("/__admin/clock").expect(200, "clock").get("scheduled").intValue();

        admin.post("/__admin/lifecycles", body).expectInvalid(field);

        assertThat(admin.get("/__admin/clock").expect(200, "clock").get("scheduled").intValue()).isEqualTo(scheduled);
        assertThat(admin.store().eventCount()).isZero();
    }

    @Test
    void refusesMalformedJson() {
        admin.post("/__admin/lifecycles", "{").expectError(400, "invalid_json", null);
    }
}
