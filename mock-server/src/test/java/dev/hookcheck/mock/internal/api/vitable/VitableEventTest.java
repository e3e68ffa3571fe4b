package dev.hookcheck.mock.internal.api.vitable;

import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.DFNS_ORG;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.KEY_A;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.KEY_B;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.ORG_A;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.ORG_B;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Organization;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** GET /v1/webhook-events/{event_id} and GET /v1/webhook-events/{event_id}/deliveries. */
class VitableEventTest {
    private static final String ORG_C = "org_hkvitabletestc";
    private static final String KEY_C = "vitable-test-key-c";

    private static VitableTestServer vitable;
    private static Event accepted;
    private static Event quiet;
    private static Event busy;
    private static Event ofB;
    private static Event ofDfns;
    private static Event dfnsProfileInVitableOrg;
    private static final List<Delivery> acceptedDeliveries = new ArrayList<>();
    private static final List<Delivery> busyDeliveries = new ArrayList<>();

    @BeforeAll
    static void start() {
        vitable = new VitableTestServer();
        Endpoint payroll = vitable.addSubscription(ORG_A);
        Endpoint hr = vitable.addSubscription(ORG_A);
        accepted = vitable.addEvent(ORG_A, "enrollment.accepted", "enrl_5n8b2c4d6f1g3h7j",
                Instant.parse("2026-03-02T09:15:00Z"));
        quiet = vitable.addEvent(ORG_A, "employee.deactivated", vitable.resourceId("employee"),
                Instant.parse("2026-03-03T10:00:00.125Z"));
        busy = vitable.addEvent(ORG_A, "employee.deduction_created", vitable.resourceId("employee"),
                Instant.parse("2026-03-04T00:00:00Z"));
        acceptedDeliveries.add(vitable.addDelivery(accepted, payroll, DeliveryStatus.PENDING, ""));
        acceptedDeliveries.add(vitable.addDelivery(accepted, hr, DeliveryStatus.IN_PROGRESS, ""));
        acceptedDeliveries.add(vitable.addDelivery(accepted, payroll, DeliveryStatus.RETRYING, ""));
        acceptedDeliveries.add(vitable.addDelivery(accepted, hr, DeliveryStatus.DELIVERED, ""));
        acceptedDeliveries.add(vitable.addDelivery(accepted, payroll, DeliveryStatus.FAILED, "endpoint_disabled"));
        acceptedDeliveries.add(vitable.addDelivery(accepted, hr, DeliveryStatus.EXHAUSTED, "max_attempts"));
        for (int i = 0; i < 105; i++) {
            busyDeliveries.add(vitable.addDelivery(busy, vitable.addSubscription(ORG_A), DeliveryStatus.DELIVERED, ""));
        }

        ofB = vitable.addEvent(ORG_B, "enrollment.started", vitable.resourceId("enrollment"),
                Instant.parse("2026-03-02T09:00:00Z"));
        vitable.addDelivery(ofB, vitable.addSubscription(ORG_B), DeliveryStatus.DELIVERED, "");

        var dfns = Profiles.get("dfns");
        Random random = new Random(7);
        ofDfns = new Event(dfns.ids().event().generate(random), "dfns", DFNS_ORG, "wallet.created", "wallet",
                "wa-abcde-fghij-0123456789abcdef", Instant.parse("2026-03-02T09:00:00Z"), "{}");
        vitable.store().addEvent(ofDfns);
        // an organization whose key opens Vitable but which (against all sense) holds a Dfns event
        vitable.store().addOrganization(new Organization(ORG_C, "vitable", "Test C"));
        vitable.store().addApiKey(KEY_C, "vitable", ORG_C);
        dfnsProfileInVitableOrg = new Event(dfns.ids().event().generate(random), "dfns", ORG_C, "wallet.created",
                "wallet", "wa-abcde-fghij-0123456789abcdeg", Instant.parse("2026-03-02T09:00:00Z"), "{}");
        vitable.store().addEvent(dfnsProfileInVitableOrg);
    }

    @AfterAll
    static void stop() {
        vitable.close();
    }

    private static String notFound(String id) {
        return "{\"error\":{\"code\":\"not_found\",\"message\":\"webhook event " + id + " not found\"}}";
    }

    private static List<String> ids(String body) {
        List<String> ids = new ArrayList<>();
        Json.MAPPER.readTree(body).get("data").forEach(d -> ids.add(d.get("id").asString()));
        return ids;
    }

    // one event

    @Test
    void getsOneEventWrappedInData() {
        String body = expect(vitable.get("/v1/webhook-events/" + accepted.id(), KEY_A), 200, "webhook-event-response");

        assertThat(body).isEqualTo("{\"data\":{\"id\":\"" + accepted.id() + "\",\"organization_id\":\"" + ORG_A
                + "\",\"event_name\":\"enrollment.accepted\",\"resource_type\":\"enrollment\","
                + "\"resource_id\":\"enrl_5n8b2c4d6f1g3h7j\",\"created_at\":\"2026-03-02T09:15:00Z\"}}");
    }

    @Test
    void keepsFractionalSecondsOfTheCreationTime() {
        String body = expect(vitable.get("/v1/webhook-events/" + quiet.id(), KEY_A), 200, "webhook-event-response");

        assertThat(Json.MAPPER.readTree(body).get("data").get("created_at").asString())
                .isEqualTo("2026-03-03T10:00:00.125Z");
    }

    @Test
    void anUnknownEventIsA404() {
        String body = expect(vitable.get("/v1/webhook-events/wevt_doesnotexist0000", KEY_A), 404, "error");

        assertThat(body).isEqualTo(notFound("wevt_doesnotexist0000"));
    }

    @Test
    void anotherOrganizationsEventIsA404LikeAnUnknownOne() {
        String body = expect(vitable.get("/v1/webhook-events/" + ofB.id(), KEY_A), 404, "error");

        assertThat(body).isEqualTo(notFound(ofB.id()));
    }

    @Test
    void theOwningOrganizationSeesTheEventTheOtherCannot() {
        expect(vitable.get("/v1/webhook-events/" + ofB.id(), KEY_B), 200, "webhook-event-response");
    }

    @Test
    void anEventOfAnotherProfileIsA404() {
        String body = expect(vitable.get("/v1/webhook-events/" + ofDfns.id(), KEY_A), 404, "error");

        assertThat(body).isEqualTo(notFound(ofDfns.id()));
    }

    @Test
    void anEventOfAnotherProfileIsA404EvenInTheCallersOrganization() {
        String body = expect(vitable.get("/v1/webhook-events/" + dfnsProfileInVitableOrg.id(), KEY_C), 404, "error");

        assertThat(body).isEqualTo(notFound(dfnsProfileInVitableOrg.id()));
    }

    // deliveries

    @Test
    void listsAnEventsDeliveriesOldestFirst() {
        String body = expect(vitable.get("/v1/webhook-events/" + accepted.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        assertThat(ids(body)).isEqualTo(acceptedDeliveries.stream().map(Delivery::id).toList());
        assertThat(body).doesNotContain("pagination");
    }

    @Test
    void mapsEveryDeliveryStateToVitablesTitleCaseWords() {
        String body = expect(vitable.get("/v1/webhook-events/" + accepted.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        assertThat(Json.MAPPER.readTree(body).get("data").findValuesAsString("status"))
                .containsExactly("Pending", "In Progress", "In Progress", "Delivered", "Failed", "Failed");
    }

    @Test
    void aPendingDeliveryHasNoTimesButItsCreationAndNoFailureReason() {
        Delivery pending = acceptedDeliveries.get(0);
        String body = expect(vitable.get("/v1/webhook-events/" + accepted.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        assertThat(Json.MAPPER.readTree(body).get("data").get(0).toString()).isEqualTo("{\"id\":\"" + pending.id()
                + "\",\"webhook_event_id\":\"" + accepted.id() + "\",\"subscription_id\":\"" + pending.endpointId()
                + "\",\"status\":\"Pending\",\"started_at\":null,\"delivered_at\":null,\"failed_at\":null,"
                + "\"failure_reason\":\"\",\"created_at\":\"2026-03-02T09:15:01Z\"}");
    }

    @Test
    void aDeliveredDeliveryHasItsStartAndDeliveryTimes() {
        Delivery delivered = acceptedDeliveries.get(3);
        String body = expect(vitable.get("/v1/webhook-events/" + accepted.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        assertThat(Json.MAPPER.readTree(body).get("data").get(3).toString()).isEqualTo("{\"id\":\"" + delivered.id()
                + "\",\"webhook_event_id\":\"" + accepted.id() + "\",\"subscription_id\":\"" + delivered.endpointId()
                + "\",\"status\":\"Delivered\",\"started_at\":\"2026-03-02T09:15:01.250Z\","
                + "\"delivered_at\":\"2026-03-02T09:15:01.900Z\",\"failed_at\":null,"
                + "\"failure_reason\":\"\",\"created_at\":\"2026-03-02T09:15:01Z\"}");
    }

    @Test
    void anExhaustedDeliveryIsFailedForMaxAttempts() {
        String body = expect(vitable.get("/v1/webhook-events/" + accepted.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        JsonNode exhausted = Json.MAPPER.readTree(body).get("data").get(5);
        assertThat(exhausted.get("status").asString()).isEqualTo("Failed");
        assertThat(exhausted.get("failure_reason").asString()).isEqualTo("max_attempts");
        assertThat(exhausted.get("failed_at").asString()).isEqualTo("2026-03-05T09:15:01Z");
    }

    @Test
    void aDeliveryStoppedEarlyIsFailedWithItsReason() {
        String body = expect(vitable.get("/v1/webhook-events/" + accepted.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        JsonNode failed = Json.MAPPER.readTree(body).get("data").get(4);
        assertThat(failed.get("status").asString()).isEqualTo("Failed");
        assertThat(failed.get("failure_reason").asString()).isEqualTo("endpoint_disabled");
    }

    @Test
    void listsAtMostTheOldestHundredDeliveries() {
        String body = expect(vitable.get("/v1/webhook-events/" + busy.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        assertThat(ids(body)).isEqualTo(busyDeliveries.subList(0, 100).stream().map(Delivery::id).toList());
    }

    @Test
    void anEventWithoutDeliveriesHasAnEmptyList() {
        String body = expect(vitable.get("/v1/webhook-events/" + quiet.id() + "/deliveries", KEY_A), 200,
                "delivery-list");

        assertThat(body).isEqualTo("{\"data\":[]}");
    }

    @Test
    void theDeliveriesOfAnUnknownEventAreA404() {
        String body = expect(vitable.get("/v1/webhook-events/wevt_doesnotexist0000/deliveries", KEY_A), 404, "error");

        assertThat(body).isEqualTo(notFound("wevt_doesnotexist0000"));
    }

    @Test
    void theDeliveriesOfAnotherOrganizationsEventAreA404LikeAnUnknownOne() {
        String body = expect(vitable.get("/v1/webhook-events/" + ofB.id() + "/deliveries", KEY_A), 404, "error");

        assertThat(body).isEqualTo(notFound(ofB.id()));
    }

    @Test
    void theDeliveriesOfAnEventOfAnotherProfileAreA404() {
        String body = expect(vitable.get("/v1/webhook-events/" + ofDfns.id() + "/deliveries", KEY_A), 404, "error");

        assertThat(body).isEqualTo(notFound(ofDfns.id()));
    }
}
