package dev.hookcheck.conformance.internal;

import java.time.Duration;

/** A duration as people read it in a message: {@code 5 s}, {@code 1.5 s}, {@code 300 ms}. */
public final class Seconds {
    private Seconds() {}

    public static String of(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1000) {
            return millis + " ms";
        }
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
