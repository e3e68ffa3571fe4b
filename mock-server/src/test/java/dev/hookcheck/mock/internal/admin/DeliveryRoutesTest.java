package dev.hookcheck.mock.internal.admin;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.hookcheck.mock.internal.admin.AdminClient.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

class DeliveryRoutesTest {
    private final AdminClient admin = AdminClient.start();
    private final WireMockServer receiver = new WireMockServer(WireMockConfiguration.options().dynamicPort());

    @BeforeEach
    void data() {
        receiver.start();
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withBody("ok")));
        admin.organization("org_dl_v", "vitable");
        admin.organization("org_dl_s", "standard");
        endpoint("wsub_dlA", "vitable", "org_dl_v");
        endpoint("wsub_dlB", "vitable", "org_dl_v");
        endpoint("ep_dlC", "standard", "org_dl_s");
        event("wevt_dl1", "vitable", "org_dl_v");
        event("wevt_dl2", "vitable", "org_dl_v");
        event("msg_dl3", "standard", "org_dl_s");
        delivery("wdlv_dl1", "wevt_dl1", "wsub_dlA", DeliveryStatus.DELIVERED, 3);
        delivery("wdlv_dl2", "wevt_dl1", "wsub_dlB", DeliveryStatus.FAILED, 2);
        delivery("wdlv_dl3", "wevt_dl2", "wsub_dlA", DeliveryStatus.RETRYING, 1);
        delivery("msg_dl4", "msg_dl3", "ep_dlC", DeliveryStatus.EXHAUSTED, 0);
        // stored out of order on purpose: the journal sorts a copy after its attempt
        admin.store().addAttempt(attemptOf("wdlv_dl1", "wdlv_dl1.2", 2, 200, null, "duplicate 2 of 2 (sequential)", null)
                .asCopy(2));
        attempt("wdlv_dl1", "wdlv_dl1.1", 1, 500, null, null, NOW.minusSeconds(120));
        attempt("wdlv_dl1", "wdlv_dl1.2", 2, 200, null, "duplicate 1 of 2 (sequential)", null);
        attempt("wdlv_dl2", "wdlv_dl2.1", 1, null, "dropped", "drop (never sent)", null);
    }

    @AfterEach
    void close() {
        admin.close();
        receiver.stop();
    }

    private void endpoint(String id, String profile, String organization) {
        admin.store().putEndpoint(new Endpoint(id, profile, organization, "http://localhost:" + receiver.port() + "/hook", null,
                null, List.of("*"), true, null, null, List.of(Secret.of(profile.equals("standard")
                        ? "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" : "vitable_whsec_test")), NOW, NOW, null));
    }

    private void event(String id, String profile, String organization) {
        admin.store().addEvent(new Event(id, profile, organization, profile.equals("vitable") ? "enrollment.accepted" : "invoice.paid",
                profile.equals("vitable") ? "enrollment" : "invoice", "res_" + id, NOW.minusSeconds(600), "{}"));
    }

    private void delivery(String id, String eventId, String endpointId, DeliveryStatus status, int minutesAgo) {
        Event event = admin.store().event(eventId).orElseThrow();
        Instant created = NOW.minusSeconds(60L * minutesAgo);
        boolean finished = status.isFinal();
        admin.store().putDelivery(new Delivery(id, event.profile(), event.organizationId(), eventId, endpointId, status, 1, created,
                created, status == DeliveryStatus.DELIVERED ? created : null,
                finished && status != DeliveryStatus.DELIVERED ? created : null,
                status == DeliveryStatus.FAILED ? "dropped" : status == DeliveryStatus.EXHAUSTED ? "max_attempts" : "", created,
                status == DeliveryStatus.RETRYING ? NOW.plusSeconds(60) : null, null, null));
    }

    private void attempt(String deliveryId, String id, int number, Integer status, String error, String injected, Instant next) {
        admin.store().addAttempt(attemptOf(deliveryId, id, number, status, error, injected, next));
    }

    private AttemptRecord attemptOf(String deliveryId, String id, int number, Integer status, String error, String injected,
            Instant next) {
        Delivery delivery = admin.store().delivery(deliveryId).orElseThrow();
        return new AttemptRecord(id, deliveryId, delivery.endpointId(), delivery.eventId(),
                delivery.organizationId(), delivery.profile(), number, NOW.minusSeconds(300L - 60L * number), null,
                Map.of("Content-Type", "application/json", "X-Vitable-Signature", "sha512=00"), "{\"event_id\":\"" + delivery.eventId() + "\"}",
                status, status == null ? Map.of() : Map.of("content-type", "text/plain"), status == null ? null : "answer",
                status == null ? 0 : 12, error, status != null && status == 200, next, injected);
    }

    private static List<String> ids(JsonNode list) {
        return list.get("deliveries").valueStream().map(d -> d.get("id").stringValue()).toList();
    }

    private JsonNode list(String query) {
        return admin.get("/__admin/deliveries" + query).expect(200, "delivery-list");
    }

    // GET /__admin/deliveries

    @Test
    void listsDeliveriesNewestFirst() {
        List<String> all = ids(list("?limit=1000"));

        assertThat(all.stream().filter(id -> id.contains("_dl")).toList())
                .containsExactly("msg_dl4", "wdlv_dl3", "wdlv_dl2", "wdlv_dl1");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "?profile=standard&endpointId=ep_dlC | msg_dl4",
            "?endpointId=wsub_dlA | wdlv_dl3 wdlv_dl1",
            "?eventId=wevt_dl1 | wdlv_dl2 wdlv_dl1",
            "?status=retrying&eventId=wevt_dl2 | wdlv_dl3",
            "?profile=vitable&eventId=wevt_dl1&status=failed | wdlv_dl2",
            "?endpointId=wsub_dlA&status=delivered | wdlv_dl1",
            "?profile=standard&eventId=wevt_dl1 | ''"})
    void filtersAloneAndCombined(String query, String expected) {
        JsonNode found = list(query);

        List<String> wanted = expected.isEmpty() ? List.of() : List.of(expected.split(" "));
        assertThat(ids(found)).containsExactlyElementsOf(wanted);
        assertThat(found.get("total").intValue()).isEqualTo(wanted.size());
    }

    @Test
    void pagesWithLimitAndOffset() {
        assertThat(ids(list("?endpointId=wsub_dlA&limit=1"))).containsExactly("wdlv_dl3");
        JsonNode last = list("?endpointId=wsub_dlA&limit=1&offset=1");
        assertThat(ids(last)).containsExactly("wdlv_dl1");
        assertThat(last.get("total").intValue()).isEqualTo(2);
        JsonNode past = list("?endpointId=wsub_dlA&offset=5");
        assertThat(ids(past)).isEmpty();
        assertThat(past.get("total").intValue()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"limit=0, limit", "limit=1001, limit", "offset=-1, offset", "limit=ten, limit", "status=done, status",
            "profile=acme, profile"})
    void refusesABadQueryParameter(String query, String field) {
        admin.get("/__admin/deliveries?" + query).expectInvalid(field);
    }

    // GET /__admin/deliveries/{id} and /attempts

    @Test
    void showsOneDelivery() {
        JsonNode delivery = admin.get("/__admin/deliveries/wdlv_dl3").expect(200, "delivery");

        assertThat(delivery.get("status").stringValue()).isEqualTo("retrying");
        assertThat(delivery.get("nextAttemptAt").stringValue()).isEqualTo(NOW.plusSeconds(60).toString());
    }

    @Test
    void anUnknownDeliveryIsNotFound() {
        admin.get("/__admin/deliveries/wdlv_nope").expectError(404, "not_found", null);
        admin.get("/__admin/deliveries/wdlv_nope/attempts").expectError(404, "not_found", null);
        admin.post("/__admin/deliveries/wdlv_nope/retry", null).expectError(404, "not_found", null);
    }

    @Test
    void theJournalShowsEachAttemptAsSentAndAnsweredWithCopiesAfterTheirAttempt() {
        JsonNode attempts = admin.get("/__admin/deliveries/wdlv_dl1/attempts").expect(200, "attempt-list").get("attempts");

        assertThat(attempts.valueStream().map(a -> a.get("id").stringValue()))
                .containsExactly("wdlv_dl1.1", "wdlv_dl1.2", "wdlv_dl1.2.copy2");
        JsonNode first = attempts.get(0);
        assertThat(first.get("number").intValue()).isEqualTo(1);
        assertThat(first.get("request").get("headers").get("X-Vitable-Signature").stringValue()).isEqualTo("sha512=00");
        assertThat(first.get("request").get("body").stringValue()).isEqualTo("{\"event_id\":\"wevt_dl1\"}");
        assertThat(first.get("response").get("status").intValue()).isEqualTo(500);
        assertThat(first.get("response").get("body").stringValue()).isEqualTo("answer");
        assertThat(first.get("succeeded").booleanValue()).isFalse();
        assertThat(first.get("injected").isNull()).isTrue();
        assertThat(first.get("nextAttemptAt").stringValue()).isEqualTo(NOW.minusSeconds(120).toString());
        assertThat(attempts.get(2).get("injected").stringValue()).isEqualTo("duplicate 2 of 2 (sequential)");
    }

    @Test
    void anAttemptThatGotNoAnswerHasNoResponseAndSaysWhy() {
        JsonNode attempt = admin.get("/__admin/deliveries/wdlv_dl2/attempts").expect(200, "attempt-list").get("attempts").get(0);

        assertThat(attempt.get("response").isNull()).isTrue();
        assertThat(attempt.get("error").stringValue()).isEqualTo("dropped");
        assertThat(attempt.get("injected").stringValue()).isEqualTo("drop (never sent)");
    }

    // POST /__admin/deliveries/{id}/retry and GET /__admin/deliveries/await

    @Test
    void aFinishedDeliveryGetsAnExtraAttemptByHandMarkedManualAndCanBeAwaited() {
        JsonNode answer = admin.post("/__admin/deliveries/wdlv_dl2/retry", null).expect(202, "delivery");
        assertThat(answer.get("status").stringValue()).isEqualTo("failed");

        JsonNode delivered = admin.get("/__admin/deliveries/await?count=1&endpointId=wsub_dlB&status=delivered&timeoutMs=10000")
                .expect(200, "delivery-list");

        assertThat(ids(delivered)).containsExactly("wdlv_dl2");
        JsonNode delivery = delivered.get("deliveries").get(0);
        assertThat(delivery.get("attempts").intValue()).isEqualTo(2);
        assertThat(delivery.get("scheduledAttempts").intValue()).isEqualTo(1);
        assertThat(delivery.get("manualAttempts").intValue()).isEqualTo(1);
        JsonNode attempts = admin.get("/__admin/deliveries/wdlv_dl2/attempts").expect(200, "attempt-list").get("attempts");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(1).get("trigger").stringValue()).isEqualTo("manual");
        assertThat(attempts.get(1).get("scheduled").booleanValue()).isFalse();
        assertThat(attempts.get(1).get("response").get("status").intValue()).isEqualTo(200);
        assertThat(attempts.get(1).get("response").get("body").stringValue()).isEqualTo("ok");
        assertThat(attempts.get(1).get("request").get("headers").has("X-Vitable-Signature")).isTrue();
        assertThat(attempts.get(1).get("request").get("url").stringValue()).isEqualTo("http://localhost:" + receiver.port() + "/hook");
        assertThat(attempts.get(0).get("trigger").stringValue()).isEqualTo("schedule");
    }

    @Test
    void aRetryingDeliveryGetsAnExtraAttemptByHandWithoutWaitingForItsSchedule() {
        receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(503)));

        admin.post("/__admin/deliveries/wdlv_dl3/retry", null).expect(202, "delivery");

        JsonNode attempts = awaitAttempts("wdlv_dl3", 1);
        assertThat(attempts.get(0).get("response").get("status").intValue()).isEqualTo(503);
        JsonNode delivery = admin.get("/__admin/deliveries/wdlv_dl3").expect(200, "delivery");
        assertThat(delivery.get("status").stringValue()).isEqualTo("retrying");
        assertThat(delivery.get("nextAttemptAt").stringValue()).isEqualTo(NOW.plusSeconds(60).toString());
        assertThat(delivery.get("manualAttempts").intValue()).isEqualTo(1);
    }

    @Test
    void aDeliveryWithAnAttemptInFlightIsNotRetriedByHand() {
        admin.store().updateDelivery("wdlv_dl3", d -> new Delivery(d.id(), d.profile(), d.organizationId(), d.eventId(),
                d.endpointId(), DeliveryStatus.IN_PROGRESS, d.attempts(), d.createdAt(), d.startedAt(), null, null, "",
                d.lastAttemptAt(), null, null, null));

        String title = admin.post("/__admin/deliveries/wdlv_dl3/retry", null).expectError(409, "conflict", null);

        assertThat(title).contains("in flight");
    }

    @Test
    void aDeliveryToADisabledEndpointIsNotRetriedByHandAndSaysHowToEnableIt() {
        admin.store().updateEndpoint("wsub_dlB", e -> e.withEnabled(false, "test", NOW));

        String title = admin.post("/__admin/deliveries/wdlv_dl2/retry", null).expectError(409, "conflict", null);

        assertThat(title).contains("disabled", "PATCH /__admin/endpoints/wsub_dlB");
    }

    @Test
    void theNextScheduledAttemptOfARetryingDeliveryIsMadeNowByHand() {
        JsonNode answer = admin.post("/__admin/deliveries/wdlv_dl3/deliver-next", null).expect(202, "delivery");
        assertThat(answer.get("status").stringValue()).isEqualTo("retrying");

        admin.get("/__admin/deliveries/await?count=1&eventId=wevt_dl2&status=delivered&timeoutMs=10000").expect(200, "delivery-list");

        JsonNode attempt = awaitAttempts("wdlv_dl3", 1).get(0);
        assertThat(attempt.get("trigger").stringValue()).isEqualTo("manual");
        assertThat(attempt.get("scheduled").booleanValue()).isTrue();
        assertThat(attempt.get("sentAt").stringValue()).isEqualTo(NOW.toString());
    }

    @Test
    void aDeliveryWithNoAttemptScheduledHasNoNextAttemptToMakeNow() {
        String title = admin.post("/__admin/deliveries/wdlv_dl1/deliver-next", null).expectError(409, "conflict", null);

        assertThat(title).contains("delivered", "with no attempt scheduled", "/retry");
    }

    @Test
    void everyFailedDeliveryOfAProfileIsRetriedByHandAtOnce() {
        JsonNode answer = admin.post("/__admin/deliveries/retry-failed", "{\"profile\":\"vitable\"}").expect(202, "retry-failed");

        assertThat(answer.get("deliveries").valueStream().map(JsonNode::stringValue).toList()).containsExactly("wdlv_dl2");
        admin.get("/__admin/deliveries/await?count=1&endpointId=wsub_dlB&status=delivered&timeoutMs=10000").expect(200, "delivery-list");
        assertThat(admin.store().delivery("msg_dl4").orElseThrow().status()).isEqualTo(DeliveryStatus.EXHAUSTED);
    }

    private JsonNode awaitAttempts(String deliveryId, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            JsonNode attempts = admin.get("/__admin/deliveries/" + deliveryId + "/attempts").expect(200, "attempt-list").get("attempts");
            if (attempts.size() >= count && !admin.store().delivery(deliveryId).orElseThrow().status().equals(DeliveryStatus.IN_PROGRESS)) {
                return attempts;
            }
            assertThat(System.nanoTime()).as("%s attempts of %s within 10 s", count, deliveryId).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    @ParameterizedTest(name = "q={0}")
    @CsvSource(delimiter = '|', value = {
        "wdlv_dl3 | wdlv_dl3",
        "ENROLLMENT.accepted | wdlv_dl3, wdlv_dl2, wdlv_dl1",
        "res_msg_dl3 | msg_dl4",
        "ep_dlC | msg_dl4",
        "wdlv_dl1.2 | wdlv_dl1",
    })
    void searchFindsDeliveriesByIdEventTypeResourceEndpointAndAttempt(String q, String expected) {
        List<String> found = ids(list("?limit=1000&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(found).containsExactly(expected.split(", "));
    }

    @Test
    void searchFindsDeliveriesByTheirEventsBodyText() {
        admin.store().addEvent(new Event("msg_dl9", "standard", "org_dl_s", "invoice.paid", "invoice", "res_9", NOW.minusSeconds(5),
                "{\"customer\":\"Ada Lovelace\"}"));
        admin.store().putDelivery(Delivery.pending("msg_dl9d", "standard", "org_dl_s", "msg_dl9", "ep_dlC", NOW));

        assertThat(ids(list("?q=lovelace"))).containsExactly("msg_dl9d");
    }

    @Test
    void awaitAnswersAtOnceWhenEnoughDeliveriesAlreadyMatch() {
        JsonNode found = admin.get("/__admin/deliveries/await?count=2&eventId=wevt_dl1").expect(200, "delivery-list");

        assertThat(ids(found)).containsExactly("wdlv_dl1", "wdlv_dl2");
        assertThat(found.get("total").intValue()).isEqualTo(2);
    }

    @Test
    void awaitAnswers408WhenTheDeliveriesDoNotComeInTime() {
        String title = admin.get("/__admin/deliveries/await?count=3&eventId=wevt_dl1&timeoutMs=50")
                .expectError(408, "timeout", null);

        assertThat(title).contains("3").contains("saw 2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"'', count", "count=0, count", "count=1001, count", "count=1&timeoutMs=60001, timeoutMs",
            "count=1&timeoutMs=-1, timeoutMs", "count=1&status=gone, status", "count=1&profile=acme, profile"})
    void awaitRefusesABadQueryParameter(String query, String field) {
        admin.get("/__admin/deliveries/await?" + query).expectInvalid(field);
    }
}
