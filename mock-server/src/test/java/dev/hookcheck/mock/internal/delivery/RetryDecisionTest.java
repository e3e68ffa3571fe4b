package dev.hookcheck.mock.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.delivery.RetryDecision.Answer;
import dev.hookcheck.mock.internal.delivery.RetryDecision.Outcome;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The retry decision is a pure function: no server, no clock, no receiver. */
class RetryDecisionTest {
    private static final Instant NOW = Instant.parse("2026-06-01T09:00:00Z");
    private static final Profile STANDARD = Profiles.get("standard");
    private static final Profile VITABLE = Profiles.get("vitable");

    private static Answer status(int status, Map<String, String> headers) {
        return new Answer(status, headers, true);
    }

    private static Outcome decide(Profile profile, Answer answer, int number, int failuresBefore) {
        return RetryDecision.decide(profile, answer, number, failuresBefore, NOW, new SplittableRandom(7));
    }

    @Test
    void aSuccessIsDeliveredUnlessItsAcknowledgementIsLost() {
        assertThat(decide(STANDARD, status(204, Map.of()), 1, 0)).isInstanceOf(Outcome.Delivered.class);
        assertThat(decide(STANDARD, new Answer(200, Map.of(), false), 1, 0)).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void aRedirectOrNoAnswerIsAFailureRetriedOnTheSchedule() {
        Outcome redirect = decide(STANDARD, status(302, Map.of("location", "/elsewhere")), 1, 0);
        Outcome none = decide(STANDARD, new Answer(null, Map.of(), true), 1, 0);
        Duration first = STANDARD.retryPolicy().delayAfter(1, new SplittableRandom(7)).orElseThrow();
        assertThat(redirect).isEqualTo(new Outcome.Retry(NOW.plus(first)));
        assertThat(none).isEqualTo(new Outcome.Retry(NOW.plus(first)));
    }

    @Test
    void theLastScheduledAttemptExhaustsTheDelivery() {
        int last = STANDARD.retryPolicy().maxAttempts();
        assertThat(decide(STANDARD, status(500, Map.of()), last, 0))
                .isEqualTo(new Outcome.Ends(DeliveryStatus.EXHAUSTED, "max_attempts", null));
    }

    @Test
    void aGoneDisablesTheEndpointOnlyWhereTheProfileSaysSo() {
        assertThat(decide(STANDARD, status(410, Map.of()), 1, 0))
                .isEqualTo(new Outcome.Ends(DeliveryStatus.FAILED, "endpoint_gone", "gone"));
        assertThat(decide(VITABLE, status(410, Map.of()), 1, 0)).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void aRefusalStatusEndsTheDeliveryAtOnceOnlyWhereTheProfileSaysSoAndKeepsTheEndpoint() {
        Profile refusing = withRules(VITABLE, VITABLE.rules().withRefusal(406));
        assertThat(decide(refusing, status(406, Map.of()), 1, 0))
                .isEqualTo(new Outcome.Ends(DeliveryStatus.FAILED, "rejected", null));
        assertThat(decide(refusing, status(409, Map.of()), 1, 0)).isInstanceOf(Outcome.Retry.class);
        assertThat(decide(VITABLE, status(406, Map.of()), 1, 0)).isInstanceOf(Outcome.Retry.class);
    }

    /** The profile with other delivery rules, everything else as it is. */
    private static Profile withRules(Profile p, dev.hookcheck.core.profile.DeliveryRules rules) {
        return new Profile(p.name(), p.displayName(), p.scheme(), p.secretFormat(), p.secrets(), p.successRule(),
                p.retryPolicy(), p.circuitBreaker(), p.timeout(), rules, p.traits(), p.events(), p.ids(), p.payloads(),
                p.examples(), p.lifecycle(), p.idempotencyKey(), p.fields(), p.seededEndpoints(), p.assumptions(),
                p.position());
    }

    @Test
    void retryAfterPostponesTheNextAttemptWhereTheProfileHonoursIt() {
        Outcome postponed = decide(STANDARD, status(429, Map.of("retry-after", "7200")), 1, 0);
        Outcome ignored = decide(VITABLE, status(429, Map.of("retry-after", "7200")), 1, 0);
        assertThat(postponed).isEqualTo(new Outcome.Retry(NOW.plus(Duration.ofHours(2))));
        assertThat(((Outcome.Retry) ignored).at()).isBefore(NOW.plus(Duration.ofHours(2)));
    }

    @Test
    void theCircuitBreakerOpensOnTheFailureThatReachesItsCount() {
        int breaker = VITABLE.circuitBreaker().getAsInt();
        assertThat(decide(VITABLE, status(500, Map.of()), 1, breaker - 2)).isInstanceOf(Outcome.Retry.class);
        assertThat(decide(VITABLE, status(500, Map.of()), 1, breaker - 1))
                .isEqualTo(new Outcome.Ends(DeliveryStatus.FAILED, "circuit_breaker", "circuit_breaker"));
    }

    @Test
    void retryAfterIsReadAsSecondsOrAnHttpDateAndCappedAtADay() {
        assertThat(RetryDecision.retryAfter("120", NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(RetryDecision.retryAfter("Mon, 01 Jun 2026 10:00:00 GMT", NOW)).isEqualTo(Duration.ofHours(1));
        assertThat(RetryDecision.retryAfter("999999", NOW)).isEqualTo(Duration.ofDays(1));
        assertThat(RetryDecision.retryAfter("soon", NOW)).isNull();
    }
}
