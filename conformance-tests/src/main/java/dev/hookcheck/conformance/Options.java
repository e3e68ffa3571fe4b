package dev.hookcheck.conformance;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which checks a run includes, how long it waits for side effects, and who hears about its progress.
 *
 * @param checkIds the ids to run; empty for all
 * @param minimumLevel {@code REQUIRED} runs the required checks only; {@code RECOMMENDED} (the default)
 *     runs the recommended ones too and lists the checks that do not apply as skipped
 * @param settle the settle window: how long a check that observes side effects waits for the count it
 *     expects (a receiver that processes from a queue needs a moment) before it concludes "never
 *     processed" or "processed once"; see the README's "How side effects are observed"
 * @param requireProbe whether a check that needs a probe fails (instead of being reported as not
 *     verified) when the receiver has none: for CI gates
 * @param listener hears each check start and finish
 */
public record Options(Set<String> checkIds, Level.Kind minimumLevel, Duration settle, boolean requireProbe,
        ProgressListener listener) {

    /** The default settle window: enough for a worker that processes a queued event within a couple of seconds. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

    public Options {
        checkIds = Set.copyOf(checkIds);
        Objects.requireNonNull(minimumLevel, "minimumLevel");
        if (minimumLevel == Level.Kind.NOT_APPLICABLE) {
            throw new IllegalArgumentException("minimumLevel is REQUIRED or RECOMMENDED");
        }
        Objects.requireNonNull(settle, "settle");
        if (settle.isNegative() || settle.isZero()) {
            throw new IllegalArgumentException("the settle window must be positive, got " + settle);
        }
        Objects.requireNonNull(listener, "listener");
    }

    /** Every check, recommended ones included, the default settle window, no probe required, no listener. */
    public static Options defaults() {
        return new Options(Set.of(), Level.Kind.RECOMMENDED, DEFAULT_SETTLE, false, ProgressListener.NONE);
    }

    /** Only these checks, for example {@code SIG-001}; an unknown id fails the run before anything is sent. */
    public Options checks(String... ids) {
        return new Options(Set.of(ids), minimumLevel, settle, requireProbe, listener);
    }

    public Options minimumLevel(Level.Kind level) {
        return new Options(checkIds, level, settle, requireProbe, listener);
    }

    /** Another settle window: longer for a receiver whose workers lag, shorter to keep a run against a fast one short. */
    public Options settle(Duration window) {
        return new Options(checkIds, minimumLevel, window, requireProbe, listener);
    }

    /** Fails the checks that need a probe when there is none, instead of reporting them as not verified. */
    public Options requireProbe(boolean required) {
        return new Options(checkIds, minimumLevel, settle, required, listener);
    }

    public Options listener(ProgressListener newListener) {
        return new Options(checkIds, minimumLevel, settle, requireProbe, newListener);
    }
}
