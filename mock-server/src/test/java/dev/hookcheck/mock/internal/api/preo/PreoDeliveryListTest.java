package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class PreoDeliveryListTest extends PreoApiTestBase {
    // created oldest → newest: D1 … D4; last attempt: D3 latest, then D1, D2; D4 never attempted
    private static final String D1 = guid(11);
    private static final String D2 = guid(12);
    private static final String D3 = guid(13);
    private static final String D4 = guid(14);

    private Endpoint mine;
    private Endpoint theirs;

    @BeforeEach
    void deliveries() {
        mine = putEndpoint(guid(1), ORG_A);
        Endpoint other = putEndpoint(guid(2), ORG_A);
        theirs = putEndpoint(guid(3), ORG_B);
        putDelivery(D1, mine, DeliveryStatus.DELIVERED, NOW.minusSeconds(400), NOW.minusSeconds(100));
        putDelivery(D2, mine, DeliveryStatus.FAILED, NOW.minusSeconds(300), NOW.minusSeconds(200));
        putDelivery(D3, mine, DeliveryStatus.RETRYING, NOW.minusSeconds(200), NOW.minusSeconds(50));
        putDelivery(D4, mine, DeliveryStatus.PENDING, NOW.minusSeconds(100), null);
        putDelivery(guid(21), other, DeliveryStatus.FAILED, NOW.minusSeconds(10), NOW.minusSeconds(5));
        putDelivery(guid(31), theirs, DeliveryStatus.FAILED, NOW.minusSeconds(10), NOW.minusSeconds(5));
    }

    private List<String> listIds(String query) {
        return ids(assertDeliveryList(get(deliveriesPath(mine) + query)));
    }

    @Test
    void theListHoldsTheEndpointsDeliveriesNewestFirst() {
        JsonNode list = assertDeliveryList(get(deliveriesPath(mine)));

        assertThat(list.get("count").intValue()).isEqualTo(4);
        assertThat(ids(list)).containsExactly(D4, D3, D2, D1);
    }

    @Test
    void anAttemptedDeliveryIsShownWithEveryField() {
        JsonNode d1 = assertDeliveryList(get(deliveriesPath(mine) + "?ordering=created")).get("results").get(0);

        assertThat(d1.get("id").stringValue()).isEqualTo(D1);
        assertThat(d1.get("event").stringValue()).isEqualTo("order.created");
        assertThat(d1.get("created").stringValue()).isEqualTo("2026-03-01T11:53:20Z");
        assertThat(d1.get("endpoint_id").stringValue()).isEqualTo(mine.id());
        assertThat(d1.get("status").stringValue()).isEqualTo("success");
        assertThat(d1.get("attempts").intValue()).isEqualTo(1);
        assertThat(d1.get("response_status_code").intValue()).isEqualTo(200);
        assertThat(d1.get("last_attempt_at").stringValue()).isEqualTo("2026-03-01T11:58:20Z");
        assertThat(d1.get("next_retry_at").isNull()).isTrue();
        assertThat(d1.get("signature").stringValue()).isEqualTo("t=1772366300,v1=" + "ab".repeat(32));
    }

    @Test
    void aDeliveryNotYetAttemptedHasNullAttemptFields() {
        JsonNode d4 = assertDeliveryList(get(deliveriesPath(mine) + "?status=pending")).get("results").get(0);

        assertThat(d4.get("attempts").intValue()).isZero();
        assertThat(d4.get("response_status_code").isNull()).isTrue();
        assertThat(d4.get("last_attempt_at").isNull()).isTrue();
        assertThat(d4.get("signature").isNull()).isTrue();
        assertThat(d4.get("next_retry_at").stringValue()).isEqualTo("2026-03-01T11:58:20Z");
    }

    @Test
    void theStatusFilterKeepsThatStatus() {
        assertThat(listIds("?status=failed")).containsExactly(D2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pending, 1", "success, 1", "failed, 1", "retrying, 1", "exhausted, 0"})
    void eachStatusFilterIsAccepted(String status, int count) {
        assertThat(assertDeliveryList(get(deliveriesPath(mine) + "?status=" + status)).get("count").intValue())
                .isEqualTo(count);
    }

    @Test
    void anUnknownStatusIsA400() {
        JsonNode errors = assertFieldErrors(get(deliveriesPath(mine) + "?status=delivered"), "status");

        assertThat(messages(errors, "status")).containsExactly("Select a valid choice. delivered is not one of the "
                + "available choices: pending, success, failed, retrying, exhausted.");
    }

    @ParameterizedTest(name = "ordering={0}")
    @CsvSource({
            "created,   11 12 13 14",
            "-created,  14 13 12 11",
            "modified,  12 11 13 14",
            "-modified, 14 13 11 12",
    })
    void eachOrderingSortsTheList(String ordering, String expected) {
        List<String> order = Arrays.stream(expected.split(" ")).map(n -> guid(Integer.parseInt(n))).toList();

        assertThat(listIds("?ordering=" + ordering)).containsExactlyElementsOf(order);
    }

    @Test
    void orderingByNameIsNotOfferedForDeliveries() {
        JsonNode errors = assertFieldErrors(get(deliveriesPath(mine) + "?ordering=name"), "ordering");

        assertThat(messages(errors, "ordering")).containsExactly(
                "Unknown ordering field \"name\"; use one of created, -created, modified, -modified.");
    }

    @Test
    void theStatusFilterOrderingAndPagingCombine() {
        putDelivery(guid(15), mine, DeliveryStatus.FAILED, NOW.minusSeconds(30), NOW.minusSeconds(20));
        putDelivery(guid(16), mine, DeliveryStatus.FAILED, NOW.minusSeconds(20), NOW.minusSeconds(10));

        JsonNode list = assertDeliveryList(get(deliveriesPath(mine) + "?status=failed&ordering=created&page_size=2"));

        assertThat(list.get("count").intValue()).isEqualTo(3);
        assertThat(ids(list)).containsExactly(D2, guid(15));
        assertThat(list.get("next").stringValue()).isEqualTo(server.baseUrl() + deliveriesPath(mine)
                + "?ordering=created&page=2&page_size=2&status=failed");
    }

    @Test
    void theLastPageLinksBackAndNotForward() {
        JsonNode list = assertDeliveryList(get(deliveriesPath(mine) + "?page=2&page_size=3"));

        assertThat(ids(list)).containsExactly(D1);
        assertThat(list.get("next").isNull()).isTrue();
        assertThat(list.get("previous").stringValue()).isEqualTo(server.baseUrl() + deliveriesPath(mine) + "?page_size=3");
    }

    @Test
    void aPagePastTheEndIsDrfsInvalidPage() {
        assertDetail(get(deliveriesPath(mine) + "?page=2"), 404, "Invalid page.");
    }

    @Test
    void anEndpointWithoutDeliveriesHasAnEmptyFirstPage() {
        Endpoint quiet = putEndpoint(guid(5), ORG_A);

        assertThat(assertDeliveryList(get(deliveriesPath(quiet))).toString())
                .isEqualTo("{\"count\":0,\"next\":null,\"previous\":null,\"results\":[]}");
    }

    @Test
    void everyBadParameterIsReportedAtOnce() {
        assertFieldErrors(get(deliveriesPath(mine) + "?status=x&ordering=-name&page=x&page_size=0&is_active=no"),
                "status", "ordering", "page", "page_size", "is_active");
    }

    @Test
    void endpointFiltersThatTheEndpointMatchesKeepAllItsDeliveries() {
        assertThat(listIds("?is_active=true&organization_id=" + ORG_A)).containsExactly(D4, D3, D2, D1);
    }

    @Test
    void anEndpointFilterThatTheEndpointDoesNotMatchKeepsNone() {
        assertThat(listIds("?is_active=false")).isEmpty();
        assertThat(listIds("?edition_id=ed-9")).isEmpty();
    }

    @Test
    void anIsActiveOtherThanTrueOrFalseIsA400OnDeliveriesToo() {
        assertFieldErrors(get(deliveriesPath(mine) + "?is_active=1"), "is_active");
    }

    @Test
    void endpointFiltersAndStatusCombine() {
        assertThat(listIds("?is_active=true&status=retrying")).containsExactly(D3);
    }

    @Test
    void theDeliveriesOfAnotherOrganizationsEndpointAreNotFound() {
        assertNotFound(get(deliveriesPath(theirs)));
    }

    @Test
    void theDeliveriesOfAnUnknownEndpointAreNotFound() {
        assertNotFound(get(WEBHOOKS + guid(99) + "/deliveries/"));
    }

    @Test
    void anUnknownEndpointIsNotFoundBeforeBadParametersAreReported() {
        assertNotFound(get(WEBHOOKS + guid(99) + "/deliveries/?status=x"));
    }

    @Test
    void thePayloadIsTheLastAttemptsBodyAsAString() {
        Delivery d1 = store.delivery(D1).orElseThrow();
        putAttempt(d1, "{\"id\":\"evt_sent\",\"event\":\"order.created\"}");

        JsonNode first = assertDeliveryList(get(deliveriesPath(mine) + "?ordering=created")).get("results").get(0);

        assertThat(first.get("payload").isString()).isTrue();
        assertThat(first.get("payload").stringValue()).isEqualTo("{\"id\":\"evt_sent\",\"event\":\"order.created\"}");
    }

    @Test
    void withoutAnAttemptThePayloadIsTheBodyTheFirstAttemptWillSend() {
        Delivery d4 = store.delivery(D4).orElseThrow();
        String eventId = d4.eventId();

        JsonNode payload = assertDeliveryList(get(deliveriesPath(mine) + "?status=pending")).get("results").get(0)
                .get("payload");

        JsonNode body = Json.MAPPER.readTree(payload.stringValue());
        assertThat(body.get("id").stringValue()).isEqualTo(eventId);
        assertThat(body.get("event").stringValue()).isEqualTo("order.created");
        assertThat(body.get("created").stringValue()).isEqualTo("2026-03-01T11:58:20Z");
        assertThat(body.get("data").isObject()).isTrue();
    }
}
