package dev.hookcheck.conformance;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Which checks a run includes, how long it waits for side effects, and who hears about its progress.
 * Immutable: start from {@link #defaults()}, every method returns a copy.
 *
 * <pre>{@code
 * Options options = Options.defaults().skip("ROB-003").settle(Duration.ofSeconds(10)).requireProbe(true);
 * }</pre>
 */
public final class Options {
    /** The default settle window: enough for a worker that processes a queued event within a couple of seconds. */
    public static final Duration DEFAULT_SETTLE = Duration.ofSeconds(5);

    private static final Options DEFAULTS = new Options(Set.of(), Set.of(), Level.Kind.RECOMMENDED, DEFAULT_SETTLE,
            false, ProgressListener.NONE);

    private final Set<String> checkIds;
    private final Set<String> skipIds;
    private final Level.Kind minimumLevel;
    private final Duration settle;
    private final boolean requireProbe;
    private final ProgressListener listener;

    private Options(Set<String> checkIds, Set<String> skipIds, Level.Kind minimumLevel, Duration settle,
            boolean requireProbe, ProgressListener listener) {
        this.checkIds = Set.copyOf(checkIds);
        this.skipIds = Set.copyOf(skipIds);
        this.minimumLevel = Objects.requireNonNull(minimumLevel, "minimumLevel");
        if (minimumLevel == Level.Kind.NOT_APPLICABLE) {
            throw new IllegalArgumentException("minimumLevel is REQUIRED or RECOMMENDED");
        }
        this.settle = Objects.requireNonNull(settle, "settle");
        if (settle.isNegative() || settle.isZero()) {
            throw new IllegalArgumentException("the settle window must be positive, got " + settle);
        }
        this.requireProbe = requireProbe;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Every check, recommended ones included, the default settle window, no probe required, no listener. */
    public static Options defaults() {
        return DEFAULTS;
    }

    /** The ids to run; empty for all. */
    public Set<String> checkIds() {
        return checkIds;
    }

    /** The ids left out of the run. */
    public Set<String> skipIds() {
        return skipIds;
    }

    /**
     * {@code REQUIRED} runs the required checks only; {@code RECOMMENDED} (the default) runs the
     * recommended ones too and lists the checks that do not apply as skipped.
     */
    public Level.Kind minimumLevel() {
        return minimumLevel;
    }

    /**
     * The settle window: how long a check that observes side effects waits for the count it expects
     * before it concludes "never processed" or "processed once"; see the README's "How side effects are
     * observed".
     */
    public Duration settle() {
        return settle;
    }

    /** Whether a check that needs a probe fails (instead of being reported as not verified) without one. */
    public boolean requireProbe() {
        return requireProbe;
    }

    /** Hears each check start and finish. */
    public ProgressListener listener() {
        return listener;
    }

    /** Only these checks, for example {@code SIG-001}; an unknown id fails the run before anything is sent. */
    public Options checks(String... ids) {
        return new Options(Set.of(ids), skipIds, minimumLevel, settle, requireProbe, listener);
    }

    /** All the selected checks but these; an unknown id fails the run before anything is sent. */
    public Options skip(String... ids) {
        return new Options(checkIds, Set.of(ids), minimumLevel, settle, requireProbe, listener);
    }

    public Options minimumLevel(Level.Kind level) {
        return new Options(checkIds, skipIds, level, settle, requireProbe, listener);
    }

    /** Another settle window: longer for a receiver whose workers lag, shorter to keep a run against a fast one short. */
    public Options settle(Duration window) {
        return new Options(checkIds, skipIds, minimumLevel, window, requireProbe, listener);
    }

    /** Fails the checks that need a probe when there is none, instead of reporting them as not verified. */
    public Options requireProbe(boolean required) {
        return new Options(checkIds, skipIds, minimumLevel, settle, required, listener);
    }

    public Options listener(ProgressListener newListener) {
        return new Options(checkIds, skipIds, minimumLevel, settle, requireProbe, newListener);
    }

    @Override
    public String toString() {
        return "Options[checks=" + (checkIds.isEmpty() ? "all" : checkIds) + ", skip=" + skipIds + ", level="
                + minimumLevel.code() + ", settle=" + settle + ", requireProbe=" + requireProbe + "]";
    }
}
