package dev.hookcheck.mock.internal.api.vitable;

import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.KEY_A;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.KEY_B;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.ORG_A;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.ORG_B;
import static dev.hookcheck.mock.internal.api.vitable.VitableTestServer.expect;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.http.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** GET /v1/webhook-events: filters, pagination and parameter validation. */
class VitableEventListTest {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
    private static final int EVENTS_A = 45;

    private static VitableTestServer vitable;
    private static final List<Event> eventsA = new ArrayList<>();
    private static final List<Event> eventsB = new ArrayList<>();
    private static String repeatedEmployee;

    @BeforeAll
    static void start() {
        vitable = new VitableTestServer();
        List<String> names = VitableTestServer.PROFILE.events().names();
        repeatedEmployee = vitable.resourceId("employee");
        List<String> enrollments = List.of(vitable.resourceId("enrollment"), vitable.resourceId("enrollment"));
        String employer = vitable.resourceId("employer");
        for (int i = 0; i < EVENTS_A; i++) {
            String name = names.get(i % names.size());
            String resourceType = VitableTestServer.PROFILE.events().find(name).orElseThrow().resourceType();
            String resourceId = switch (resourceType) {
                case "employee" -> (i / names.size()) % 2 == 0 ? repeatedEmployee : vitable.resourceId("employee");
                case "enrollment" -> enrollments.get(i % 2);
                case "employer" -> employer;
                default -> vitable.resourceId(resourceType);
            };
            eventsA.add(vitable.addEvent(ORG_A, name, resourceId, T0.plusSeconds(600L * i)));
        }
        for (int i = 0; i < 3; i++) {
            eventsB.add(vitable.addEvent(ORG_B, "enrollment.started", vitable.resourceId("enrollment"),
                    T0.plusSeconds(300L * i)));
        }
    }

    @AfterAll
    static void stop() {
        vitable.close();
    }

    private static List<String> expected(Predicate<Event> filter) {
        return eventsA.stream().filter(filter).sorted(Comparator.comparing(Event::createdAt).reversed())
                .map(Event::id).toList();
    }

    private static JsonNode list(String query) {
        return Json.MAPPER.readTree(expect(vitable.get("/v1/webhook-events" + query, KEY_A), 200, "webhook-event-list"));
    }

    private static List<String> ids(JsonNode body) {
        List<String> ids = new ArrayList<>();
        body.get("data").forEach(e -> ids.add(e.get("id").asString()));
        return ids;
    }

    private static String pagination(JsonNode body) {
        return body.get("pagination").toString();
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void listsTheCallersEventsNewestFirstTwentyToAPage() {
        JsonNode body = list("");

        assertThat(ids(body)).isEqualTo(expected(e -> true).subList(0, 20));
        assertThat(pagination(body)).isEqualTo("{\"page\":1,\"limit\":20,\"total\":45,\"total_pages\":3}");
    }

    @Test
    void anEventHasExactlyVitablesFieldsWithAUtcTimestamp() {
        Event newest = eventsA.get(EVENTS_A - 1);

        JsonNode body = list("?limit=1");

        assertThat(body.get("data").get(0).toString()).isEqualTo("{\"id\":\"" + newest.id()
                + "\",\"organization_id\":\"" + ORG_A + "\",\"event_name\":\"" + newest.type()
                + "\",\"resource_type\":\"" + newest.resourceType() + "\",\"resource_id\":\"" + newest.resourceId()
                + "\",\"created_at\":\"2026-03-01T07:20:00Z\"}");
    }

    @Test
    void anotherOrganizationsEventsAreNeverListed() {
        JsonNode body = Json.MAPPER.readTree(expect(vitable.get("/v1/webhook-events?limit=100", KEY_B), 200,
                "webhook-event-list"));

        assertThat(ids(body)).containsExactly(eventsB.get(2).id(), eventsB.get(1).id(), eventsB.get(0).id());
        assertThat(body.get("data").findValuesAsString("organization_id")).containsOnly(ORG_B);
    }

    @Test
    void filtersByEventName() {
        JsonNode body = list("?event_name=enrollment.accepted");

        assertThat(ids(body)).isNotEmpty().isEqualTo(expected(e -> e.type().equals("enrollment.accepted")));
    }

    @Test
    void filtersByTheDeductionEventsCurrentName() {
        JsonNode body = list("?event_name=employee.deduction_created");

        assertThat(ids(body)).isNotEmpty().isEqualTo(expected(e -> e.type().equals("employee.deduction_created")));
    }

    @Test
    void filtersByTheDeductionEventsNameBeforeTheRename() {
        JsonNode body = list("?event_name=payroll_deduction.created");

        assertThat(ids(body)).isNotEmpty().isEqualTo(expected(e -> e.type().equals("payroll_deduction.created")));
        assertThat(body.get("data").findValuesAsString("resource_type")).containsOnly("payroll_deduction");
    }

    @Test
    void filtersByResourceType() {
        JsonNode body = list("?resource_type=employee&limit=100");

        assertThat(ids(body)).isNotEmpty().isEqualTo(expected(e -> e.resourceType().equals("employee")));
    }

    @Test
    void filtersByResourceId() {
        JsonNode body = list("?resource_id=" + repeatedEmployee);

        assertThat(ids(body)).hasSizeGreaterThan(1).isEqualTo(expected(e -> e.resourceId().equals(repeatedEmployee)));
    }

    @Test
    void anUnknownResourceIdMatchesNothing() {
        JsonNode body = list("?resource_id=empl_nosuchemployee0");

        assertThat(ids(body)).isEmpty();
        assertThat(pagination(body)).isEqualTo("{\"page\":1,\"limit\":20,\"total\":0,\"total_pages\":0}");
    }

    @Test
    void createdAfterIsExclusive() {
        Instant after = eventsA.get(40).createdAt();

        JsonNode body = list("?created_after=" + after);

        assertThat(ids(body)).isEqualTo(expected(e -> e.createdAt().isAfter(after))).hasSize(4);
    }

    @Test
    void createdBeforeIsExclusive() {
        Instant before = eventsA.get(4).createdAt();

        JsonNode body = list("?created_before=" + before);

        assertThat(ids(body)).isEqualTo(expected(e -> e.createdAt().isBefore(before))).hasSize(4);
    }

    @Test
    void createdAfterAndCreatedBeforeTogetherSelectAWindow() {
        Instant after = eventsA.get(10).createdAt();
        Instant before = eventsA.get(20).createdAt();

        JsonNode body = list("?created_after=" + after + "&created_before=" + before);

        assertThat(ids(body)).hasSize(9)
                .isEqualTo(expected(e -> e.createdAt().isAfter(after) && e.createdAt().isBefore(before)));
    }

    @Test
    void anEqualCreatedAfterAndCreatedBeforeIsAnEmptyWindowNotAnError() {
        Instant at = eventsA.get(10).createdAt();

        JsonNode body = list("?created_after=" + at + "&created_before=" + at);

        assertThat(ids(body)).isEmpty();
    }

    @Test
    void aDateTimeWithAnOffsetIsUnderstood() {
        // 01:00+01:00 is 00:00Z, the first event's time: strictly after it leaves the other 44
        JsonNode body = list("?limit=100&created_after=" + encoded("2026-03-01T01:00:00+01:00"));

        assertThat(ids(body)).isEqualTo(expected(e -> e.createdAt().isAfter(T0))).hasSize(EVENTS_A - 1);
    }

    @Test
    void combinesEveryFilter() {
        Instant after = eventsA.get(0).createdAt();
        Instant before = eventsA.get(40).createdAt();
        Predicate<Event> filter = e -> e.type().equals("employee.eligibility_granted")
                && e.resourceType().equals("employee") && e.resourceId().equals(repeatedEmployee)
                && e.createdAt().isAfter(after) && e.createdAt().isBefore(before);

        JsonNode body = list("?event_name=employee.eligibility_granted&resource_type=employee&resource_id="
                + repeatedEmployee + "&created_after=" + after + "&created_before=" + before);

        assertThat(ids(body)).isNotEmpty().isEqualTo(expected(filter));
        assertThat(expected(filter)).isNotEqualTo(expected(e -> e.type().equals("employee.eligibility_granted")));
    }

    @Test
    void filtersThatContradictEachOtherMatchNothing() {
        JsonNode body = list("?event_name=enrollment.accepted&resource_type=employee");

        assertThat(ids(body)).isEmpty();
        assertThat(body.get("pagination").get("total").asInt()).isZero();
    }

    @Test
    void theLastPageHoldsTheRemainder() {
        JsonNode body = list("?page=3");

        assertThat(ids(body)).isEqualTo(expected(e -> true).subList(40, 45));
        assertThat(pagination(body)).isEqualTo("{\"page\":3,\"limit\":20,\"total\":45,\"total_pages\":3}");
    }

    @Test
    void aPagePastTheEndIsEmptyWithTheTrueTotals() {
        JsonNode body = list("?page=4");

        assertThat(ids(body)).isEmpty();
        assertThat(pagination(body)).isEqualTo("{\"page\":4,\"limit\":20,\"total\":45,\"total_pages\":3}");
    }

    @Test
    void theLargestPageNumberIsEmptyRatherThanAnOverflow() {
        JsonNode body = list("?page=2147483647&limit=100");

        assertThat(ids(body)).isEmpty();
        assertThat(pagination(body)).isEqualTo("{\"page\":2147483647,\"limit\":100,\"total\":45,\"total_pages\":1}");
    }

    @Test
    void pagesFollowEachOtherWithoutGapsOrRepeats() {
        List<String> walked = new ArrayList<>();
        for (int page = 1; page <= 7; page++) {
            JsonNode body = list("?limit=7&page=" + page);
            assertThat(body.get("pagination").get("total_pages").asInt()).isEqualTo(7);
            walked.addAll(ids(body));
        }

        assertThat(walked).isEqualTo(expected(e -> true));
    }

    @Test
    void aLimitOfOneGivesOnePagePerEvent() {
        JsonNode body = list("?limit=1&page=45");

        assertThat(ids(body)).containsExactly(eventsA.get(0).id());
        assertThat(pagination(body)).isEqualTo("{\"page\":45,\"limit\":1,\"total\":45,\"total_pages\":45}");
    }

    @Test
    void theLargestLimitFitsEveryEventOnOnePage() {
        JsonNode body = list("?limit=100");

        assertThat(ids(body)).isEqualTo(expected(e -> true));
        assertThat(pagination(body)).isEqualTo("{\"page\":1,\"limit\":100,\"total\":45,\"total_pages\":1}");
    }

    @Test
    void anEmptyEventNameOrLimitIsTakenAsAbsent() {
        JsonNode body = list("?event_name=&limit=&page=");

        assertThat(ids(body)).isEqualTo(expected(e -> true).subList(0, 20));
    }

    @Test
    void unknownQueryParametersAreIgnored() {
        JsonNode body = list("?cursor=abc&sort=created_at");

        assertThat(ids(body)).isEqualTo(expected(e -> true).subList(0, 20));
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "limit=0                                    | limit          | limit must be between 1 and 100, got 0",
        "limit=101                                  | limit          | limit must be between 1 and 100, got 101",
        "limit=-5                                   | limit          | limit must be between 1 and 100, got -5",
        "limit=ten                                  | limit          | limit must be an integer, got 'ten'",
        "limit=2.5                                  | limit          | limit must be an integer, got '2.5'",
        "page=0                                     | page           | page must be between 1 and 2147483647, got 0",
        "page=first                                 | page           | page must be an integer, got 'first'",
        "event_name=enrollment.cancelled            | event_name     | event_name must be one of ",
        "event_name=ENROLLMENT.ACCEPTED             | event_name     | got 'ENROLLMENT.ACCEPTED'",
        "resource_type=plan                         | resource_type  | resource_type must be one of ",
        "resource_id=                               | resource_id    | resource_id must not be empty",
        "created_after=yesterday                    | created_after  | created_after must be an ISO-8601 date-time",
        "created_after=2026-03-01                   | created_after  | got '2026-03-01'",
        "created_before=2026-03-01T00:00:00         | created_before | created_before must be an ISO-8601 date-time",
        "created_before=1772323200                  | created_before | got '1772323200'",
        "created_after=2026-03-02T00:00:00Z&created_before=2026-03-01T00:00:00Z | created_before | created_before must not be earlier than created_after",
    })
    void anInvalidParameterIsA400NamingIt(String query, String field, String message) {
        String body = expect(vitable.get("/v1/webhook-events?" + query, KEY_A), 400, "error");

        JsonNode error = Json.MAPPER.readTree(body).get("error");
        assertThat(error.get("code").asString()).isEqualTo("invalid_request");
        assertThat(error.get("message").asString()).startsWith(field).contains(message);
    }

    @Test
    void anUnknownEventNameIsRefusedWithTheAcceptedNames() {
        String body = expect(vitable.get("/v1/webhook-events?event_name=enrollment.cancelled", KEY_A), 400, "error");

        assertThat(body).contains("employee.deduction_created").contains("payroll_deduction.created");
    }

    @Test
    void aLimitOfZeroIsRefusedWithVitablesErrorEnvelope() {
        String body = expect(vitable.get("/v1/webhook-events?limit=0", KEY_A), 400, "error");

        assertThat(body).isEqualTo("{\"error\":{\"code\":\"invalid_request\",\"message\":\"limit must be between 1 and 100, got 0\"}}");
    }
}
