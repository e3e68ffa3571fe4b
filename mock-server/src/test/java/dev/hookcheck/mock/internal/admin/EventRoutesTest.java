package dev.hookcheck.mock.internal.admin;

import static dev.hookcheck.mock.internal.admin.AdminClient.NOW;
import static dev.hookcheck.mock.internal.admin.AdminClient.valid;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.EventFilter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EventRoutesTest {
    private static final String ORG = "org_events_v";
    private static final String OTHER_ORG = "org_events_w";

    private final AdminClient admin = AdminClient.start();

    @AfterEach
    void close() {
        admin.close();
    }

    private void vitableOrganizations() {
        admin.organization(ORG, "vitable");
        admin.organization(OTHER_ORG, "vitable");
    }

    private Event addEvent(String id, String organization, String type, int minutesAgo) {
        Event event = new Event(id, "vitable", organization, type, "enrollment", "enrl_" + id, NOW.minus(Duration.ofMinutes(minutesAgo)),
                "{}");
        admin.store().addEvent(event);
        return event;
    }

    private Endpoint addEndpoint(String id, String organization, List<String> events, boolean enabled) {
        Endpoint endpoint = new Endpoint(id, "vitable", organization, "https://example.com/" + id, null, null, events, enabled,
                null, null, List.of(Secret.of("vitable_whsec_test")), NOW, NOW, null);
        admin.store().putEndpoint(endpoint);
        return endpoint;
    }

    private static List<String> ids(JsonNode list) {
        return list.get("events").valueStream().map(e -> e.get("id").stringValue()).toList();
    }

    private int eventsOf(String organization) {
        return admin.store().events(organization, EventFilter.ALL, 0, 1).total();
    }

    // POST /__admin/events

    @Test
    void createsAnEventWithEveryFieldGiven() {
        vitableOrganizations();

        JsonNode event = admin.post("/__admin/events", valid("event-create", """
                {"profile":"vitable","type":"enrollment.accepted","organizationId":"org_events_w","resourceType":"enrollment",
                 "resourceId":"enrl_given","data":{"plan":"gold","amount":12.5},"createdAt":"2026-03-31T14:00:00+02:00"}"""))
                .expect(201, "event");

        assertThat(event.get("profile").stringValue()).isEqualTo("vitable");
        assertThat(event.get("organizationId").stringValue()).isEqualTo(OTHER_ORG);
        assertThat(event.get("type").stringValue()).isEqualTo("enrollment.accepted");
        assertThat(event.get("resourceType").stringValue()).isEqualTo("enrollment");
        assertThat(event.get("resourceId").stringValue()).isEqualTo("enrl_given");
        assertThat(event.get("createdAt").stringValue()).isEqualTo("2026-03-31T12:00:00Z");
        assertThat(event.get("data").toString()).isEqualTo("{\"plan\":\"gold\",\"amount\":12.5}");
        assertThat(Profiles.get("vitable").ids().event().matches(event.get("id").stringValue())).isTrue();
    }

    @Test
    void storesTheEventWithCompactData() {
        vitableOrganizations();

        String id = admin.post("/__admin/events", """
                {"organizationId":"org_events_v","type":"enrollment.started","data": { "a" : [ 1, 2 ] }}""")
                .expect(201, "event").get("id").stringValue();

        assertThat(admin.store().event(id)).hasValueSatisfying(e -> {
            assertThat(e.organizationId()).isEqualTo(ORG);
            assertThat(e.dataJson()).isEqualTo("{\"a\":[1,2]}");
        });
    }

    @Test
    void onlyTheTypeIsNeededTheRestHasDefaults() {
        admin.organization("org_events_s", "standard");

        JsonNode event = admin.post("/__admin/events", valid("event-create", "{\"type\":\"invoice.paid\"}")).expect(201, "event");

        assertThat(event.get("profile").stringValue()).isEqualTo("standard");
        assertThat(event.get("organizationId").stringValue()).isEqualTo(admin.store().organizations("standard").get(0).id());
        assertThat(event.get("resourceType").stringValue()).isEqualTo("invoice");
        assertThat(Profiles.get("standard").ids().resource("invoice").matches(event.get("resourceId").stringValue())).isTrue();
        assertThat(event.get("createdAt").stringValue()).isEqualTo(NOW.toString());
        assertThat(event.get("data").toString()).isEqualTo("{}");
    }

    @Test
    void theProfileDefaultsToTheOrganizationsProfile() {
        admin.organization("or-events-d", "dfns");

        JsonNode event = admin.post("/__admin/events", "{\"organizationId\":\"or-events-d\",\"type\":\"wallet.created\"}")
                .expect(201, "event");

        assertThat(event.get("profile").stringValue()).isEqualTo("dfns");
        assertThat(event.get("resourceType").stringValue()).isEqualTo("wallet");
        assertThat(event.get("resourceId").stringValue()).startsWith("wa-");
    }

    @Test
    void theRenamedDeductionEventIsAcceptedUnderItsOldName() {
        vitableOrganizations();

        JsonNode event = admin.post("/__admin/events", "{\"organizationId\":\"org_events_v\",\"type\":\"payroll_deduction.created\"}")
                .expect(201, "event");

        assertThat(event.get("resourceType").stringValue()).isEqualTo("payroll_deduction");
    }

    @Test
    void aNewEventFansOutToTheEnabledEndpointsThatReceiveIt() {
        vitableOrganizations();
        addEndpoint("wsub_all", ORG, List.of("*"), true);
        addEndpoint("wsub_other_type", ORG, List.of("enrollment.waived"), true);
        addEndpoint("wsub_disabled", ORG, List.of("*"), false);
        addEndpoint("wsub_other_org", OTHER_ORG, List.of("*"), true);

        String id = admin.post("/__admin/events", "{\"organizationId\":\"org_events_v\",\"type\":\"enrollment.accepted\"}")
                .expect(201, "event").get("id").stringValue();

        JsonNode detail = admin.get("/__admin/events/" + id).expect(200, "event-detail");
        assertThat(detail.get("deliveries").valueStream().map(d -> d.get("endpointId").stringValue())).containsExactly("wsub_all");
        assertThat(detail.get("deliveries").get(0).get("eventId").stringValue()).isEqualTo(id);
    }

    @Test
    void theTypeIsRequired() {
        vitableOrganizations();

        admin.post("/__admin/events", "{\"organizationId\":\"org_events_v\"}").expectInvalid("type");

        assertThat(eventsOf(ORG)).isZero();
    }

    @Test
    void anUnknownTypeIsRefusedAndNothingIsStored() {
        vitableOrganizations();
        int before = admin.store().eventCount();

        String title = admin.post("/__admin/events", "{\"organizationId\":\"org_events_v\",\"type\":\"enrollment.exploded\"}")
                .expectInvalid("type");

        assertThat(title).contains("'enrollment.exploded'").contains("enrollment.accepted");
        assertThat(admin.store().eventCount()).isEqualTo(before);
    }

    @Test
    void aTypeOfAnotherProfileIsRefused() {
        vitableOrganizations();

        String title = admin.post("/__admin/events", "{\"profile\":\"vitable\",\"type\":\"wallet.created\"}").expectInvalid("type");

        assertThat(title).contains("profile 'vitable'");
    }

    @Test
    void aTypeThatIsNotAStringIsRefused() {
        admin.post("/__admin/events", "{\"type\":{\"name\":\"invoice.paid\"}}").expectInvalid("type");
    }

    @Test
    void anUnknownProfileIsRefused() {
        admin.post("/__admin/events", "{\"profile\":\"acme\",\"type\":\"invoice.paid\"}").expectInvalid("profile");
    }

    @Test
    void anUnknownResourceTypeIsRefused() {
        vitableOrganizations();

        String title = admin.post("/__admin/events",
                "{\"organizationId\":\"org_events_v\",\"type\":\"enrollment.accepted\",\"resourceType\":\"wallet\"}")
                .expectInvalid("resourceType");

        assertThat(title).contains("'wallet'").contains("plan_year");
        assertThat(eventsOf(ORG)).isZero();
    }

    @Test
    void anUnknownOrganizationIsRefused() {
        admin.post("/__admin/events", "{\"profile\":\"vitable\",\"organizationId\":\"org_nope\",\"type\":\"enrollment.accepted\"}")
                .expectInvalid("organizationId");
    }

    @Test
    void anOrganizationOfAnotherProfileIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/events", "{\"profile\":\"standard\",\"organizationId\":\"org_events_v\",\"type\":\"invoice.paid\"}")
                .expectInvalid("organizationId");

        assertThat(eventsOf(ORG)).isZero();
    }

    @Test
    void dataThatIsNotAnObjectIsRefused() {
        vitableOrganizations();

        String title = admin.post("/__admin/events", "{\"organizationId\":\"org_events_v\",\"type\":\"enrollment.accepted\",\"data\":[1]}")
                .expectInvalid("data");

        assertThat(title).isEqualTo("data must be a JSON object, got an array");
        assertThat(eventsOf(ORG)).isZero();
    }

    @Test
    void aMalformedCreatedAtIsRefused() {
        vitableOrganizations();

        String title = admin.post("/__admin/events",
                "{\"organizationId\":\"org_events_v\",\"type\":\"enrollment.accepted\",\"createdAt\":\"2026-04-01 12:00\"}")
                .expectInvalid("createdAt");

        assertThat(title).contains("ISO-8601");
        assertThat(eventsOf(ORG)).isZero();
    }

    @Test
    void aCreatedAtThatIsNotAStringIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/events", "{\"organizationId\":\"org_events_v\",\"type\":\"enrollment.accepted\",\"createdAt\":1775044800}")
                .expectInvalid("createdAt");
    }

    @Test
    void anEmptyResourceIdIsRefused() {
        vitableOrganizations();

        admin.post("/__admin/events", "{\"organizationId\":\"org_events_v\",\"type\":\"enrollment.accepted\",\"resourceId\":\"\"}")
                .expectInvalid("resourceId");
    }

    @Test
    void anUnknownFieldIsRefused() {
        admin.post("/__admin/events", "{\"type\":\"invoice.paid\",\"event_name\":\"invoice.paid\"}").expectInvalid("event_name");
    }

    @Test
    void malformedJsonIsRefused() {
        String title = admin.post("/__admin/events", "{\"type\":\"invoice.paid\"").expectError(400, "invalid_json", null);

        assertThat(title).contains("not valid JSON");
    }

    // GET /__admin/events

    @Test
    void listsAnOrganizationsEventsNewestFirst() {
        vitableOrganizations();
        addEvent("wevt_old", ORG, "enrollment.started", 30);
        addEvent("wevt_new", ORG, "enrollment.accepted", 10);
        addEvent("wevt_mid", ORG, "enrollment.elected", 20);

        JsonNode list = admin.get("/__admin/events?organizationId=" + ORG).expect(200, "event-list");

        assertThat(ids(list)).containsExactly("wevt_new", "wevt_mid", "wevt_old");
        assertThat(list.get("total").intValue()).isEqualTo(3);
    }

    @Test
    void anotherOrganizationsEventsAreNotListed() {
        vitableOrganizations();
        addEvent("wevt_mine", ORG, "enrollment.started", 10);
        addEvent("wevt_theirs", OTHER_ORG, "enrollment.started", 5);

        JsonNode list = admin.get("/__admin/events?profile=vitable&organizationId=" + ORG).expect(200, "event-list");

        assertThat(ids(list)).containsExactly("wevt_mine");
    }

    @Test
    void theOrganizationDefaultsToTheProfilesFirst() {
        vitableOrganizations();
        String first = admin.store().organizations("vitable").get(0).id();
        addEvent("wevt_first", first, "enrollment.started", 10);

        JsonNode list = admin.get("/__admin/events?profile=vitable").expect(200, "event-list");

        assertThat(list.get("events").valueStream().map(e -> e.get("organizationId").stringValue())).containsOnly(first);
        assertThat(ids(list)).contains("wevt_first");
    }

    @Test
    void theTypeFilterKeepsOnlyThatType() {
        vitableOrganizations();
        addEvent("wevt_a", ORG, "enrollment.started", 30);
        addEvent("wevt_b", ORG, "enrollment.accepted", 20);
        addEvent("wevt_c", ORG, "enrollment.accepted", 10);

        JsonNode list = admin.get("/__admin/events?organizationId=" + ORG + "&type=enrollment.accepted").expect(200, "event-list");

        assertThat(ids(list)).containsExactly("wevt_c", "wevt_b");
        assertThat(list.get("total").intValue()).isEqualTo(2);
    }

    @Test
    void limitAndOffsetSliceTheListAndTotalCountsEveryMatch() {
        vitableOrganizations();
        for (int i = 1; i <= 5; i++) {
            addEvent("wevt_" + i, ORG, "enrollment.started", 10 - i);
        }

        JsonNode page = admin.get("/__admin/events?organizationId=" + ORG + "&limit=2&offset=1").expect(200, "event-list");

        assertThat(ids(page)).containsExactly("wevt_4", "wevt_3");
        assertThat(page.get("total").intValue()).isEqualTo(5);
    }

    @Test
    void theLastPageIsShort() {
        vitableOrganizations();
        for (int i = 1; i <= 5; i++) {
            addEvent("wevt_" + i, ORG, "enrollment.started", 10 - i);
        }

        JsonNode page = admin.get("/__admin/events?organizationId=" + ORG + "&limit=2&offset=4").expect(200, "event-list");

        assertThat(ids(page)).containsExactly("wevt_1");
    }

    @Test
    void anOffsetPastTheEndIsAnEmptyPageWithTheTotal() {
        vitableOrganizations();
        addEvent("wevt_1", ORG, "enrollment.started", 10);

        JsonNode page = admin.get("/__admin/events?organizationId=" + ORG + "&offset=50").expect(200, "event-list");

        assertThat(ids(page)).isEmpty();
        assertThat(page.get("total").intValue()).isEqualTo(1);
    }

    @Test
    void anOrganizationWithoutEventsIsAnEmptyList() {
        vitableOrganizations();

        JsonNode page = admin.get("/__admin/events?organizationId=" + ORG).expect(200, "event-list");

        assertThat(ids(page)).isEmpty();
        assertThat(page.get("total").intValue()).isZero();
    }

    @Test
    void aLimitOfZeroIsRefused() {
        vitableOrganizations();

        admin.get("/__admin/events?organizationId=" + ORG + "&limit=0").expectInvalid("limit");
    }

    @Test
    void aLimitOverTheMaximumIsRefused() {
        vitableOrganizations();

        String title = admin.get("/__admin/events?organizationId=" + ORG + "&limit=1001").expectInvalid("limit");

        assertThat(title).contains("between 1 and 1000");
    }

    @Test
    void aLimitThatIsNotANumberIsRefused() {
        vitableOrganizations();

        admin.get("/__admin/events?organizationId=" + ORG + "&limit=ten").expectInvalid("limit");
    }

    @Test
    void aNegativeOffsetIsRefused() {
        vitableOrganizations();

        admin.get("/__admin/events?organizationId=" + ORG + "&offset=-1").expectInvalid("offset");
    }

    @Test
    void anUnknownTypeFilterIsRefused() {
        vitableOrganizations();

        admin.get("/__admin/events?organizationId=" + ORG + "&type=enrollment.exploded").expectInvalid("type");
    }

    @Test
    void anUnknownProfileFilterIsRefused() {
        admin.get("/__admin/events?profile=acme").expectInvalid("profile");
    }

    @Test
    void anUnknownOrganizationFilterIsRefused() {
        admin.get("/__admin/events?organizationId=org_nope").expectInvalid("organizationId");
    }

    @Test
    void anOrganizationOfAnotherProfileIsRefusedAsAFilter() {
        vitableOrganizations();

        admin.get("/__admin/events?profile=dfns&organizationId=" + ORG).expectInvalid("organizationId");
    }

    // GET /__admin/events/{id}

    @Test
    void showsAnEventWithItsDeliveriesOldestFirst() {
        vitableOrganizations();
        addEndpoint("wsub_one", ORG, List.of("*"), true);
        addEndpoint("wsub_two", ORG, List.of("*"), true);
        Event event = addEvent("wevt_shown", ORG, "enrollment.accepted", 5);
        admin.store().putDelivery(new Delivery("wdlv_first", "vitable", ORG, event.id(), "wsub_one", DeliveryStatus.DELIVERED, 1,
                NOW.minusSeconds(60), NOW.minusSeconds(60), NOW.minusSeconds(59), null, "", NOW.minusSeconds(60), null, 200,
                "sha512=abc"));
        admin.store().putDelivery(Delivery.pending("wdlv_second", "vitable", ORG, event.id(), "wsub_two", NOW));

        JsonNode detail = admin.get("/__admin/events/wevt_shown").expect(200, "event-detail");

        assertThat(detail.get("id").stringValue()).isEqualTo("wevt_shown");
        assertThat(detail.get("type").stringValue()).isEqualTo("enrollment.accepted");
        JsonNode deliveries = detail.get("deliveries");
        assertThat(deliveries.valueStream().map(d -> d.get("id").stringValue())).containsExactly("wdlv_first", "wdlv_second");
        assertThat(deliveries.get(0).get("status").stringValue()).isEqualTo("delivered");
        assertThat(deliveries.get(0).get("responseStatus").intValue()).isEqualTo(200);
        assertThat(deliveries.get(0).get("deliveredAt").stringValue()).isEqualTo(NOW.minusSeconds(59).toString());
        assertThat(deliveries.get(1).get("status").stringValue()).isEqualTo("pending");
        assertThat(deliveries.get(1).get("startedAt").isNull()).isTrue();
    }

    @Test
    void anEventWithoutDeliveriesShowsAnEmptyList() {
        vitableOrganizations();
        addEvent("wevt_alone", ORG, "enrollment.started", 5);

        JsonNode detail = admin.get("/__admin/events/wevt_alone").expect(200, "event-detail");

        assertThat(detail.get("deliveries").isEmpty()).isTrue();
    }

    @Test
    void anUnknownEventIsA404() {
        String title = admin.get("/__admin/events/wevt_nope").expectError(404, "not_found", null);

        assertThat(title).contains("'wevt_nope'");
    }
}
