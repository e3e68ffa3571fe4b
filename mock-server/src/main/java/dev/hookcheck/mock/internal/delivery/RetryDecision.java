package dev.hookcheck.mock.internal.delivery;

import dev.hookcheck.core.profile.DeliveryRules;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What becomes of a delivery after one of its scheduled attempts, by the profile's rules alone: a pure
 * function of the profile, the receiver's answer, the attempt's place in the schedule, the endpoint's
 * history and the instant. Every status rule of every provider is read here and nowhere else: a 3xx
 * is a failure (never followed); where the profile says so a 410 disables the endpoint and a
 * 429/502/504 {@code Retry-After} postpones the next attempt and a refusal status (a 406) ends the
 * delivery at once; a circuit breaker disables an endpoint
 * after that many consecutive failed attempts.
 */
final class RetryDecision {
    private RetryDecision() {}

    /**
     * How the receiver answered one attempt.
     *
     * @param status its HTTP status, null when no answer came
     * @param headers its headers, names in lower case
     * @param acknowledged false when a success is to be taken as a failure (a lost acknowledgement)
     */
    record Answer(Integer status, Map<String, String> headers, boolean acknowledged) {}

    /** What becomes of the delivery. */
    sealed interface Outcome {
        /** Delivered: no more attempts. */
        record Delivered() implements Outcome {}

        /** Tried again at {@code at}. */
        record Retry(Instant at) implements Outcome {}

        /**
         * Ends in {@code status} ({@code FAILED}, {@code EXHAUSTED}) for {@code reason}.
         *
         * @param disablesEndpoint why the endpoint takes no more deliveries ({@code gone}), or null
         *     when it still does
         */
        record Ends(DeliveryStatus status, String reason, String disablesEndpoint) implements Outcome {}
    }

    /** Whether the profile counts the answer as delivered. */
    static boolean delivered(Profile profile, Answer answer) {
        return answer.status() != null && profile.successRule().isSuccess(answer.status()) && answer.acknowledged();
    }

    /**
     * @param scheduledNumber which of the profile's scheduled attempts this was (1 = the first)
     * @param failuresBefore the endpoint's failed attempts in a row before this one
     * @param now when the answer came
     * @param jitter the delivery's own random, for the schedule's jitter
     */
    static Outcome decide(Profile profile, Answer answer, int scheduledNumber, int failuresBefore, Instant now,
            RandomGenerator jitter) {
        if (delivered(profile, answer)) {
            return new Outcome.Delivered();
        }
        if (profile.rules().refuses(answer.status())) {
            return new Outcome.Ends(DeliveryStatus.FAILED, "rejected", null);
        }
        Instant next = nextAttempt(profile, answer, scheduledNumber, now, jitter);
        if (profile.rules().goneDisablesEndpoint() && Integer.valueOf(410).equals(answer.status())) {
            return new Outcome.Ends(DeliveryStatus.FAILED, "endpoint_gone", "gone");
        }
        if (profile.circuitBreaker().isPresent() && failuresBefore + 1 >= profile.circuitBreaker().getAsInt()) {
            return new Outcome.Ends(DeliveryStatus.FAILED, "circuit_breaker", "circuit_breaker");
        }
        return next == null ? new Outcome.Ends(DeliveryStatus.EXHAUSTED, "max_attempts", null) : new Outcome.Retry(next);
    }

    /** When the next attempt is due after failed attempt {@code number}, or null when it was the last. */
    private static Instant nextAttempt(Profile profile, Answer answer, int number, Instant now, RandomGenerator jitter) {
        Optional<Duration> delay = profile.retryPolicy().delayAfter(number, jitter);
        if (delay.isEmpty()) {
            return null;
        }
        Duration wait = delay.get();
        Integer status = answer.status();
        if (profile.rules().honoursRetryAfter() && status != null && (status == 429 || status == 502 || status == 504)) {
            Duration asked = retryAfter(answer.headers().get("retry-after"), now);
            if (asked != null && asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return now.plus(wait);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, capped at a day; null when absent or unreadable. */
    static Duration retryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Duration asked;
        try {
            asked = Duration.ofSeconds(Long.parseLong(value.strip()));
        } catch (NumberFormatException notSeconds) {
            try {
                asked = Duration.between(now, ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
        if (asked.isNegative()) {
            return Duration.ZERO;
        }
        return asked.compareTo(Duration.ofSeconds(DeliveryRules.MAX_RETRY_AFTER_SECONDS)) > 0
                ? Duration.ofSeconds(DeliveryRules.MAX_RETRY_AFTER_SECONDS) : asked;
    }
}
