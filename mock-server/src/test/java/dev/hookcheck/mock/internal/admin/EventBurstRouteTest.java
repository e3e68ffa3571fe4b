package dev.hookcheck.mock.internal.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code POST /__admin/events} with {@code count}: a burst of events at the same instant. */
class EventBurstRouteTest {
    private final AdminClient admin = AdminClient.start();
    private final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    private String endpointId;

    @BeforeEach
    void receiver() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(204)));
        admin.organization("org_burst_s", "standard");
        endpointId = admin.post("/__admin/endpoints", "{\"profile\":\"standard\",\"organizationId\":\"org_burst_s\",\"url\":\"http://localhost:"
                + receiver.port() + "/hook\"}").expect(201, "endpoint").get("id").stringValue();
    }

    @AfterEach
    void close() {
        admin.close();
        receiver.stop();
    }

    @Test
    void makesCountEventsAtOnceAndLabelsTheirAttemptsAsABurst() {
        JsonNode created = admin.post("/__admin/events", valid("event-create",
                "{\"profile\":\"standard\",\"organizationId\":\"org_burst_s\",\"type\":\"invoice.paid\",\"count\":3}"))
                .expect(201, "event-list");

        JsonNode events = created.get("events");
        assertThat(created.get("total").intValue()).isEqualTo(3);
        assertThat(events.valueStream().map(e -> e.get("id").stringValue())).doesNotHaveDuplicates().hasSize(3);
        assertThat(events.valueStream().map(e -> e.get("resourceId").stringValue())).doesNotHaveDuplicates();
        assertThat(events.valueStream().map(e -> e.get("createdAt").stringValue())).containsOnly(AdminClient.NOW.toString());
        JsonNode delivered = admin.get("/__admin/deliveries/await?count=3&status=delivered&endpointId=" + endpointId)
                .expect(200, "delivery-list").get("deliveries");
        assertThat(delivered.valueStream().map(d -> admin.get("/__admin/deliveries/" + d.get("id").stringValue() + "/attempts")
                .expect(200, "attempt-list").get("attempts").get(0).get("injected").stringValue()))
                .containsExactlyInAnyOrder("burst 1 of 3", "burst 2 of 3", "burst 3 of 3");
    }

    @Test
    void aGivenResourceIdIsSharedByTheWholeBurst() {
        JsonNode events = admin.post("/__admin/events", valid("event-create",
                "{\"profile\":\"standard\",\"organizationId\":\"org_burst_s\",\"type\":\"invoice.paid\",\"resourceId\":\"inv_1\",\"count\":2}"))
                .expect(201, "event-list").get("events");

        assertThat(events.valueStream().map(e -> e.get("resourceId").stringValue())).containsOnly("inv_1");
    }

    @Test
    void aCountOfOneAnswersAListOfOneUnlabelledEvent() {
        JsonNode created = admin.post("/__admin/events", valid("event-create",
                "{\"profile\":\"standard\",\"organizationId\":\"org_burst_s\",\"type\":\"invoice.paid\",\"count\":1}"))
                .expect(201, "event-list");

        assertThat(created.get("total").intValue()).isEqualTo(1);
        JsonNode delivery = admin.get("/__admin/deliveries/await?count=1&status=delivered&endpointId=" + endpointId)
                .expect(200, "delivery-list").get("deliveries").get(0);
        assertThat(admin.get("/__admin/deliveries/" + delivery.get("id").stringValue() + "/attempts").expect(200, "attempt-list")
                .get("attempts").get(0).get("injected").isNull()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "1001", "\"3\"", "1.5"})
    void refusesACountOutOfBoundsAndMakesNoEvent(String count) {
        admin.post("/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"org_burst_s\",\"type\":\"invoice.paid\",\"count\":"
                + count + "}").expectInvalid("count");

        assertThat(admin.store().eventCount()).isZero();
    }
}
