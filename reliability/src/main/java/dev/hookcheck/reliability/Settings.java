package dev.hookcheck.reliability;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How big a run is. {@link #quick} is the slice {@code mvn verify} runs (about a minute and a half on
 * two cores); {@link #full} is the run whose figures RELIABILITY.md shows.
 *
 * @param fuzzPasses how often the fuzzer sends every operation with every mutation class
 * @param fuzzBudget the most time the fuzzer may take; it stops early rather than overrun
 * @param faultEvents events sent to every hostile receiver, each retried on Preo's schedule
 * @param loadEvents events of the load run, each delivered to {@link #loadEndpoints} endpoints
 * @param checkReceivers how many of the hostile receivers {@code check} is run against
 */
record Settings(String name, long seed, Path jar, int fuzzPasses, Duration fuzzBudget, int faultEvents, int loadEvents,
        int loadEndpoints, int checkReceivers) {

    static Settings quick(Path jar) {
        return new Settings("quick", 12, jar, 1, Duration.ofSeconds(45), 2, 1000, 3, 7);
    }

    static Settings full(Path jar) {
        return new Settings("full", 12, jar, 7, Duration.ofMinutes(10), 10, 10_000, 3, 7);
    }
}
