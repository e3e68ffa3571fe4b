package dev.hookcheck.mock.internal.api.dfns;

import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.ORG_A;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.ORG_B;
import static dev.hookcheck.mock.internal.api.dfns.DfnsFixture.START;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** GET /webhooks/{webhookId}/events and /events/{webhookEventId}: one webhook event per delivery attempt. */
class DfnsWebhookEventsTest {
    private static final String WALLET = "{\"wallet\":{\"id\":\"wa-11111-22222-3333333333333333\",\"network\":\"Ethereum\"}}";
    private static final String TRANSFER = "{\"transferRequest\":{\"id\":\"xfr-11111-22222-3333333333333333\",\"status\":\"Confirmed\"}}";

    private final DfnsFixture dfns = new DfnsFixture();
    private final Endpoint webhook = dfns.addWebhook(ORG_A);

    @AfterEach
    void close() {
        dfns.close();
    }

    private String events(String query) {
        return "/webhooks/" + webhook.id() + "/events" + query;
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.path("items").forEach(item -> ids.add(item.path("id").stringValue()));
        return ids;
    }

    private Instant minutesAgo(int minutes) {
        return START.minus(Duration.ofMinutes(minutes));
    }

    /** One delivered attempt of a new event of {@code kind}, sent {@code minutesAgo} minutes before START. */
    private AttemptRecord delivered(String kind, int minutesAgo) {
        Event event = dfns.addEvent(ORG_A, kind, minutesAgo(minutesAgo + 1), WALLET);
        return dfns.addAttempt(webhook, event, 1, minutesAgo(minutesAgo), 200, null, null, null);
    }

    private AttemptRecord failed(String kind, int minutesAgo) {
        Event event = dfns.addEvent(ORG_A, kind, minutesAgo(minutesAgo + 1), WALLET);
        return dfns.addAttempt(webhook, event, 1, minutesAgo(minutesAgo), 500, null, null, minutesAgo(minutesAgo - 1));
    }

    // mapping

    @Test
    void aDeliveredAttemptIsAWebhookEventWithTheEventsKindDateAndData() {
        Event event = dfns.addEvent(ORG_A, "wallet.transfer.confirmed", Instant.parse("2026-03-01T11:58:00.123Z"), TRANSFER);
        AttemptRecord attempt = dfns.addAttempt(webhook, event, 1, Instant.parse("2026-03-01T11:58:01Z"), 200, null,
                null, null);

        JsonNode item = dfns.get(events("/" + attempt.id())).expect(200, "webhook-event");

        assertThat(item.toString()).isEqualTo("{\"id\":\"" + attempt.id() + "\",\"kind\":\"wallet.transfer.confirmed\","
                + "\"date\":\"2026-03-01T11:58:00.123Z\",\"deliveryFailed\":false,\"deliveryAttempt\":1,"
                + "\"timestampSent\":" + Instant.parse("2026-03-01T11:58:01Z").getEpochSecond() + ",\"status\":\"200\","
                + "\"data\":" + TRANSFER + "}");
    }

    @Test
    void aFailedRetryShowsItsErrorRetryOfAndNextAttemptDate() {
        Event event = dfns.addEvent(ORG_A, "wallet.created", minutesAgo(20), WALLET);
        AttemptRecord first = dfns.addAttempt(webhook, event, 1, minutesAgo(20), 500, null, null, minutesAgo(19));
        AttemptRecord second = dfns.addAttempt(webhook, event, 2, minutesAgo(19), 503, null, first.id(), minutesAgo(8));

        JsonNode item = dfns.get(events("/" + second.id())).expect(200, "webhook-event");

        assertThat(item.path("deliveryFailed").booleanValue()).isTrue();
        assertThat(item.path("deliveryAttempt").intValue()).isEqualTo(2);
        assertThat(item.path("status").stringValue()).isEqualTo("503");
        assertThat(item.path("error").stringValue()).isEqualTo("HTTP 503");
        assertThat(item.path("retryOf").stringValue()).isEqualTo(first.id());
        assertThat(item.path("nextAttemptDate").stringValue()).isEqualTo("2026-03-01T11:52:00.000Z");
    }

    @Test
    void anAttemptWithoutAnswerShowsTheErrorCodeAsStatus() {
        Event event = dfns.addEvent(ORG_A, "key.created", minutesAgo(3), "{\"key\":{\"id\":\"key-11111-22222-3333333333333333\"}}");
        AttemptRecord attempt = dfns.addAttempt(webhook, event, 1, minutesAgo(3), null, "timeout", null, minutesAgo(2));

        JsonNode item = dfns.get(events("/" + attempt.id())).expect(200, "webhook-event");

        assertThat(item.path("status").stringValue()).isEqualTo("timeout");
        assertThat(item.path("error").stringValue()).isEqualTo("no answer before the timeout");
        assertThat(item.path("deliveryFailed").booleanValue()).isTrue();
    }

    @Test
    void a2xxOtherThan200IsAFailedDelivery() {
        Event event = dfns.addEvent(ORG_A, "wallet.created", minutesAgo(3), WALLET);
        AttemptRecord attempt = dfns.addAttempt(webhook, event, 1, minutesAgo(3), 204, null, null, minutesAgo(2));

        JsonNode item = dfns.get(events("/" + attempt.id())).expect(200, "webhook-event");

        assertThat(item.path("status").stringValue()).isEqualTo("204");
        assertThat(item.path("deliveryFailed").booleanValue()).isTrue();
        assertThat(item.path("error").stringValue()).isEqualTo("HTTP 204");
    }

    // list

    @Test
    void listReturnsTheWebhooksAttemptsNewestFirst() {
        AttemptRecord oldest = delivered("wallet.created", 30);
        AttemptRecord middle = failed("key.created", 20);
        AttemptRecord newest = delivered("policy.triggered", 10);
        Endpoint other = dfns.addWebhook(ORG_A);
        dfns.addAttempt(other, dfns.addEvent(ORG_A, "wallet.created", minutesAgo(5), WALLET), 1, minutesAgo(5), 200,
                null, null, null);

        JsonNode list = dfns.get(events("")).expect(200, "webhook-event-list");

        assertThat(ids(list)).containsExactly(newest.id(), middle.id(), oldest.id());
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void attemptsSentAtTheSameMomentAreOrderedById() {
        AttemptRecord a = delivered("wallet.created", 10);
        AttemptRecord b = delivered("wallet.created", 10);

        JsonNode list = dfns.get(events("")).expect(200, "webhook-event-list");

        List<String> expected = a.id().compareTo(b.id()) > 0 ? List.of(a.id(), b.id()) : List.of(b.id(), a.id());
        assertThat(ids(list)).containsExactlyElementsOf(expected);
    }

    @Test
    void listOfAWebhookWithoutAttemptsIsEmpty() {
        JsonNode list = dfns.get(events("")).expect(200, "webhook-event-list");

        assertThat(list.path("items").isEmpty()).isTrue();
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void kindFiltersByTheEventsKind() {
        delivered("wallet.created", 30);
        AttemptRecord key = delivered("key.created", 20);
        failed("wallet.created", 10);

        JsonNode list = dfns.get(events("?kind=key.created")).expect(200, "webhook-event-list");

        assertThat(ids(list)).containsExactly(key.id());
    }

    @Test
    void deliveryFailedTrueKeepsOnlyFailedAttempts() {
        delivered("wallet.created", 30);
        AttemptRecord failedOne = failed("wallet.created", 20);
        delivered("key.created", 10);

        JsonNode list = dfns.get(events("?deliveryFailed=true")).expect(200, "webhook-event-list");

        assertThat(ids(list)).containsExactly(failedOne.id());
    }

    @Test
    void deliveryFailedFalseKeepsOnlyDeliveredAttempts() {
        AttemptRecord first = delivered("wallet.created", 30);
        failed("wallet.created", 20);
        AttemptRecord last = delivered("key.created", 10);

        JsonNode list = dfns.get(events("?deliveryFailed=false")).expect(200, "webhook-event-list");

        assertThat(ids(list)).containsExactly(last.id(), first.id());
    }

    @Test
    void kindAndDeliveryFailedCombine() {
        delivered("wallet.created", 40);
        AttemptRecord match = failed("wallet.created", 30);
        failed("key.created", 20);
        delivered("key.created", 10);

        JsonNode list = dfns.get(events("?kind=wallet.created&deliveryFailed=true&limit=5")).expect(200, "webhook-event-list");

        assertThat(ids(list)).containsExactly(match.id());
    }

    @Test
    void filtersThatMatchNothingGiveAnEmptyList() {
        delivered("wallet.created", 10);

        JsonNode list = dfns.get(events("?kind=payout.action.required")).expect(200, "webhook-event-list");

        assertThat(list.path("items").isEmpty()).isTrue();
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void listPagesNewestFirstUntilTheLastPage() {
        List<String> newestFirst = new ArrayList<>();
        for (int minutes = 10; minutes <= 50; minutes += 10) {
            newestFirst.add(delivered("wallet.created", minutes).id());
        }

        JsonNode first = dfns.get(events("?limit=2")).expect(200, "webhook-event-list");
        JsonNode second = dfns.get(events("?limit=2&paginationToken=" + first.path("nextPageToken").stringValue()))
                .expect(200, "webhook-event-list");
        JsonNode last = dfns.get(events("?limit=2&paginationToken=" + second.path("nextPageToken").stringValue()))
                .expect(200, "webhook-event-list");

        assertThat(ids(first)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        assertThat(ids(last)).containsExactlyElementsOf(newestFirst.subList(4, 5));
        assertThat(last.has("nextPageToken")).isFalse();
    }

    @Test
    void paginationKeepsTheFilters() {
        AttemptRecord newest = failed("wallet.created", 10);
        delivered("wallet.created", 20);
        AttemptRecord older = failed("wallet.created", 30);
        failed("key.created", 40);

        JsonNode first = dfns.get(events("?deliveryFailed=true&kind=wallet.created&limit=1")).expect(200, "webhook-event-list");
        JsonNode second = dfns.get(events("?deliveryFailed=true&kind=wallet.created&limit=1&paginationToken="
                + first.path("nextPageToken").stringValue())).expect(200, "webhook-event-list");

        assertThat(ids(first)).containsExactly(newest.id());
        assertThat(ids(second)).containsExactly(older.id());
        assertThat(second.has("nextPageToken")).isFalse();
    }

    @Test
    void aPageThatEndsExactlyAtTheOldestAttemptHasNoNextPageToken() {
        delivered("wallet.created", 10);
        delivered("wallet.created", 20);

        JsonNode list = dfns.get(events("?limit=2")).expect(200, "webhook-event-list");

        assertThat(list.path("items")).hasSize(2);
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void theSameTokenGivesTheSamePageEvenAfterNewAttemptsArrive() {
        delivered("wallet.created", 30);
        AttemptRecord second = delivered("wallet.created", 20);
        delivered("wallet.created", 10);
        String token = dfns.get(events("?limit=1")).expect(200, "webhook-event-list").path("nextPageToken").stringValue();
        String once = dfns.get(events("?limit=1&paginationToken=" + token)).body();
        delivered("key.created", 1);

        JsonNode twice = dfns.get(events("?limit=1&paginationToken=" + token)).expect(200, "webhook-event-list");

        assertThat(twice.toString()).isEqualTo(once);
        assertThat(ids(twice)).containsExactly(second.id());
    }

    @Test
    void aTokenPastTheEndGivesAnEmptyLastPage() {
        AttemptRecord only = delivered("wallet.created", 10);
        String pastTheEnd = PageToken.eventsAfter(only);

        JsonNode list = dfns.get(events("?paginationToken=" + pastTheEnd)).expect(200, "webhook-event-list");

        assertThat(list.path("items").isEmpty()).isTrue();
        assertThat(list.has("nextPageToken")).isFalse();
    }

    @Test
    void limitAcceptsItsBoundsAndDefaultsTo100() {
        for (int i = 0; i < 101; i++) {
            delivered("wallet.created", 200 - i);
        }

        JsonNode byDefault = dfns.get(events("")).expect(200, "webhook-event-list");
        JsonNode one = dfns.get(events("?limit=1")).expect(200, "webhook-event-list");
        JsonNode max = dfns.get(events("?limit=200")).expect(200, "webhook-event-list");

        assertThat(byDefault.path("items")).hasSize(100);
        assertThat(byDefault.has("nextPageToken")).isTrue();
        assertThat(one.path("items")).hasSize(1);
        assertThat(max.path("items")).hasSize(101);
        assertThat(max.has("nextPageToken")).isFalse();
    }

    @ParameterizedTest(name = "limit={0}")
    @ValueSource(strings = {"0", "201", "-5", "many"})
    void anOutOfRangeOrNonIntegerLimitIsA400NamingLimit(String limit) {
        String error = dfns.get(events("?limit=" + limit)).expectError(400);

        assertThat(error).startsWith("limit must be");
    }

    @ParameterizedTest(name = "kind={0}")
    @ValueSource(strings = {"wallet.eaten", "*", "WALLET.CREATED"})
    void anUnknownKindIsA400NamingKind(String kind) {
        String error = dfns.get(events("?kind=" + kind)).expectError(400);

        assertThat(error).startsWith("kind must be one of");
    }

    @ParameterizedTest(name = "deliveryFailed={0}")
    @ValueSource(strings = {"yes", "1", "TRUE"})
    void aDeliveryFailedOtherThanTrueOrFalseIsA400NamingIt(String value) {
        String error = dfns.get(events("?deliveryFailed=" + value)).expectError(400);

        assertThat(error).startsWith("deliveryFailed must be true or false");
    }

    @ParameterizedTest(name = "paginationToken={0}")
    @ValueSource(strings = {"%25%25", "ZXZlbnRzOg", "ZXZlbnRzOm5vdC1hLWRhdGV8d2hlLXg", "d2ViaG9va3M6MQ"})
    void aGarbledPaginationTokenIsA400NamingIt(String token) {
        String error = dfns.get(events("?paginationToken=" + token)).expectError(400);

        assertThat(error).startsWith("paginationToken is not a token this list returned");
    }

    // retention

    @Test
    void attemptsSent31DaysAgoOrEarlierAreGoneFromListAndGet() {
        Instant kept = START.minus(Duration.ofDays(31)).plusMillis(1);
        Instant gone = START.minus(Duration.ofDays(31));
        AttemptRecord keptAttempt = dfns.addAttempt(webhook, dfns.addEvent(ORG_A, "wallet.created", kept, WALLET), 1,
                kept, 200, null, null, null);
        AttemptRecord goneAttempt = dfns.addAttempt(webhook, dfns.addEvent(ORG_A, "wallet.created", gone, WALLET), 1,
                gone, 200, null, null, null);

        JsonNode list = dfns.get(events("")).expect(200, "webhook-event-list");

        assertThat(ids(list)).containsExactly(keptAttempt.id());
        dfns.get(events("/" + keptAttempt.id())).expect(200, "webhook-event");
        assertThat(dfns.get(events("/" + goneAttempt.id())).expectError(404))
                .isEqualTo("Webhook event " + goneAttempt.id() + " not found");
    }

    @Test
    void attemptsAgeOutAsTheClockMoves() {
        AttemptRecord attempt = delivered("wallet.created", 0);

        dfns.clock.advance(Duration.ofDays(31));

        assertThat(dfns.get(events("")).expect(200, "webhook-event-list").path("items").isEmpty()).isTrue();
        dfns.get(events("/" + attempt.id())).expectError(404);
    }

    // get and access

    @Test
    void getOfAnUnknownEventIsA404() {
        String error = dfns.get(events("/whe-aaaaa-bbbbb-cccccccccccccccc")).expectError(404);

        assertThat(error).isEqualTo("Webhook event whe-aaaaa-bbbbb-cccccccccccccccc not found");
    }

    @Test
    void getOfAnotherWebhooksEventIsA404() {
        Endpoint other = dfns.addWebhook(ORG_A);
        AttemptRecord theirs = dfns.addAttempt(other, dfns.addEvent(ORG_A, "wallet.created", minutesAgo(5), WALLET), 1,
                minutesAgo(5), 200, null, null, null);

        String error = dfns.get(events("/" + theirs.id())).expectError(404);

        assertThat(error).isEqualTo("Webhook event " + theirs.id() + " not found");
    }

    @Test
    void anotherOrganizationsWebhookEventsAreA404() {
        Endpoint theirs = dfns.addWebhook(ORG_B);
        AttemptRecord attempt = dfns.addAttempt(theirs, dfns.addEvent(ORG_B, "wallet.created", minutesAgo(5), WALLET),
                1, minutesAgo(5), 200, null, null, null);

        String listError = dfns.get("/webhooks/" + theirs.id() + "/events").expectError(404);
        String getError = dfns.get("/webhooks/" + theirs.id() + "/events/" + attempt.id()).expectError(404);

        assertThat(listError).isEqualTo("Webhook " + theirs.id() + " not found");
        assertThat(getError).isEqualTo("Webhook " + theirs.id() + " not found");
    }

    @Test
    void eventsOfAnUnknownWebhookAreA404() {
        String error = dfns.get("/webhooks/wh-aaaaa-bbbbb-cccccccccccccccc/events").expectError(404);

        assertThat(error).isEqualTo("Webhook wh-aaaaa-bbbbb-cccccccccccccccc not found");
    }

    @Test
    void eventsOfADeletedWebhookAreA404() {
        AttemptRecord attempt = delivered("wallet.created", 5);
        dfns.delete("/webhooks/" + webhook.id()).expect(200, "deleted");

        dfns.get(events("")).expectError(404);
        dfns.get(events("/" + attempt.id())).expectError(404);
    }
}
