package dev.hookcheck.core.profile;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again.
 *
 * @param delays the wait after each failed attempt: {@code delays[0]} follows the first attempt.
 *     Attempts in all: {@code delays.size() + 1}.
 * @param jitter the fraction by which a wait may be shortened at random (0 = exact schedule):
 *     a wait is {@code delay * (1 - jitter * u)} with {@code u} uniform in [0, 1), so the documented
 *     delays are upper bounds and a seeded random makes a run reproducible
 */
public record RetryPolicy(List<Duration> delays, double jitter) {

    public RetryPolicy {
        delays = List.copyOf(delays);
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("jitter must be in [0, 1), got " + jitter);
        }
        if (delays.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("retry delays must be positive: " + delays);
        }
    }

    public static RetryPolicy none() {
        return new RetryPolicy(List.of(), 0);
    }

    public int maxAttempts() {
        return delays.size() + 1;
    }

    /** The wait after failed attempt {@code attempt} (1-based), or empty when it was the last. */
    public Optional<Duration> delayAfter(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt numbers start at 1, got " + attempt);
        }
        if (attempt > delays.size()) {
            return Optional.empty();
        }
        Duration delay = delays.get(attempt - 1);
        if (jitter == 0) {
            return Optional.of(delay);
        }
        long millis = delay.toMillis();
        return Optional.of(Duration.ofMillis(millis - (long) (millis * jitter * random.nextDouble())));
    }

    /** From the first attempt to the last, without jitter. */
    public Duration span() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
