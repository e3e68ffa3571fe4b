package dev.hookcheck.reliability;

import java.time.Duration;
import java.util.List;

/** {@code hookcheck check} against the hostile receivers: placeholder until the bounded check is merged. */
final class HostileChecks {
    /** One run of {@code check}. */
    record Run(String receiver, int exitCode, Duration took, Duration bound, String verdict, boolean passed, String problem) {}

    /** Every run. */
    record Result(List<Run> runs) {}

    private HostileChecks() {}
}
