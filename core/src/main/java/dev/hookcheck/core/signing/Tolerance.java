package dev.hookcheck.core.signing;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How far a signed timestamp may be from the verifier's clock.
 *
 * @param window the largest accepted distance
 * @param direction which side of "now" is checked
 * @param edge whether a distance of exactly {@code window} is accepted (inclusive) or refused
 */
public record Tolerance(Duration window, Direction direction, Edge edge) {

    public enum Direction {
        /** Both stale and future timestamps are refused (Standard Webhooks, Vitable, Dfns). */
        BOTH,
        /** Only stale timestamps are refused (Stripe's own library accepts future ones). */
        PAST,
        /** No timestamp is checked (GitHub signs none). */
        NONE
    }

    public enum Edge {
        /** {@code |now - t| > window} is refused, exactly {@code window} passes. */
        INCLUSIVE,
        /** {@code |now - t| >= window} is refused (Dfns). */
        EXCLUSIVE
    }

    public Tolerance {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(edge, "edge");
        if (window.isNegative()) {
            throw new IllegalArgumentException("tolerance window must not be negative: " + window);
        }
        if (direction == Direction.NONE) {
            window = Duration.ZERO; // nothing is checked, so every "none" is the same tolerance
            edge = Edge.INCLUSIVE;
        }
    }

    public static Tolerance both(Duration window) {
        return new Tolerance(window, Direction.BOTH, Edge.INCLUSIVE);
    }

    public static Tolerance pastOnly(Duration window) {
        return new Tolerance(window, Direction.PAST, Edge.INCLUSIVE);
    }

    public static Tolerance none() {
        return new Tolerance(Duration.ZERO, Direction.NONE, Edge.INCLUSIVE);
    }

    public Tolerance withWindow(Duration newWindow) {
        return new Tolerance(newWindow, direction, edge);
    }

    /** The refusal for a timestamp {@code t} at {@code now} (both unix seconds), if any. */
    public Optional<Verification.Rejected> check(long t, long now) {
        return check(t, now, window.toSeconds(), "s");
    }

    /**
     * The refusal for a timestamp {@code t} at {@code now}, both unix milliseconds, compared in milliseconds
     * (for a provider that writes its timestamp in milliseconds: 1 ms past the window is refused), if any.
     */
    public Optional<Verification.Rejected> checkMillis(long t, long now) {
        // a window too long for milliseconds (a receiver that never checks) is as good as endless
        long limit = window.compareTo(Duration.ofMillis(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : window.toMillis();
        return check(t, now, limit, "ms");
    }

    private Optional<Verification.Rejected> check(long t, long now, long limit, String unit) {
        if (direction == Direction.NONE) {
            return Optional.empty();
        }
        long age = distance(now, t);
        if (beyond(age, limit)) {
            return Optional.of(new Verification.Rejected(Reason.STALE_TIMESTAMP,
                    "timestamp " + t + " is " + age + " " + unit + " old, tolerance is " + limit + " " + unit));
        }
        if (direction == Direction.BOTH && beyond(-age, limit)) {
            return Optional.of(new Verification.Rejected(Reason.FUTURE_TIMESTAMP,
                    "timestamp " + t + " is " + (-age) + " " + unit + " in the future, tolerance is " + limit + " "
                            + unit));
        }
        return Optional.empty();
    }

    /** {@code now - t}, saturated: a timestamp at the far end of the number range is as far as it gets. */
    private static long distance(long now, long t) {
        long age = now - t;
        if (((now ^ t) & (now ^ age)) < 0) {
            return now > t ? Long.MAX_VALUE : -Long.MAX_VALUE;
        }
        return age;
    }

    private boolean beyond(long distance, long limit) {
        return edge == Edge.INCLUSIVE ? distance > limit : distance >= limit;
    }

    @Override
    public String toString() {
        return direction == Direction.NONE ? "no timestamp check"
                : window.toSeconds() + " s (" + direction.name().toLowerCase() + ", " + edge.name().toLowerCase() + ")";
    }
}
