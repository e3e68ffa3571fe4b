package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.mock.FailureRule;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.Verification;
import dev.hookcheck.mock.MockServerConfig;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.Endpoint;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every failure-injection mode against WireMock: what was sent, the label in the journal, how the
 * delivery ended; for the modes that do not attack, that every delivered signature still verifies;
 * for the attacks, that the request does not verify, for the expected reason, at its send time.
 */
class FailureInjectionTest {
    private static final Pattern VITABLE_EVENT_ID = Pattern.compile("\"event_id\":\"([^\"]+)\"");

    private EngineFixture fx = new EngineFixture();

    @AfterEach
    void close() {
        fx.close();
    }

    private void answer(int status) {
        fx.receiver.stubFor(post(urlEqualTo("/hook")).willReturn(aResponse().withStatus(status)));
    }

    private FailureRule rule(FailureRule rule) {
        return fx.engine().failureRules().add(rule);
    }

    private List<LoggedRequest> received() {
        return fx.receiver.findAll(postRequestedFor(urlEqualTo("/hook")));
    }

    private static Verification verdict(AttemptRecord attempt, Endpoint endpoint) {
        return Profiles.get(endpoint.profile()).scheme().verify(attempt.requestHeaders(),
                attempt.requestBody().getBytes(StandardCharsets.UTF_8), endpoint.secrets(),
                Clock.fixed(attempt.sentAt(), ZoneOffset.UTC));
    }

    private static Reason reason(Verification verdict) {
        assertThat(verdict).isInstanceOf(Verification.Rejected.class);
        return ((Verification.Rejected) verdict).reason();
    }

    private static String vitableEventId(String body) {
        Matcher m = VITABLE_EVENT_ID.matcher(body);
        assertThat(m.find()).as("event_id in %s", body).isTrue();
        return m.group(1);
    }

    // ---- duplicate

    @Test
    void duplicateSendsTheSameSignedRequestSeveralTimesAndJournalsEachCopy() {
        answer(200);
        Endpoint endpoint = fx.endpoint("standard", "/hook");
        rule(FailureRule.duplicate(3, false).forEndpoint(endpoint.id()));

        Delivery delivery = fx.awaitFinal(fx.trigger(endpoint));

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(delivery.attempts()).isEqualTo(1);
        List<LoggedRequest> requests = received();
        assertThat(requests).hasSize(3);
        assertThat(requests).extracting(LoggedRequest::getBodyAsString).containsOnly(requests.get(0).getBodyAsString());
        assertThat(requests).extracting(r -> r.getHeader("webhook-signature")).containsOnly(requests.get(0).getHeader("webhook-signature"));
        List<AttemptRecord> attempts = fx.attempts(delivery);
        assertThat(attempts).extracting(AttemptRecord::injected).containsExactlyInAnyOrder("duplicate 1 of 3 (sequential)",
                "duplicate 2 of 3 (sequential)", "duplicate 3 of 3 (sequential)");
        assertThat(attempts).extracting(AttemptRecord::copyOf, AttemptRecord::copy).containsExactlyInAnyOrder(
                tuple(null, 1), tuple(delivery.id() + ".1", 2), tuple(delivery.id() + ".1", 3));
        assertThat(attempts).extracting(AttemptRecord::number).containsOnly(1);
        fx.assertEverySignatureVerifies(endpoint);
    }

    @Test
    void concurrentDuplicatesAreInFlightAtTheSameTime() throws Exception {
        try (JdkReceiver holding = new JdkReceiver()) {
            Endpoint endpoint = fx.endpoint("vitable", "/hook");
            fx.store.putEndpoint(endpoint.withUrl(holding.url(), fx.clock.instant()));
            rule(FailureRule.duplicate(2, true).forEndpoint(endpoint.id()));
            var bothArrived = holding.expect(2);

            Event event = fx.trigger(endpoint);

            // the receiver answers nobody until released, so both copies arriving proves they overlap
            assertThat(bothArrived.await(10, TimeUnit.SECONDS)).isTrue();
            holding.release();
            Delivery delivery = fx.awaitFinal(event);
            assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
            assertThat(holding.mostInFlight()).isEqualTo(2);
            assertThat(fx.attempts(delivery)).extracting(AttemptRecord::injected)
                    .containsExactlyInAnyOrder("duplicate 1 of 2 (concurrent)", "duplicate 2 of 2 (concurrent)");
        }
    }

    // ---- reorder

    @Test
    void reorderHoldsAWindowOfDeliveriesThenSendsThemOutOfOrder() {
        answer(200);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        rule(FailureRule.reorder(3, Duration.ofMinutes(1)).forEndpoint(endpoint.id()).withSeed(5));
        List<Event> events = new ArrayList<>();
        events.add(fx.trigger(endpoint));
        events.add(fx.trigger(endpoint));

        assertThat(received()).isEmpty();
        assertThat(fx.store.deliveriesOfEndpoint(endpoint.id())).extracting(Delivery::status).containsOnly(DeliveryStatus.PENDING);

        events.add(fx.trigger(endpoint));
        events.forEach(fx::awaitFinal);

        List<String> created = events.stream().map(Event::id).toList();
        List<String> sent = received().stream().map(r -> vitableEventId(r.getBodyAsString())).toList();
        assertThat(sent).containsExactlyInAnyOrderElementsOf(created).isNotEqualTo(created);
        for (int i = 0; i < sent.size(); i++) {
            Delivery delivery = fx.store.deliveriesOfEvent(sent.get(i)).get(0);
            String createdAt = List.of("1st", "2nd", "3rd").get(created.indexOf(sent.get(i)));
            String sentAt = List.of("1st", "2nd", "3rd").get(i);
            assertThat(fx.attempts(delivery)).singleElement().extracting(AttemptRecord::injected)
                    .isEqualTo("reorder (created " + createdAt + ", sent " + sentAt + " of 3)");
        }
        fx.assertEverySignatureVerifies(endpoint);
    }

    @Test
    void aReorderWindowThatDoesNotFillIsSentAfterItsLongestHold() {
        answer(200);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        rule(FailureRule.reorder(5, Duration.ofMinutes(1)).forEndpoint(endpoint.id()));
        Event first = fx.trigger(endpoint);
        Event second = fx.trigger(endpoint);

        fx.engine().advance(Duration.ofSeconds(59));
        fx.engine().awaitIdle();
        assertThat(received()).isEmpty();
        fx.engine().advance(Duration.ofSeconds(1));
        fx.engine().awaitIdle();

        assertThat(fx.awaitFinal(first).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(fx.awaitFinal(second).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(received()).extracting(r -> vitableEventId(r.getBodyAsString())).containsExactly(second.id(), first.id());
        assertThat(fx.attempts(fx.awaitFinal(first)).get(0).sentAt()).isEqualTo(EngineFixture.START.plusSeconds(60));
        fx.assertEverySignatureVerifies(endpoint);
    }

    @Test
    void disablingAReorderRuleSendsWhatItHoldsAtOnce() {
        answer(200);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        FailureRule reorder = rule(FailureRule.reorder(5, Duration.ofHours(1)).forEndpoint(endpoint.id()));
        Event first = fx.trigger(endpoint);
        Event second = fx.trigger(endpoint);

        fx.engine().failureRules().update(reorder.id(), r -> r.withEnabled(false));

        assertThat(fx.awaitFinal(first).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(fx.awaitFinal(second).status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(fx.attempts(fx.awaitFinal(second)).get(0).sentAt()).isEqualTo(EngineFixture.START);
    }

    // ---- delay

    @Test
    void delayHoldsEachAttemptBackThenSendsItSignedForItsRealSendTime() {
        answer(200);
        Endpoint endpoint = fx.endpoint("dfns", "/hook");
        rule(FailureRule.delay(Duration.ofSeconds(30)).forEndpoint(endpoint.id()));
        Event event = fx.trigger(endpoint);

        Delivery waiting = fx.await(event, d -> d.nextAttemptAt() != null && d.nextAttemptAt().equals(EngineFixture.START.plusSeconds(30)));
        assertThat(waiting.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(received()).isEmpty();
        fx.engine().advance(Duration.ofSeconds(30));
        fx.engine().awaitIdle();

        Delivery delivery = fx.awaitFinal(event);
        assertThat(delivery.status()).isEqualTo(DeliveryStatus.DELIVERED);
        assertThat(fx.attempts(delivery)).singleElement().satisfies(a -> {
            assertThat(a.sentAt()).isEqualTo(EngineFixture.START.plusSeconds(30));
            assertThat(a.injected()).isEqualTo("delay (30 s)");
            assertThat(a.requestBody()).contains("\"timestampSent\":" + EngineFixture.START.plusSeconds(30).getEpochSecond());
        });
        fx.assertEverySignatureVerifies(endpoint);
    }

    // ---- drop

    @Test
    void dropNeverSendsTheDeliveryButTheEventStaysListed() throws Exception {
        answer(200);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        rule(FailureRule.drop().forEndpoint(endpoint.id()));

        Event event = fx.trigger(endpoint);
        Delivery delivery = fx.awaitFinal(event);

        assertThat(delivery.status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(delivery.failureReason()).isEqualTo("dropped");
        assertThat(received()).isEmpty();
        assertThat(fx.attempts(delivery)).singleElement().satisfies(a -> {
            assertThat(a.error()).isEqualTo("dropped");
            assertThat(a.responseStatus()).isNull();
            assertThat(a.injected()).isEqualTo("drop (never sent)");
        });
        HttpResponse<String> listed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                fx.server.url("/__admin/events?organizationId=" + endpoint.organizationId())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(listed.body()).contains("\"id\":\"" + event.id() + "\"");
    }

    // ---- lost acknowledgement

    @Test
    void aLostAcknowledgementCountsTheReceiversSuccessAsAFailureAndRetries() {
        answer(200);
        Endpoint endpoint = fx.endpoint("standard", "/hook");
        rule(FailureRule.lostAck().forEndpoint(endpoint.id()).forAttempts(1));
        Event event = fx.trigger(endpoint);

        Delivery retrying = fx.await(event, d -> d.status() == DeliveryStatus.RETRYING);
        assertThat(retrying.responseStatus()).isEqualTo(200);
        fx.engine().advance(Duration.ofMinutes(1));
        fx.engine().awaitIdle();

        Delivery delivered = fx.awaitFinal(event);
        assertThat(delivered.status()).isEqualTo(DeliveryStatus.DELIVERED);
        List<AttemptRecord> attempts = fx.attempts(delivered);
        assertThat(attempts).extracting(AttemptRecord::responseStatus).containsExactly(200, 200);
        assertThat(attempts).extracting(AttemptRecord::succeeded).containsExactly(false, true);
        assertThat(attempts).extracting(AttemptRecord::injected).containsExactly("lost_ack (a success counts as a failure)", null);
        assertThat(received()).extracting(r -> r.getHeader("webhook-id")).containsOnly(event.id()).hasSize(2);
        fx.assertEverySignatureVerifies(endpoint);
    }

    // ---- burst

    @Test
    void burstTurnsOneEventIntoSeveralDeliveredAtTheSameInstant() {
        answer(200);
        Endpoint endpoint = fx.endpoint("preo", "/hook");
        rule(FailureRule.burst(4).forEndpoint(endpoint.id()));

        Event event = fx.trigger(endpoint);

        List<Delivery> deliveries;
        try {
            deliveries = fx.engine().awaitDeliveries(d -> d.endpointId().equals(endpoint.id()) && d.status().isFinal(), 4,
                    Duration.ofSeconds(10));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        assertThat(deliveries).extracting(Delivery::status).containsOnly(DeliveryStatus.DELIVERED);
        List<Event> burst = deliveries.stream().map(d -> fx.store.event(d.eventId()).orElseThrow()).toList();
        assertThat(burst).extracting(Event::id).contains(event.id()).doesNotHaveDuplicates();
        assertThat(burst).allSatisfy(e -> {
            assertThat(e.type()).isEqualTo(event.type());
            assertThat(e.resourceId()).isEqualTo(event.resourceId());
            assertThat(e.dataJson()).isEqualTo(event.dataJson());
            assertThat(e.createdAt()).isEqualTo(event.createdAt());
        });
        assertThat(deliveries).extracting(d -> fx.attempts(d).get(0).injected())
                .containsExactlyInAnyOrder("burst 1 of 4", "burst 2 of 4", "burst 3 of 4", "burst 4 of 4");
        assertThat(received()).hasSize(4);
        fx.assertEverySignatureVerifies(endpoint);
    }

    // ---- attacks

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "vitable", "dfns", "preo", "stripe"})
    void aStaleTimestampIsSignedCorrectlyForAnInstantPastTheTolerance(String profile) {
        answer(400);
        Endpoint endpoint = fx.endpoint(profile, "/hook");
        rule(FailureRule.staleTimestamp(Duration.ofMinutes(10)).forProfile(profile));

        Delivery delivery = fx.await(fx.trigger(endpoint), d -> d.attempts() == 1);

        AttemptRecord attempt = fx.attempts(delivery).get(0);
        assertThat(attempt.injected()).isEqualTo("stale_timestamp (-600 s)");
        assertThat(attempt.responseStatus()).isEqualTo(400);
        assertThat(reason(verdict(attempt, endpoint))).isEqualTo(Reason.STALE_TIMESTAMP);
        // ten minutes earlier, the very same request verifies: only the timestamp is wrong
        assertThat(Profiles.get(profile).scheme().verify(attempt.requestHeaders(),
                attempt.requestBody().getBytes(StandardCharsets.UTF_8), endpoint.secrets(),
                Clock.fixed(attempt.sentAt().minusSeconds(600), ZoneOffset.UTC)).isVerified()).isTrue();
        assertThat(received()).hasSize(1);
    }

    @Test
    void aDfnsStaleTimestampIsRebuiltInTheSignedBody() {
        answer(200);
        Endpoint endpoint = fx.endpoint("dfns", "/hook");
        rule(FailureRule.staleTimestamp(Duration.ofMinutes(10)).forEndpoint(endpoint.id()));

        AttemptRecord attempt = fx.attempts(fx.awaitFinal(fx.trigger(endpoint))).get(0);

        assertThat(attempt.requestBody()).contains("\"timestampSent\":" + EngineFixture.START.minusSeconds(600).getEpochSecond());
        assertThat(reason(verdict(attempt, endpoint))).isEqualTo(Reason.STALE_TIMESTAMP);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "vitable", "dfns", "preo"})
    void aFutureTimestampIsRefusedByEverySchemeThatChecksBothSides(String profile) {
        answer(400);
        Endpoint endpoint = fx.endpoint(profile, "/hook");
        rule(FailureRule.futureTimestamp(Duration.ofMinutes(10)).forEndpoint(endpoint.id()));

        AttemptRecord attempt = fx.attempts(fx.await(fx.trigger(endpoint), d -> d.attempts() == 1)).get(0);

        assertThat(attempt.injected()).isEqualTo("future_timestamp (+600 s)");
        assertThat(reason(verdict(attempt, endpoint))).isEqualTo(Reason.FUTURE_TIMESTAMP);
    }

    @Test
    void stripeAcceptsAFutureTimestampAsItsOwnLibraryDoes() {
        answer(200);
        Endpoint endpoint = fx.endpoint("stripe", "/hook");
        rule(FailureRule.futureTimestamp(Duration.ofMinutes(10)).forEndpoint(endpoint.id()));

        AttemptRecord attempt = fx.attempts(fx.awaitFinal(fx.trigger(endpoint))).get(0);

        assertThat(attempt.injected()).isEqualTo("future_timestamp (+600 s)");
        assertThat(attempt.requestHeaders().get("Stripe-Signature")).startsWith("t=" + EngineFixture.START.plusSeconds(600).getEpochSecond());
        assertThat(verdict(attempt, endpoint).isVerified()).isTrue();
    }

    @Test
    void timestampAttacksDoNotApplyToGitHubWhichSignsNoTimestamp() {
        assertThatThrownBy(() -> FailureRule.staleTimestamp(Duration.ofMinutes(10)).forProfile("github"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("github");
        answer(200);
        Endpoint endpoint = fx.endpoint("github", "/hook");
        rule(FailureRule.staleTimestamp(Duration.ofMinutes(10)));

        AttemptRecord attempt = fx.attempts(fx.awaitFinal(fx.trigger(endpoint))).get(0);

        assertThat(attempt.injected()).isNull();
        fx.assertEverySignatureVerifies(endpoint);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "vitable", "dfns", "preo", "stripe", "github"})
    void aBadSignatureIsSignedWithASecretTheEndpointDoesNotHave(String profile) {
        answer(401);
        Endpoint endpoint = fx.endpoint(profile, "/hook");
        rule(FailureRule.badSignature().forEndpoint(endpoint.id()));

        AttemptRecord attempt = fx.attempts(fx.await(fx.trigger(endpoint), d -> d.attempts() == 1)).get(0);

        assertThat(attempt.injected()).isEqualTo("bad_signature (signed with another secret)");
        assertThat(attempt.responseStatus()).isEqualTo(401);
        assertThat(reason(verdict(attempt, endpoint))).isEqualTo(Reason.BAD_SIGNATURE);
        assertThat(received()).singleElement().satisfies(r -> assertThat(r.getHeader(
                Profiles.get(profile).scheme().signatureHeader())).isEqualTo(attempt.requestHeaders().get(
                Profiles.get(profile).scheme().signatureHeader())));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "vitable", "dfns", "preo", "stripe", "github"})
    void aTamperedBodyNoLongerMatchesItsSignature(String profile) {
        answer(400);
        Endpoint endpoint = fx.endpoint(profile, "/hook");
        rule(FailureRule.tamperedBody().forEndpoint(endpoint.id()));

        AttemptRecord attempt = fx.attempts(fx.await(fx.trigger(endpoint), d -> d.attempts() == 1)).get(0);

        assertThat(attempt.injected()).isEqualTo("tampered_body (changed after signing)");
        assertThat(attempt.requestBody()).startsWith("{\"hookcheck_tampered\":true");
        assertThat(received()).singleElement().extracting(LoggedRequest::getBodyAsString).isEqualTo(attempt.requestBody());
        assertThat(reason(verdict(attempt, endpoint))).isEqualTo(Reason.BAD_SIGNATURE);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"standard", "vitable", "dfns", "preo", "stripe", "github"})
    void aMissingSignatureLeavesTheSignatureHeaderOut(String profile) {
        answer(401);
        Endpoint endpoint = fx.endpoint(profile, "/hook");
        rule(FailureRule.missingSignature().forEndpoint(endpoint.id()));
        String header = Profiles.get(profile).scheme().signatureHeader();

        AttemptRecord attempt = fx.attempts(fx.await(fx.trigger(endpoint), d -> d.attempts() == 1)).get(0);

        assertThat(attempt.injected()).isEqualTo("missing_signature (no " + header + " header)");
        assertThat(attempt.requestHeaders()).doesNotContainKey(header);
        assertThat(received()).singleElement().satisfies(r -> assertThat(r.containsHeader(header)).isFalse());
        assertThat(reason(verdict(attempt, endpoint))).isEqualTo(Reason.MISSING_HEADER);
    }

    /** The profiles whose signature travels inside the body rather than in a header. */
    static java.util.stream.Stream<String> signedInTheBody() {
        return Profiles.all().stream().filter(p -> p.scheme().signatureInBody().isPresent()).map(Profile::name);
    }

    /** The profiles whose signature does not cover the body. */
    static java.util.stream.Stream<String> unsignedBodies() {
        return Profiles.all().stream().filter(p -> !p.traits().signsBody()).map(Profile::name);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("signedInTheBody")
    void aSignatureInTheBodyIsSentVerifiedAndRecorded(String profile) {
        answer(200);
        Endpoint endpoint = fx.endpoint(profile, "/hook");

        Delivery delivery = fx.awaitFinal(fx.trigger(endpoint));
        AttemptRecord attempt = fx.attempts(delivery).get(0);

        fx.assertEverySignatureVerifies(endpoint);
        String pointer = Profiles.get(profile).scheme().signatureInBody().orElseThrow();
        assertThat(delivery.signature()).isNotEmpty().isEqualTo(dev.hookcheck.core.signing.BodyField.read(
                attempt.requestBody().getBytes(StandardCharsets.UTF_8), pointer));
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("signedInTheBody")
    void aMissingSignatureLeavesTheBodysSignatureOut(String profile) {
        answer(401);
        Endpoint endpoint = fx.endpoint(profile, "/hook");
        rule(FailureRule.missingSignature().forEndpoint(endpoint.id()));
        String pointer = Profiles.get(profile).scheme().signatureInBody().orElseThrow();

        AttemptRecord attempt = fx.attempts(fx.await(fx.trigger(endpoint), d -> d.attempts() == 1)).get(0);

        assertThat(attempt.injected()).isEqualTo("missing_signature (no " + pointer + " in the body)");
        assertThat(dev.hookcheck.core.signing.BodyField.read(attempt.requestBody().getBytes(StandardCharsets.UTF_8),
                pointer)).isNull();
        assertThat(received()).singleElement().extracting(LoggedRequest::getBodyAsString).isEqualTo(attempt.requestBody());
        assertThat(reason(verdict(attempt, endpoint))).isEqualTo(Reason.MISSING_HEADER);
    }

    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.MethodSource("unsignedBodies")
    void aTamperedBodyRuleDoesNotApplyWhereTheSignatureDoesNotCoverTheBody(String profile) {
        assertThatThrownBy(() -> FailureRule.tamperedBody().forProfile(profile))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not cover the body");
        answer(200);
        Endpoint endpoint = fx.endpoint(profile, "/hook");
        rule(FailureRule.tamperedBody().forEndpoint(endpoint.id()));

        AttemptRecord attempt = fx.attempts(fx.awaitFinal(fx.trigger(endpoint))).get(0);

        assertThat(attempt.injected()).isNull();
        assertThat(attempt.requestBody()).doesNotContain("hookcheck_tampered");
    }

    // ---- scope, probability, seed

    @Test
    void aRuleLeavesAloneWhatItIsNotScopedTo() {
        answer(200);
        Endpoint target = fx.endpoint("vitable", "/hook");
        Endpoint other = fx.endpoint("standard", "/hook");
        Profile vitable = Profiles.get("vitable");
        rule(FailureRule.badSignature().forEndpoint(target.id()).forEventType(vitable.events().types().get(1).name()));
        rule(FailureRule.drop().forProfile("preo"));

        AttemptRecord targeted = fx.attempts(fx.awaitFinal(fx.trigger(target))).get(0);
        AttemptRecord untouched = fx.attempts(fx.awaitFinal(fx.trigger(other))).get(0);

        assertThat(targeted.injected()).isNull(); // the trigger sends the profile's first event type
        assertThat(untouched.injected()).isNull();
        assertThat(verdict(targeted, target).isVerified()).isTrue();
        assertThat(verdict(untouched, other).isVerified()).isTrue();
    }

    @Test
    void theSameSeedBreaksTheSameAttemptsOnEveryRun() {
        List<Boolean> first = brokenBySeed(42);
        List<Boolean> second = brokenBySeed(42);

        assertThat(first).isEqualTo(second).contains(true, false);
    }

    /** Which of twenty deliveries a rule with probability one half breaks, on a fresh server. */
    private List<Boolean> brokenBySeed(long seed) {
        fx.close();
        fx = new EngineFixture(MockServerConfig.defaults().withFailureRules(
                FailureRule.badSignature().forProfile("stripe").withProbability(0.5).withSeed(seed)));
        answer(200);
        Endpoint endpoint = fx.endpoint("stripe", "/hook");
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            events.add(fx.trigger(endpoint));
        }
        return events.stream().map(e -> fx.attempts(fx.awaitFinal(e)).get(0).injected() != null).toList();
    }

    @Test
    void rulesFromTheConfigurationAreInForceFromTheStartAndAgainAfterAReset() {
        fx.close();
        fx = new EngineFixture(MockServerConfig.defaults().withFailureRules(FailureRule.drop().forProfile("vitable")));
        assertThat(fx.engine().failureRules().list()).singleElement().satisfies(r -> assertThat(r.id()).isEqualTo("fr_1"));
        fx.engine().failureRules().add(FailureRule.lostAck());
        fx.engine().failureRules().remove("fr_1");

        fx.server.reset();

        assertThat(fx.engine().failureRules().list()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("fr_1");
            assertThat(r.mode()).isEqualTo(FailureRule.Mode.DROP);
        });
    }

    @Test
    void aRuleRefusesParametersItsModeDoesNotTake() {
        assertThatThrownBy(() -> FailureRule.duplicate(1, false)).hasMessageContaining("count");
        assertThatThrownBy(() -> FailureRule.reorder(3, Duration.ofMinutes(1)).forAttempts(1)).hasMessageContaining("attempts");
        assertThatThrownBy(() -> FailureRule.delay(Duration.ZERO)).hasMessageContaining("positive");
        assertThatThrownBy(() -> FailureRule.drop().withProbability(1.5)).hasMessageContaining("probability");
        assertThatThrownBy(() -> FailureRule.drop().withId("a b")).hasMessageContaining("id");
    }

    @Test
    void twoRulesOnOneAttemptCombineAndBothAreLabelled() {
        answer(200);
        Endpoint endpoint = fx.endpoint("vitable", "/hook");
        rule(FailureRule.missingSignature().forEndpoint(endpoint.id()));
        rule(FailureRule.tamperedBody().forEndpoint(endpoint.id()));

        AttemptRecord attempt = fx.attempts(fx.awaitFinal(fx.trigger(endpoint))).get(0);

        assertThat(attempt.injected()).isEqualTo("missing_signature (no X-Vitable-Signature header); tampered_body (changed after signing)");
        assertThat(attempt.requestHeaders()).doesNotContainKey("X-Vitable-Signature");
        assertThat(attempt.requestBody()).contains("hookcheck_tampered");
    }
}
