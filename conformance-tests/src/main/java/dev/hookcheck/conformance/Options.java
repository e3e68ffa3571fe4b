package dev.hookcheck.conformance;

import java.util.Objects;
import java.util.Set;

/**
 * Which checks a run includes and who hears about its progress.
 *
 * @param checkIds the ids to run; empty for all
 * @param minimumLevel {@code REQUIRED} runs the required checks only; {@code RECOMMENDED} (the default)
 *     runs the recommended ones too and lists the checks that do not apply as skipped
 * @param listener hears each check start and finish
 */
public record Options(Set<String> checkIds, Level.Kind minimumLevel, ProgressListener listener) {

    public Options {
        checkIds = Set.copyOf(checkIds);
        Objects.requireNonNull(minimumLevel, "minimumLevel");
        if (minimumLevel == Level.Kind.NOT_APPLICABLE) {
            throw new IllegalArgumentException("minimumLevel is REQUIRED or RECOMMENDED");
        }
        Objects.requireNonNull(listener, "listener");
    }

    /** Every check, recommended ones included, no listener. */
    public static Options defaults() {
        return new Options(Set.of(), Level.Kind.RECOMMENDED, ProgressListener.NONE);
    }

    /** Only these checks, for example {@code SIG-001}; an unknown id fails the run before anything is sent. */
    public Options checks(String... ids) {
        return new Options(Set.of(ids), minimumLevel, listener);
    }

    public Options minimumLevel(Level.Kind level) {
        return new Options(checkIds, level, listener);
    }

    public Options listener(ProgressListener newListener) {
        return new Options(checkIds, minimumLevel, newListener);
    }
}
