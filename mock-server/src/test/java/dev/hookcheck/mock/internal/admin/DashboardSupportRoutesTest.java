package dev.hookcheck.mock.internal.admin;

import static dev.hookcheck.mock.internal.admin.AdminClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.time.VirtualClock;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The admin routes the dashboard needs beyond the rest: the profiles' catalogs and status words,
 * the change cursor, the event filters and deliveries by organization.
 */
class DashboardSupportRoutesTest {
    private static final String ORG = "org_dash_a";
    private static final String OTHER_ORG = "org_dash_b";

    private final AdminClient admin = AdminClient.start();

    @AfterEach
    void close() {
        admin.close();
    }

    private Event addEvent(String id, String organization, String type, String resourceType, String resourceId, int minutesAgo) {
        Event event = new Event(id, "vitable", organization, type, resourceType, resourceId, NOW.minus(Duration.ofMinutes(minutesAgo)), "{}");
        admin.store().addEvent(event);
        return event;
    }

    private static List<String> ids(JsonNode list, String field) {
        return list.get(field).valueStream().map(e -> e.get("id").stringValue()).toList();
    }

    // GET /__admin/profiles

    @Test
    void profilesListEveryProfileWithItsCatalogSignatureHeaderAndStatusWords() {
        JsonNode profiles = admin.get("/__admin/profiles").expect(200, "profile-list").get("profiles");

        assertThat(profiles.valueStream().map(p -> p.get("name").stringValue())).containsExactlyElementsOf(Profiles.names());
        for (JsonNode profile : profiles) {
            var known = Profiles.get(profile.get("name").stringValue());
            assertThat(profile.get("signatureHeader").stringValue()).isEqualTo(known.scheme().signatureHeader());
            assertThat(profile.get("maxAttempts").intValue()).isEqualTo(known.retryPolicy().maxAttempts());
            assertThat(profile.get("events").valueStream().map(e -> e.get("name").stringValue())).containsExactlyElementsOf(known.events().names());
            assertThat(profile.get("resourceTypes").valueStream().map(JsonNode::stringValue)).containsExactlyElementsOf(known.events().resourceTypes());
        }
        JsonNode vitable = profiles.get(Profiles.names().indexOf("vitable"));
        assertThat(vitable.get("statusWords").get("retrying").stringValue()).isEqualTo("In Progress");
        assertThat(vitable.get("statusWords").get("exhausted").stringValue()).isEqualTo("Failed");
        JsonNode preo = profiles.get(Profiles.names().indexOf("preo"));
        assertThat(preo.get("statusWords").get("delivered").stringValue()).isEqualTo("success");
        assertThat(preo.get("statusWords").get("in_progress").stringValue()).isEqualTo("pending");
        assertThat(profiles.get(Profiles.names().indexOf("standard")).get("statusWords").isNull()).isTrue();
        JsonNode renamed = vitable.get("events").valueStream().filter(e -> e.get("name").stringValue().equals("payroll_deduction.created"))
                .findFirst().orElseThrow();
        assertThat(renamed.get("replacedBy").stringValue()).isEqualTo("employee.deduction_created");
    }

    // GET /__admin/changes

    @Test
    void theCursorChangesWithEventsDeliveriesEndpointsAndRulesButNotWhenNothingChanged() {
        admin.organization(ORG, "vitable");
        JsonNode start = admin.get("/__admin/changes").expect(200, "changes");
        assertThat(admin.get("/__admin/changes").expect(200, "changes")).isEqualTo(start);
        assertThat(start.get("events").intValue()).isZero();

        addEvent("wevt_c1", ORG, "enrollment.accepted", "enrollment", "enrl_1", 1);
        JsonNode afterEvent = admin.get("/__admin/changes").expect(200, "changes");
        assertThat(afterEvent.get("cursor")).isNotEqualTo(start.get("cursor"));
        assertThat(afterEvent.get("events").intValue()).isEqualTo(1);

        Endpoint endpoint = new Endpoint("wsub_c1", "vitable", ORG, "https://example.com/hook", null, null, List.of("*"), true, null, null,
                List.of(Secret.of("vitable_whsec_test")), NOW, NOW, null);
        admin.store().putEndpoint(endpoint);
        JsonNode afterEndpoint = admin.get("/__admin/changes").expect(200, "changes");
        assertThat(afterEndpoint.get("cursor")).isNotEqualTo(afterEvent.get("cursor"));

        admin.store().putDelivery(Delivery.pending("wdlv_c1", "vitable", ORG, "wevt_c1", "wsub_c1", NOW));
        JsonNode afterDelivery = admin.get("/__admin/changes").expect(200, "changes");
        assertThat(afterDelivery.get("cursor")).isNotEqualTo(afterEndpoint.get("cursor"));
        assertThat(afterDelivery.get("deliveries").intValue()).isEqualTo(1);
        assertThat(afterDelivery.get("attempts").intValue()).isZero();

        admin.store().updateDelivery("wdlv_c1", d -> new Delivery(d.id(), d.profile(), d.organizationId(), d.eventId(), d.endpointId(),
                DeliveryStatus.RETRYING, 1, d.createdAt(), NOW, null, null, "", NOW, NOW.plusSeconds(60), 500, "sha512=00"));
        JsonNode afterAttempt = admin.get("/__admin/changes").expect(200, "changes");
        assertThat(afterAttempt.get("cursor")).isNotEqualTo(afterDelivery.get("cursor"));
        assertThat(afterAttempt.get("attempts").intValue()).isEqualTo(1);

        String rule = admin.post("/__admin/failures", "{\"mode\":\"lost_ack\"}").expect(201, "failure-rule").get("id").stringValue();
        JsonNode afterRule = admin.get("/__admin/changes").expect(200, "changes");
        assertThat(afterRule.get("cursor")).isNotEqualTo(afterAttempt.get("cursor"));
        admin.patch("/__admin/failures/" + rule, "{\"enabled\":false}").expect(200, "failure-rule");
        assertThat(admin.get("/__admin/changes").expect(200, "changes").get("cursor")).isNotEqualTo(afterRule.get("cursor"));
    }

    @Test
    void movingTheClockAloneLeavesTheCursorAlone() {
        try (AdminClient virtual = AdminClient.start(MockServerConfig.defaults().withClock(VirtualClock.stopped(NOW)))) {
            JsonNode start = virtual.get("/__admin/changes").expect(200, "changes");
            virtual.post("/__admin/clock/scale", "{\"scale\":5}").expect(200, "clock");
            virtual.post("/__admin/clock/advance", "{\"seconds\":60}").expect(200, "clock");
            assertThat(virtual.get("/__admin/changes").expect(200, "changes")).isEqualTo(start);
        }
    }

    // GET /__admin/events filters

    @Test
    void eventsFilterByResourceTypeResourceIdAndDateRange() {
        admin.organization(ORG, "vitable");
        addEvent("wevt_f1", ORG, "enrollment.accepted", "enrollment", "enrl_a", 30);
        addEvent("wevt_f2", ORG, "enrollment.accepted", "enrollment", "enrl_b", 20);
        addEvent("wevt_f3", ORG, "employee.eligibility_granted", "employee", "empl_a", 10);
        String base = "/__admin/events?organizationId=" + ORG;

        assertThat(ids(admin.get(base + "&resourceType=enrollment").expect(200, "event-list"), "events")).containsExactly("wevt_f2", "wevt_f1");
        assertThat(ids(admin.get(base + "&resourceId=enrl_a").expect(200, "event-list"), "events")).containsExactly("wevt_f1");
        JsonNode range = admin.get(base + "&createdAfter=" + NOW.minus(Duration.ofMinutes(25)) + "&createdBefore=" + NOW.minus(Duration.ofMinutes(5)))
                .expect(200, "event-list");
        assertThat(ids(range, "events")).containsExactly("wevt_f3", "wevt_f2");
        assertThat(range.get("total").intValue()).isEqualTo(2);
        assertThat(ids(admin.get(base + "&type=enrollment.accepted&createdAfter=" + NOW.minus(Duration.ofMinutes(25))).expect(200, "event-list"),
                "events")).containsExactly("wevt_f2");
    }

    @Test
    void badEventFiltersAreRefusedNamingTheParameter() {
        admin.organization(ORG, "vitable");
        String base = "/__admin/events?organizationId=" + ORG;

        assertThat(admin.get(base + "&resourceType=spaceship").expectInvalid("resourceType")).contains("enrollment", "spaceship");
        assertThat(admin.get(base + "&createdAfter=yesterday").expectInvalid("createdAfter")).contains("ISO-8601");
        assertThat(admin.get(base + "&createdBefore=2026-04-01T12:00").expectInvalid("createdBefore")).contains("ISO-8601");
        assertThat(admin.get(base + "&createdAfter=2026-04-01T12:00:00Z&createdBefore=2026-04-01T11:00:00Z").expectInvalid("createdBefore"))
                .contains("later than createdAfter");
    }

    // GET /__admin/deliveries?organizationId=

    @Test
    void deliveriesFilterByOrganization() {
        admin.organization(ORG, "vitable");
        admin.organization(OTHER_ORG, "vitable");
        addEvent("wevt_d1", ORG, "enrollment.accepted", "enrollment", "enrl_a", 3);
        addEvent("wevt_d2", OTHER_ORG, "enrollment.accepted", "enrollment", "enrl_b", 2);
        admin.store().putDelivery(Delivery.pending("wdlv_d1", "vitable", ORG, "wevt_d1", "wsub_d1", NOW.minusSeconds(3)));
        admin.store().putDelivery(Delivery.pending("wdlv_d2", "vitable", OTHER_ORG, "wevt_d2", "wsub_d2", NOW.minusSeconds(2)));

        assertThat(ids(admin.get("/__admin/deliveries?organizationId=" + ORG).expect(200, "delivery-list"), "deliveries"))
                .containsExactly("wdlv_d1");
        assertThat(ids(admin.get("/__admin/deliveries?profile=vitable").expect(200, "delivery-list"), "deliveries"))
                .containsExactly("wdlv_d2", "wdlv_d1");
        assertThat(admin.get("/__admin/deliveries?organizationId=nobody").expect(200, "delivery-list").get("total").intValue()).isZero();
    }
}
