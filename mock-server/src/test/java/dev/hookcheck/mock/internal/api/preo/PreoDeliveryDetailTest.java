package dev.hookcheck.mock.internal.api.preo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/** One delivery, and retrying it. */
class PreoDeliveryDetailTest extends PreoApiTestBase {
    private Endpoint mine;
    private Endpoint sibling;
    private Endpoint theirs;

    @BeforeEach
    void endpoints() {
        mine = putEndpoint(guid(1), ORG_A);
        sibling = putEndpoint(guid(2), ORG_A);
        theirs = putEndpoint(guid(3), ORG_B);
    }

    private static String deliveryPath(Endpoint endpoint, String deliveryId) {
        return deliveriesPath(endpoint) + deliveryId + "/";
    }

    private Response retry(Endpoint endpoint, String deliveryId) {
        return post(deliveryPath(endpoint, deliveryId) + "retry/", null);
    }

    // GET

    @Test
    void aDeliveryIsShownWithItsEventAndStatus() {
        putDelivery(guid(11), mine, DeliveryStatus.EXHAUSTED, NOW.minusSeconds(600), NOW.minusSeconds(60));

        JsonNode delivery = assertDelivery(get(deliveryPath(mine, guid(11))));

        assertThat(delivery.get("id").stringValue()).isEqualTo(guid(11));
        assertThat(delivery.get("endpoint_id").stringValue()).isEqualTo(mine.id());
        assertThat(delivery.get("event").stringValue()).isEqualTo("order.created");
        assertThat(delivery.get("status").stringValue()).isEqualTo("exhausted");
        assertThat(delivery.get("response_status_code").intValue()).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"PENDING, pending", "IN_PROGRESS, pending", "RETRYING, retrying", "DELIVERED, success",
            "FAILED, failed", "EXHAUSTED, exhausted"})
    void eachStoredStatusHasItsPreoName(DeliveryStatus status, String name) {
        putDelivery(guid(11), mine, status, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertThat(assertDelivery(get(deliveryPath(mine, guid(11)))).get("status").stringValue()).isEqualTo(name);
    }

    @Test
    void aFinalDeliveryHasNoNextRetry() {
        putDelivery(guid(11), mine, DeliveryStatus.DELIVERED, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertThat(assertDelivery(get(deliveryPath(mine, guid(11)))).get("next_retry_at").isNull()).isTrue();
    }

    @Test
    void aRetryingDeliveryShowsWhenItsNextAttemptIsDue() {
        putDelivery(guid(11), mine, DeliveryStatus.RETRYING, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertThat(assertDelivery(get(deliveryPath(mine, guid(11)))).get("next_retry_at").stringValue())
                .isEqualTo("2026-03-01T12:00:00Z");
    }

    @Test
    void anUnknownDeliveryIsNotFound() {
        assertNotFound(get(deliveryPath(mine, guid(99))));
    }

    @Test
    void aDeliveryOfAnotherEndpointIsNotFoundUnderThisOne() {
        putDelivery(guid(21), sibling, DeliveryStatus.FAILED, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertNotFound(get(deliveryPath(mine, guid(21))));
    }

    @Test
    void aDeliveryOfAnotherOrganizationIsNotFound() {
        putDelivery(guid(31), theirs, DeliveryStatus.FAILED, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertNotFound(get(deliveryPath(theirs, guid(31))));
    }

    // retry

    @ParameterizedTest
    @CsvSource({"FAILED", "EXHAUSTED"})
    void aDeliveryThatGaveUpIsRetriedAndShownPending(DeliveryStatus status) {
        putDelivery(guid(11), mine, status, NOW.minusSeconds(600), NOW.minusSeconds(60));

        JsonNode retried = assertDelivery(retry(mine, guid(11)));

        assertThat(retried.get("status").stringValue()).isEqualTo("pending");
        assertThat(retried.get("next_retry_at").stringValue()).isEqualTo("2026-03-01T12:00:00Z");
    }

    @Test
    void aRetriedDeliveryKeepsItsHistory() {
        putDelivery(guid(11), mine, DeliveryStatus.FAILED, NOW.minusSeconds(600), NOW.minusSeconds(60));

        JsonNode retried = assertDelivery(retry(mine, guid(11)));

        assertThat(retried.get("attempts").intValue()).isEqualTo(1);
        assertThat(retried.get("last_attempt_at").stringValue()).isEqualTo("2026-03-01T11:59:00Z");
        assertThat(retried.get("created").stringValue()).isEqualTo("2026-03-01T11:50:00Z");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"PENDING, pending", "IN_PROGRESS, pending", "RETRYING, retrying", "DELIVERED, success"})
    void aDeliveryThatHasNotGivenUpCannotBeRetriedAndStaysAsItIs(DeliveryStatus status, String name) {
        Delivery before = putDelivery(guid(11), mine, status, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertDetail(retry(mine, guid(11)), 400,
                "Only failed or exhausted deliveries can be retried; this delivery is " + name + ".");
        assertThat(store.delivery(guid(11)).orElseThrow()).isEqualTo(before);
    }

    @Test
    void retryingAnUnknownDeliveryIsNotFound() {
        assertNotFound(retry(mine, guid(99)));
    }

    @Test
    void retryingADeliveryOfAnotherEndpointIsNotFoundAndChangesNothing() {
        Delivery before = putDelivery(guid(21), sibling, DeliveryStatus.FAILED, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertNotFound(retry(mine, guid(21)));
        assertThat(store.delivery(guid(21)).orElseThrow()).isEqualTo(before);
    }

    @Test
    void retryingADeliveryOfAnotherOrganizationIsNotFoundAndChangesNothing() {
        Delivery before = putDelivery(guid(31), theirs, DeliveryStatus.FAILED, NOW.minusSeconds(600), NOW.minusSeconds(60));

        assertNotFound(retry(theirs, guid(31)));
        assertThat(store.delivery(guid(31)).orElseThrow()).isEqualTo(before);
    }
}
