package dev.hookcheck.mock.internal.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryEngineTest {
    private EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private void answer(int status) {
        fx.receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(status)));
    }

    @Test
    void anEventIsDeliveredSignedToEveryEnabledEndpointThatWantsIt() {
        answer(200);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");

        Delivery delivery = fx.awaitFinal(fx.trigger(endpoint));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.responseStatus()).isEqualTo(200);
        assertThat(fx.attempts(delivery)).singleElement().satisfies(a -> {
            assertThat(a.succeeded()).isTrue();
            assertThat(a.requestHeaders()).containsKeys("X-Vitable-Signature", "X-Vitable-Timestamp");
            assertThat(a.requestBody()).contains("\"event_id\"");
        });
        fx.assertEverySignatureVerifies(endpoint);
    }

    @Test
    void aDisabledEndpointOrOneFilteringOtherEventsGetsNoDelivery() {
        answer(200);
        Endpoint enabled = fx.endpoint("preo", "/hook");
        fx.store.putEndpoint(enabled.withEvents(List.of("refund.created"), fx.clock.instant()));

        Event event = fx.trigger(enabled);

        assertThat(fx.store.deliveriesOfEvent(event.id())).isEmpty();
    }

    @Test
    void aFailedAttemptIsRetriedOnTheProfileScheduleUntilItSucceeds() {
        fx.receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
        fx.receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("recovered")
                .willReturn(aResponse().withStatus(200)));
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        Event event = fx.trigger(endpoint);

        Delivery retrying = fx.await(event, d -> d.status() == DeliveryStatus.RETRYING);
        assertThat(retrying.nextAttemptAt()).isAfter(EngineFixture.START).isBeforeOrEqualTo(EngineFixture.START.plusSeconds(60));
        fx.engine().advance(Duration.ofMinutes(1));
        fx.engine().awaitIdle();

        Delivery delivered = fx.awaitFinal(event);
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(fx.attempts(delivered)).extracting(AttemptRecord::responseStatus).containsExactly(500, 200);
        fx.assertEverySignatureVerifies(endpoint);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "vitable", "dfns", "preo", "stripe", "github"})
    void eachProfilesFullScheduleRunsAttemptByAttemptOnTheVirtualClock(String name) {
        answer(503);
        Profile profile = Profiles.get(name);
        Endpoint endpoint = fx.endpoint(name, "/hook");
        Event event = fx.trigger(endpoint);
        fx.await(event, d -> d.attempts() == 1);

        fx.engine().advance(profile.retryPolicy().span().plusDays(1));
        fx.engine().awaitIdle();


        Delivery delivery = fx.awaitFinal(event);
        List<AttemptRecord> attempts = fx.attempts(delivery);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.EXHAUSTED);
        assertThat(delivery.failureReason()).isEqualTo("max_attempts");
        assertThat(attempts).hasSize(profile.retryPolicy().maxAttempts());
        for (int i = 1; i < attempts.size(); i++) {
            Duration gap = Duration.between(attempts.get(i - 1).sentAt(), attempts.get(i).sentAt());
            Duration planned = profile.retryPolicy().delays().get(i - 1);
            assertThat(gap).as("%s gap %d", name, i).isLessThanOrEqualTo(planned)
                    .isGreaterThanOrEqualTo(Duration.ofMillis((long) (planned.toMillis() * (1 - profile.retryPolicy().jitter()))));
            assertThat(attempts.get(i - 1).nextAttemptAt()).isEqualTo(attempts.get(i).sentAt());
        }
        fx.assertEverySignatureVerifies(endpoint);
    }

    @Test
    void dfnsCountsOnly200AndMakesEveryAttemptANewEventPointingBack() {
        answer(204);
        Endpoint endpoint = fx.endpoint("dfns", "/hook");
        Event event = fx.trigger(endpoint);
        fx.await(event, d -> d.attempts() == 1);
        fx.engine().advance(Duration.ofMinutes(12));
        fx.engine().awaitIdle();

        List<AttemptRecord> attempts = fx.attempts(fx.await(event, d -> d.attempts() == 3));
        assertThat(attempts).extracting(AttemptRecord::succeeded).containsOnly(false);
        assertThat(attempts).extracting(AttemptRecord::id).allMatch(id -> id.matches("whe-[a-z0-9]{5}-[a-z0-9]{5}-[a-z0-9]{16}"))
                .doesNotHaveDuplicates();
        assertThat(attempts.get(1).retryOf()).isEqualTo(attempts.get(0).id());
        assertThat(attempts.get(2).requestBody()).contains("\"deliveryAttempt\":3", "\"retryOf\":\"" + attempts.get(1).id() + "\"");
        fx.assertEverySignatureVerifies(endpoint);
    }

    @Test
    void aTimeoutIsRecordedAsSuchAndRetried() {
        fx.receiver.stubFor(post(urlEqualTo("/slow")).willReturn(aResponse().withStatus(200).withFixedDelay(2500)));
        Endpoint endpoint = fx.endpoint("preo", "/slow", List.of(Secret.of("s")), 1);

        Delivery delivery = fx.await(fx.trigger(endpoint), d -> d.status() == DeliveryStatus.RETRYING);

        assertThat(fx.attempts(delivery)).singleElement().satisfies(a -> {
            assertThat(a.error()).isEqualTo("timeout");
            assertThat(a.responseStatus()).isNull();
            assertThat(a.latencyMillis()).isBetween(900L, 2400L);
        });
    }

    @Test
    void aRefusedConnectionIsRecordedAsSuchAndRetried() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Endpoint endpoint = fx.endpoint("standard", "/hook");
        fx.store.putEndpoint(endpoint.withUrl("http://127.0.0.1:" + closed + "/hook", fx.clock.instant()));

        Delivery delivery = fx.await(fx.trigger(endpoint), d -> d.status() == DeliveryStatus.RETRYING);

        assertThat(fx.attempts(delivery)).singleElement().extracting(AttemptRecord::error).isEqualTo("refused");
    }

    @Test
    void aRedirectIsAFailureAndIsNeverFollowed() {
        fx.receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(307).withHeader("Location", "/elsewhere")));
        fx.receiver.stubFor(post(urlEqualTo("/elsewhere")).willReturn(aResponse().withStatus(200)));
        Endpoint endpoint = fx.endpoint("stripe", "/hook");

        Delivery delivery = fx.await(fx.trigger(endpoint), d -> d.status() == DeliveryStatus.RETRYING);

        assertThat(delivery.responseStatus()).isEqualTo(307);
        fx.receiver.verify(0, com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/elsewhere")));
    }

    @Test
    void standardWebhooksDisablesAnEndpointThatAnswers410() {
        answer(410);
        Endpoint endpoint = fx.endpoint("standard", "/hook");

        Delivery delivery = fx.awaitFinal(fx.trigger(endpoint));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.failureReason()).isEqualTo("endpoint_gone");
        assertThat(fx.store.endpoint(endpoint.id()).orElseThrow().enabled()).isFalse();
    }

    @Test
    void standardWebhooksHonoursRetryAfterOnA429() {
        fx.receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));
        Endpoint endpoint = fx.endpoint("standard", "/hook");

        Delivery delivery = fx.await(fx.trigger(endpoint), d -> d.status() == DeliveryStatus.RETRYING);

        assertThat(delivery.nextAttemptAt()).isEqualTo(EngineFixture.START.plusSeconds(3600));
    }

    @Test
    void vitablesCircuitBreakerDisablesASubscriptionAfter25ConsecutiveFailures() {
        answer(500);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        Event first = fx.trigger(endpoint);
        Event second = fx.trigger(endpoint);
        fx.await(second, d -> d.attempts() == 1);

        fx.engine().advance(Duration.ofDays(4));
        fx.engine().awaitIdle();


        Endpoint after = fx.store.endpoint(endpoint.id()).orElseThrow();
        assertThat(after.enabled()).isFalse();
        assertThat(after.disabledReason()).isEqualTo("circuit_breaker");
        int attempts = fx.store.attemptsOfEndpoint(endpoint.id()).size();
        assertThat(attempts).isEqualTo(25);
        List<Delivery> both = List.of(fx.awaitFinal(first), fx.awaitFinal(second));
        assertThat(both).extracting(Delivery::status).containsOnly(DeliveryStatus.FAILED);
        assertThat(both).extracting(Delivery::failureReason).contains("circuit_breaker");
    }

    @Test
    void disablingAnEndpointCancelsItsPendingRetries() {
        answer(500);
        Endpoint endpoint = fx.endpoint("dfns", "/hook");
        Event event = fx.trigger(endpoint);
        fx.await(event, d -> d.status() == DeliveryStatus.RETRYING);

        fx.store.updateEndpoint(endpoint.id(), e -> e.withEnabled(false, null, fx.clock.instant()));
        fx.engine().advance(Duration.ofDays(2));
        fx.engine().awaitIdle();

        Delivery delivery = fx.awaitFinal(event);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.failureReason()).isEqualTo("endpoint_disabled");
        assertThat(fx.attempts(delivery)).hasSize(1);
    }

    @Test
    void deletingAnEndpointCancelsItsPendingRetries() {
        answer(500);
        Endpoint endpoint = fx.endpoint("dfns", "/hook");
        Event event = fx.trigger(endpoint);
        fx.await(event, d -> d.status() == DeliveryStatus.RETRYING);

        fx.store.deleteEndpoint(endpoint.id());
        fx.engine().advance(Duration.ofDays(2));
        fx.engine().awaitIdle();

        assertThat(fx.awaitFinal(event).failureReason()).isEqualTo("endpoint_deleted");
    }

    @Test
    void aManualRetryOfAnExhaustedDeliverySendsOneMoreAttempt() {
        answer(500);
        Endpoint endpoint = fx.endpoint("github", "/hook");
        Event event = fx.trigger(endpoint);
        Delivery exhausted = fx.awaitFinal(event);
        assertThat(exhausted.status()).isEqualTo(DeliveryStatus.EXHAUSTED);
        answer(200);

        fx.engine().retry(exhausted);

        Delivery delivered = fx.await(event, d -> d.status() == DeliveryStatus.DELIVERED);
        assertThat(fx.attempts(delivered)).extracting(AttemptRecord::responseStatus).containsExactly(500, 200);
        assertThat(fx.attempts(delivered)).extracting(AttemptRecord::trigger, AttemptRecord::scheduled)
                .as("sent again by hand, beside the schedule").containsExactly(tuple("schedule", true), tuple("manual", false));
    }

    @Test
    void aFailedResendOfAnExhaustedDeliveryLeavesItExhaustedWithoutAnotherRetry() {
        answer(500);
        Endpoint endpoint = fx.endpoint("github", "/hook");
        Event event = fx.trigger(endpoint);
        Delivery exhausted = fx.awaitFinal(event);

        fx.engine().retry(exhausted);

        Delivery again = fx.await(event, d -> d.attempts() == 2 && d.status().isFinal());
        assertThat(again.status()).isEqualTo(DeliveryStatus.EXHAUSTED);
        assertThat(again.nextAttemptAt()).isNull();
    }

    @Test
    void anExtraAttemptByHandIsMarkedManualAndLeavesTheScheduleAsItWas() {
        answer(500);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        Event event = fx.trigger(endpoint);
        Delivery retrying = fx.await(event, d -> d.status() == DeliveryStatus.RETRYING);

        fx.engine().attemptNow(retrying.id());

        Delivery after = fx.await(event, d -> d.attempts() == 2);
        assertThat(after.status()).isEqualTo(DeliveryStatus.RETRYING);
        assertThat(after.nextAttemptAt()).isEqualTo(retrying.nextAttemptAt());
        assertThat(fx.attempts(after)).extracting(AttemptRecord::trigger, AttemptRecord::scheduled)
                .containsExactly(tuple("schedule", true), tuple("manual", false));
        assertThat(fx.clock.instant()).isEqualTo(EngineFixture.START);
    }

    @Test
    void theScheduleCountsOnlyItsOwnAttemptsNotTheOnesMadeByHand() {
        answer(500);
        Endpoint endpoint = fx.endpoint("github", "/hook"); // GitHub makes one attempt, no retries
        Event event = fx.trigger(endpoint);
        Delivery exhausted = fx.awaitFinal(event);
        assertThat(exhausted.status()).isEqualTo(DeliveryStatus.EXHAUSTED);

        fx.engine().attemptNow(exhausted.id());
        Delivery stillExhausted = fx.await(event, d -> d.attempts() == 2);
        answer(200);
        fx.engine().attemptNow(exhausted.id());
        Delivery delivered = fx.await(event, d -> d.status() == DeliveryStatus.DELIVERED);

        assertThat(stillExhausted.status()).isEqualTo(DeliveryStatus.EXHAUSTED);
        assertThat(stillExhausted.failureReason()).isEqualTo("max_attempts");
        assertThat(fx.attempts(delivered)).extracting(AttemptRecord::responseStatus, AttemptRecord::scheduled)
                .containsExactly(tuple(500, true), tuple(500, false), tuple(200, false));
    }

    @Test
    void theNextScheduledAttemptMadeEarlyByHandTakesItsPlaceAndTheScheduleGoesOnFromIt() {
        answer(500);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        Event event = fx.trigger(endpoint);
        Delivery retrying = fx.await(event, d -> d.status() == DeliveryStatus.RETRYING);

        fx.engine().deliverNextNow(retrying.id());
        Delivery early = fx.await(event, d -> d.attempts() == 2 && d.status() == DeliveryStatus.RETRYING);
        // the instant the overtaken attempt was due passes without an attempt
        fx.engine().advance(Duration.between(EngineFixture.START, retrying.nextAttemptAt()).plusSeconds(1));
        fx.engine().awaitIdle();

        assertThat(fx.attempts(early)).hasSize(2).last().satisfies(a -> {
            assertThat(a.trigger()).isEqualTo("manual");
            assertThat(a.scheduled()).isTrue();
            assertThat(a.sentAt()).isEqualTo(EngineFixture.START);
        });
        assertThat(early.nextAttemptAt()).isAfter(retrying.nextAttemptAt().plusSeconds(1));
        assertThat(fx.store.delivery(early.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    @Test
    void aDeliveredExtraAttemptEndsTheDeliveryAndTheRetryScheduledFindsNothingToDo() {
        answer(500);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        Event event = fx.trigger(endpoint);
        Delivery retrying = fx.await(event, d -> d.status() == DeliveryStatus.RETRYING);
        answer(200);

        fx.engine().attemptNow(retrying.id());
        Delivery delivered = fx.await(event, d -> d.status() == DeliveryStatus.DELIVERED);
        fx.engine().advance(Duration.ofHours(1));
        fx.engine().awaitIdle();

        assertThat(delivered.nextAttemptAt()).isNull();
        assertThat(fx.attempts(delivered)).hasSize(2);
        assertThat(fx.store.delivery(delivered.id()).orElseThrow().attempts()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "vitable", "dfns", "preo", "stripe", "github"})
    void everyRequestGoesOutAsHttp11WithExactlyTheRecordedHeadersAndNoUpgradeOffer(String profile) {
        try (RawReceiver raw = new RawReceiver(profile, fx.clock)) {
            Endpoint endpoint = fx.endpoint(profile, "/hook");
            fx.store.putEndpoint(endpoint.withUrl(raw.url("/in?tenant=a"), fx.clock.instant()));
            raw.verifyWith(endpoint.secret());

            Delivery delivery = fx.awaitFinal(fx.trigger(endpoint));

            RawReceiver.Request got = raw.requests().get(0);
            AttemptRecord sent = fx.attempts(delivery).get(0);
            assertThat(got.line()).isEqualTo("POST /in?tenant=a HTTP/1.1");
            assertThat(got.headers().keySet()).noneMatch(name -> name.equalsIgnoreCase("Upgrade")
                    || name.equalsIgnoreCase("HTTP2-Settings"));
            assertThat(got.headers().entrySet()).noneMatch(h -> h.getKey().equalsIgnoreCase("Connection")
                    && h.getValue().toLowerCase(java.util.Locale.ROOT).contains("upgrade"));
            assertThat(got.headers()).isEqualTo(sent.requestHeaders());
            assertThat(got.bodyText()).isEqualTo(sent.requestBody());
            assertThat(got.verified()).isTrue();
            assertThat(sent.url()).isEqualTo(raw.url("/in?tenant=a"));
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        }
    }

    @Test
    void duringARotationOverlapMultiSignatureSchemesSignWithBothSecrets() {
        answer(200);
        Endpoint endpoint = fx.endpoint("standard", "/hook");
        Secret old = endpoint.secret();
        Endpoint rotated = fx.engine().rotateSecret(endpoint.id(), Duration.ofHours(1));

        Delivery during = fx.awaitFinal(fx.trigger(rotated));
        fx.engine().advance(Duration.ofHours(2));
        fx.engine().awaitIdle();
        Delivery after = fx.awaitFinal(fx.trigger(rotated));

        String both = fx.attempts(during).get(0).requestHeaders().get("webhook-signature");
        String single = fx.attempts(after).get(0).requestHeaders().get("webhook-signature");
        assertThat(both.split(" ")).hasSize(2);
        assertThat(single.split(" ")).hasSize(1);
        assertThat(fx.store.endpoint(endpoint.id()).orElseThrow().secrets()).containsExactly(rotated.secret());
        for (Secret secret : List.of(old, rotated.secret())) {
            var attempt = fx.attempts(during).get(0);
            assertThat(Profiles.get("standard").scheme().verify(attempt.requestHeaders(),
                    attempt.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(secret),
                    java.time.Clock.fixed(attempt.sentAt(), java.time.ZoneOffset.UTC)).isVerified()).isTrue();
        }
    }

    @Test
    void singleSignatureSchemesSignWithTheNewSecretAtOnce() {
        answer(200);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        Endpoint rotated = fx.engine().rotateSecret(endpoint.id(), Duration.ofHours(1));

        var attempt = fx.attempts(fx.awaitFinal(fx.trigger(rotated))).get(0);

        assertThat(Profiles.get("vitable").scheme().verify(attempt.requestHeaders(),
                attempt.requestBody().getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of(rotated.secret()),
                java.time.Clock.fixed(attempt.sentAt(), java.time.ZoneOffset.UTC)).isVerified()).isTrue();
    }

    @Test
    void aLongAnswerIsKeptTruncated() {
        fx.receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(200).withBody("x".repeat(100_000))));
        Endpoint endpoint = fx.endpoint("stripe", "/hook");

        Delivery delivery = fx.awaitFinal(fx.trigger(endpoint));

        assertThat(fx.attempts(delivery).get(0).responseBody()).hasSize(HttpSender.MAX_BODY);
    }

    @Test
    void aTimeScaleRunsTheScheduleFasterThanRealTime() throws Exception {
        fx.close();
        fx = new EngineFixture(MockServerConfig.defaults());
        fx.clock.setScale(600); // a minute in a tenth of a second
        fx.receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(500)).willSetStateTo("ok"));
        fx.receiver.stubFor(post(urlEqualTo("/hook")).inScenario("flaky").whenScenarioStateIs("ok")
                .willReturn(aResponse().withStatus(200)));
        Endpoint endpoint = fx.endpoint("vitable", "/hook");

        Delivery delivery = fx.await(fx.trigger(endpoint), d -> d.status() == DeliveryStatus.DELIVERED);

        assertThat(delivery.attempts()).isEqualTo(2);
    }
}
