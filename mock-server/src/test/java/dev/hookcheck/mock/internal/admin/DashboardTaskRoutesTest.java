package dev.hookcheck.mock.internal.admin;

import static dev.hookcheck.mock.internal.admin.AdminClient.NOW;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin routes behind the dashboard's everyday tasks (issue 17): endpoint health, the catalog's
 * example data, an event aimed at one endpoint, how often a failure rule acted, editing its
 * attempts, and when a rotated-out secret stops.
 */
class DashboardTaskRoutesTest {
    private static final String ORG = "org_task_s";

    private final AdminClient admin = AdminClient.start();

    @BeforeEach
    void data() {
        admin.organization(ORG, "standard");
        endpoint("ep_taskA", true);
        endpoint("ep_taskB", true);
        endpoint("ep_taskOff", false);
    }

    @AfterEach
    void close() {
        admin.close();
    }

    private void endpoint(String id, boolean enabled) {
        // nothing listens there: a delivery to it fails as refused, which is all these tests need
        admin.store().putEndpoint(new Endpoint(id, "standard", ORG, "http://127.0.0.1:9/" + id, null, null, List.of("*"), enabled,
                null, null, List.of(Secret.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")), NOW, NOW, null));
    }

    private void attempt(String endpointId, String id, int minutesAgo, Integer status, boolean succeeded) {
        admin.store().addAttempt(attemptOf(endpointId, id, minutesAgo, status, succeeded));
    }

    private AttemptRecord attemptOf(String endpointId, String id, int minutesAgo, Integer status, boolean succeeded) {
        String deliveryId = id.substring(0, id.indexOf('.'));
        if (admin.store().delivery(deliveryId).isEmpty()) {
            admin.store().putDelivery(new Delivery(deliveryId, "standard", ORG, "msg_x", endpointId, DeliveryStatus.DELIVERED, 1, NOW,
                    NOW, NOW, null, "", NOW, null, status, null));
        }
        return new AttemptRecord(id, deliveryId, endpointId, "msg_x", ORG, "standard", 1,
                NOW.minusSeconds(60L * minutesAgo), null, Map.of(), "{}", status, Map.of(), null, 5,
                status == null ? "refused" : null, succeeded, null, null);
    }

    @Test
    void endpointHealthCountsAttemptsSuccessesAndTheLatestFailureButNotDuplicateCopies() {
        attempt("ep_taskA", "d1.1", 30, 500, false);
        attempt("ep_taskA", "d2.1", 20, null, false);
        attempt("ep_taskA", "d3.1", 10, 200, true);
        admin.store().addAttempt(attemptOf("ep_taskA", "d3.1", 10, 200, true).asCopy(2));

        JsonNode health = admin.get("/__admin/endpoints/health?profile=standard&organizationId=" + ORG).expect(200, "endpoint-health");

        JsonNode a = health.get("endpoints").get(0);
        assertThat(a.get("endpointId").stringValue()).isEqualTo("ep_taskA");
        assertThat(a.get("attempts").intValue()).isEqualTo(3);
        assertThat(a.get("succeeded").intValue()).isEqualTo(1);
        assertThat(a.get("successRate").doubleValue()).isEqualTo(0.333);
        assertThat(a.get("lastFailure").get("deliveryId").stringValue()).isEqualTo("d2");
        assertThat(a.get("lastFailure").get("error").stringValue()).isEqualTo("refused");
        JsonNode b = health.get("endpoints").get(1);
        assertThat(b.get("successRate").isNull()).isTrue();
        assertThat(b.get("lastFailure").isNull()).isTrue();
    }

    @Test
    void theExampleOfAnEventTypeIsTheCatalogsRealisticDataTheSameEachTime() {
        JsonNode example = admin.get("/__admin/events/example?profile=standard&type=invoice.paid").expect(200, "event-example");

        assertThat(example.get("type").stringValue()).isEqualTo("invoice.paid");
        assertThat(example.get("data").isObject()).isTrue();
        assertThat(example.get("data").size()).isPositive();
        assertThat(admin.get("/__admin/events/example?profile=standard&type=invoice.paid").expect(200, "event-example"))
                .isEqualTo(example);
    }

    @Test
    void anExampleOfAnUnknownTypeIsRefusedAtTheTypeField() {
        admin.get("/__admin/events/example?profile=standard&type=nope.nope").expectError(400, "invalid_request", "type");
    }

    @Test
    void anEventAimedAtOneEndpointIsDeliveredToItAlone() {
        JsonNode event = admin.post("/__admin/events", valid("event-create",
                "{\"profile\":\"standard\",\"organizationId\":\"" + ORG + "\",\"type\":\"invoice.paid\",\"endpointId\":\"ep_taskB\","
                        + "\"data\":{\"amount\":42}}")).expect(201, "event");

        List<Delivery> deliveries = admin.store().deliveriesOfEvent(event.get("id").stringValue());
        assertThat(deliveries).singleElement().satisfies(d -> assertThat(d.endpointId()).isEqualTo("ep_taskB"));
        assertThat(event.get("data").get("amount").intValue()).isEqualTo(42);
    }

    @Test
    void anEventCannotBeAimedAtADisabledEndpointOrOneOfAnotherOrganization() {
        admin.organization("org_task_other", "standard");
        String disabled = admin.post("/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"" + ORG
                + "\",\"type\":\"invoice.paid\",\"endpointId\":\"ep_taskOff\"}").expectError(400, "invalid_request", "endpointId");
        admin.post("/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"org_task_other\","
                + "\"type\":\"invoice.paid\",\"endpointId\":\"ep_taskA\"}").expectError(400, "invalid_request", "endpointId");

        assertThat(disabled).contains("disabled");
        assertThat(admin.store().deliveries()).isEmpty();
    }

    @Test
    void aFailureRuleSaysHowOftenItActedAndItsAttemptsCanBeChanged() {
        JsonNode rule = admin.post("/__admin/failures", "{\"mode\":\"drop\",\"endpointId\":\"ep_taskA\"}").expect(201, "failure-rule");
        String id = rule.get("id").stringValue();
        assertThat(rule.get("matched").intValue()).isZero();
        admin.post("/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"" + ORG + "\",\"type\":\"invoice.paid\","
                + "\"endpointId\":\"ep_taskA\"}").expect(201, "event");
        admin.get("/__admin/deliveries/await?count=1&endpointId=ep_taskA&status=failed&timeoutMs=10000").expect(200, "delivery-list");

        assertThat(admin.get("/__admin/failures/" + id).expect(200, "failure-rule").get("matched").intValue()).isEqualTo(1);
        JsonNode lost = admin.post("/__admin/failures", "{\"mode\":\"lost_ack\"}").expect(201, "failure-rule");
        JsonNode changed = admin.patch("/__admin/failures/" + lost.get("id").stringValue(),
                valid("failure-rule-update", "{\"attempts\":[1,2]}")).expect(200, "failure-rule");
        assertThat(changed.get("attempts").valueStream().map(JsonNode::intValue)).containsExactly(1, 2);
        JsonNode every = admin.patch("/__admin/failures/" + lost.get("id").stringValue(), "{\"attempts\":null}").expect(200, "failure-rule");
        assertThat(every.has("attempts")).isFalse();
        String burst = admin.post("/__admin/failures", "{\"mode\":\"burst\",\"profile\":\"github\"}").expect(201, "failure-rule")
                .get("id").stringValue();
        admin.patch("/__admin/failures/" + burst, "{\"attempts\":[1]}").expectError(400, "invalid_request", "attempts");
    }

    @Test
    void aRotationSaysWhenTheOldSecretStops() {
        JsonNode rotated = admin.post("/__admin/endpoints/ep_taskA/rotate-secret", "{\"overlapSeconds\":3600}").expect(200, "endpoint");
        JsonNode atOnce = admin.post("/__admin/endpoints/ep_taskB/rotate-secret", "{\"overlapSeconds\":0}").expect(200, "endpoint");

        assertThat(rotated.get("previousSecretUntil").stringValue()).isEqualTo(NOW.plusSeconds(3600).toString());
        assertThat(atOnce.get("previousSecretUntil").isNull()).isTrue();
        assertThat(admin.get("/__admin/endpoints/ep_taskA").expect(200, "endpoint").has("previousSecretUntil")).isFalse();
    }
}
