package dev.hookcheck.mock;

import dev.hookcheck.core.profile.Profiles;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the server breaks on purpose. A rule applies to the deliveries it is scoped to (profile,
 * endpoint, event type: each optional, absent means any), each time with {@code probability}; the
 * draws come from {@code seed}, so the same rule on the same deliveries breaks the same ones.
 *
 * <pre>{@code
 * MockServerConfig.defaults().withFailureRules(
 *         FailureRule.duplicate(3, true).forEndpoint("ep_2bXk9"),
 *         FailureRule.staleTimestamp(Duration.ofMinutes(10)).forProfile("vitable").withProbability(0.2).withSeed(7));
 * }</pre>
 *
 * @param id the rule's id ({@code fr_1}…); null in a rule not yet added, which gets the next free one
 * @param profile only deliveries of this profile, or null for any
 * @param endpointId only deliveries to this endpoint, or null for any
 * @param eventType only events of this name, or null for any
 * @param probability the chance, from 0 to 1, that an attempt (a delivery for {@code reorder}, an
 *     event for {@code burst}) it matches is altered
 * @param seed where the draws come from
 * @param attempts only these attempt numbers of a delivery (1 = the first), or empty for every
 *     attempt; per-attempt modes only
 * @param count {@code duplicate}: requests sent in all; {@code burst}: events in all;
 *     {@code reorder}: deliveries held per window; 0 for the other modes
 * @param concurrent {@code duplicate}: send the copies at the same time rather than one after another
 * @param duration {@code delay}: how long an attempt is held back; {@code reorder}: the longest a
 *     window is held before it is released incomplete; {@code stale_timestamp} and
 *     {@code future_timestamp}: how far the signed timestamp is moved; zero for the other modes
 * @param enabled a disabled rule is kept but alters nothing
 */
public record FailureRule(String id, Mode mode, String profile, String endpointId, String eventType, double probability,
        long seed, List<Integer> attempts, int count, boolean concurrent, Duration duration, boolean enabled) {

    /** The most requests one {@code duplicate} rule sends for one attempt. */
    public static final int MAX_COPIES = 10;
    /** The most deliveries one {@code reorder} window holds. */
    public static final int MAX_WINDOW = 100;
    /** The most events one {@code burst} makes of one. */
    public static final int MAX_BURST = 1000;

    /** What a rule does. Its {@link #wireName} is how the admin API and the journal spell it. */
    public enum Mode {
        /** Sends the same request {@code count} times (one after another, or at once). */
        DUPLICATE(Kind.ATTEMPT),
        /** Holds new deliveries to an endpoint until {@code count} have gathered, then sends them shuffled. */
        REORDER(Kind.DELIVERY),
        /** Holds an attempt back for {@code duration} before sending it. */
        DELAY(Kind.ATTEMPT),
        /** Never sends the attempt; the delivery fails ({@code dropped}) and the event stays listed. */
        DROP(Kind.ATTEMPT),
        /** Counts the receiver's success as a failure, so the attempt is retried on the schedule. */
        LOST_ACK(Kind.ATTEMPT),
        /** Turns one new event into {@code count} events of the same kind at the same instant. */
        BURST(Kind.EVENT),
        /** Signs with a timestamp {@code duration} in the past. */
        STALE_TIMESTAMP(Kind.ATTEMPT),
        /** Signs with a timestamp {@code duration} in the future. */
        FUTURE_TIMESTAMP(Kind.ATTEMPT),
        /** Signs with a secret the endpoint does not have. */
        BAD_SIGNATURE(Kind.ATTEMPT),
        /** Changes the body after signing. */
        TAMPERED_BODY(Kind.ATTEMPT),
        /** Leaves out the signature header. */
        MISSING_SIGNATURE(Kind.ATTEMPT);

        /** What the rule draws for: each attempt, each new delivery, each new event. */
        enum Kind { ATTEMPT, DELIVERY, EVENT }

        private final Kind kind;

        Mode(Kind kind) {
            this.kind = kind;
        }

        Kind kind() {
            return kind;
        }

        /** {@code stale_timestamp}. */
        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Optional<Mode> ofWireName(String name) {
            for (Mode mode : values()) {
                if (mode.wireName().equals(name)) {
                    return Optional.of(mode);
                }
            }
            return Optional.empty();
        }

        /** Whether {@link FailureRule#attempts} can narrow it. */
        public boolean perAttempt() {
            return kind == Kind.ATTEMPT;
        }

        /** Whether the rule moves the signed timestamp, which a scheme without one (GitHub) cannot carry. */
        public boolean shiftsTimestamp() {
            return this == STALE_TIMESTAMP || this == FUTURE_TIMESTAMP;
        }
    }

    public FailureRule {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(duration, "duration");
        if (id != null && !id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("a failure rule's id is letters, digits, _ and - (it goes in a URL), got '" + id + "'");
        }
        if (attempts != null && attempts.stream().anyMatch(n -> n == null || n < 1)) {
            throw new IllegalArgumentException("attempts are numbered from 1, got " + attempts);
        }
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1, got " + probability);
        }
        if (profile != null && Profiles.find(profile).isEmpty()) {
            throw new IllegalArgumentException("profile must be one of " + String.join(", ", Profiles.names()) + ", got '"
                    + profile + "'");
        }
        if (profile != null && mode.shiftsTimestamp() && !Profiles.get(profile).signsTimestamp()) {
            throw new IllegalArgumentException("mode '" + mode.wireName() + "' does not apply to profile '" + profile
                    + "': its signature carries no timestamp to move");
        }
        if (profile != null && mode == Mode.TAMPERED_BODY && !Profiles.get(profile).traits().signsBody()) {
            throw new IllegalArgumentException("mode '" + mode.wireName() + "' does not apply to profile '" + profile
                    + "': its signature does not cover the body, so a receiver cannot tell a changed one");
        }
        if (!attempts.isEmpty() && !mode.perAttempt()) {
            throw new IllegalArgumentException("attempts does not apply to mode '" + mode.wireName()
                    + "': it acts once, before the first attempt");
        }
        switch (mode) {
            case DUPLICATE -> requireBetween("count", count, 2, MAX_COPIES);
            case BURST -> requireBetween("count", count, 2, MAX_BURST);
            case REORDER -> requireBetween("count", count, 2, MAX_WINDOW);
            default -> requireBetween("count", count, 0, 0);
        }
        if (concurrent && mode != Mode.DUPLICATE) {
            throw new IllegalArgumentException("concurrent applies to mode 'duplicate' only");
        }
        boolean timed = mode == Mode.DELAY || mode == Mode.REORDER || mode.shiftsTimestamp();
        if (timed ? duration.isNegative() || duration.isZero() || duration.getNano() != 0 : !duration.isZero()) {
            throw new IllegalArgumentException(timed ? "the duration of mode '" + mode.wireName()
                    + "' must be a positive whole number of seconds, got " + duration
                    : "mode '" + mode.wireName() + "' takes no duration");
        }
    }

    private static void requireBetween(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(min == max ? field + " does not apply to this mode"
                    : field + " must be between " + min + " and " + max + ", got " + value);
        }
    }

    // ---- one factory per mode; scope and draws are set with the with/for methods

    private static FailureRule of(Mode mode, int count, boolean concurrent, Duration duration) {
        return new FailureRule(null, mode, null, null, null, 1, 0, List.of(), count, concurrent, duration, true);
    }

    /** Sends each attempt {@code count} times in all, at once or one after another. */
    public static FailureRule duplicate(int count, boolean concurrent) {
        return of(Mode.DUPLICATE, count, concurrent, Duration.ZERO);
    }

    /** Holds new deliveries per endpoint until {@code window} have gathered (or {@code maxHold} passed), then sends them shuffled. */
    public static FailureRule reorder(int window, Duration maxHold) {
        return of(Mode.REORDER, window, false, maxHold);
    }

    public static FailureRule delay(Duration delay) {
        return of(Mode.DELAY, 0, false, delay);
    }

    public static FailureRule drop() {
        return of(Mode.DROP, 0, false, Duration.ZERO);
    }

    public static FailureRule lostAck() {
        return of(Mode.LOST_ACK, 0, false, Duration.ZERO);
    }

    /** Turns each new event into {@code count} events. */
    public static FailureRule burst(int count) {
        return of(Mode.BURST, count, false, Duration.ZERO);
    }

    public static FailureRule staleTimestamp(Duration age) {
        return of(Mode.STALE_TIMESTAMP, 0, false, age);
    }

    public static FailureRule futureTimestamp(Duration ahead) {
        return of(Mode.FUTURE_TIMESTAMP, 0, false, ahead);
    }

    public static FailureRule badSignature() {
        return of(Mode.BAD_SIGNATURE, 0, false, Duration.ZERO);
    }

    public static FailureRule tamperedBody() {
        return of(Mode.TAMPERED_BODY, 0, false, Duration.ZERO);
    }

    public static FailureRule missingSignature() {
        return of(Mode.MISSING_SIGNATURE, 0, false, Duration.ZERO);
    }

    public FailureRule withId(String value) {
        return new FailureRule(value, mode, profile, endpointId, eventType, probability, seed, attempts, count, concurrent,
                duration, enabled);
    }

    public FailureRule forProfile(String value) {
        return new FailureRule(id, mode, value, endpointId, eventType, probability, seed, attempts, count, concurrent,
                duration, enabled);
    }

    public FailureRule forEndpoint(String value) {
        return new FailureRule(id, mode, profile, value, eventType, probability, seed, attempts, count, concurrent,
                duration, enabled);
    }

    public FailureRule forEventType(String value) {
        return new FailureRule(id, mode, profile, endpointId, value, probability, seed, attempts, count, concurrent,
                duration, enabled);
    }

    /** Only these attempt numbers (1 = the first). */
    public FailureRule forAttempts(Integer... numbers) {
        return new FailureRule(id, mode, profile, endpointId, eventType, probability, seed, List.of(numbers), count,
                concurrent, duration, enabled);
    }

    public FailureRule withProbability(double value) {
        return new FailureRule(id, mode, profile, endpointId, eventType, value, seed, attempts, count, concurrent,
                duration, enabled);
    }

    public FailureRule withSeed(long value) {
        return new FailureRule(id, mode, profile, endpointId, eventType, probability, value, attempts, count, concurrent,
                duration, enabled);
    }

    public FailureRule withEnabled(boolean value) {
        return new FailureRule(id, mode, profile, endpointId, eventType, probability, seed, attempts, count, concurrent,
                duration, value);
    }
}
