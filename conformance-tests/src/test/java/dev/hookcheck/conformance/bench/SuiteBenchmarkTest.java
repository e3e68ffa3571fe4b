package dev.hookcheck.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Options;
import dev.hookcheck.conformance.Probe;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.core.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wall time of the whole catalog (recommended checks included), with the default settle window and
 * the HTTP probe, against each profile's correct reference receiver in two forms, side by side in one
 * JVM: one that processes before it answers, and one that answers first and processes from a queue
 * ({@link ReferenceReceiver#QUEUE_DELAY} later). Per form and profile: the first run, then the median
 * and worst of {@value #RUNS} more. Excluded from the normal build by its tag; run it with
 * {@code mvn -B -pl conformance-tests -am verify -Dhookcheck.excludedGroups= -Dgroups=benchmark}.
 * The table goes to stdout and {@code conformance-tests/target/benchmark.md}.
 */
@Tag("benchmark")
class SuiteBenchmarkTest {
    private static final int RUNS = 5;
    private static final long TARGET_MS = 5000;

    @Test
    void theWholeSuiteRunsInUnderFiveSecondsPerProfileAgainstImmediateAndQueuedReceivers() throws IOException {
        StringBuilder table = new StringBuilder("| profile | receiver | checks run | first run (ms) | median of " + RUNS
                + " (ms) | worst of " + RUNS + " (ms) |\n|---|---|--:|--:|--:|--:|\n");
        List<Long> worst = new ArrayList<>();
        for (String profile : Profiles.names()) {
            row(table, worst, profile, "immediate", ReferenceReceiver::start);
            row(table, worst, profile, "queued (" + ReferenceReceiver.QUEUE_DELAY.toMillis() + " ms)",
                    r -> r.queued().start());
        }
        table.append("\nJava ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; settle window ")
                .append(Options.DEFAULT_SETTLE.toSeconds()).append(" s; times exclude JVM start.\n");
        System.out.println(table);
        Path out = Path.of("target/benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        assertThat(worst).allMatch(ms -> ms < TARGET_MS, "every run under " + TARGET_MS + " ms");
    }

    private static void row(StringBuilder table, List<Long> worst, String profile, String kind,
            Function<ReferenceReceiver, ReferenceReceiver> start) {
        try (ReferenceReceiver app = start.apply(ReferenceReceiver.correct(profile))) {
            Receiver receiver = Receiver.of(app.url().toString(), profile, Secrets.of(profile))
                    .withProbe(Probe.http(app.probeTemplate()));
            long first = timed(receiver);
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                times.add(timed(receiver));
            }
            times.sort(null);
            long ran = Conformance.run(receiver).stream().filter(r -> !r.skipped()).count();
            table.append("| ").append(profile).append(" | ").append(kind).append(" | ").append(ran).append(" | ")
                    .append(first).append(" | ").append(times.get(RUNS / 2)).append(" | ").append(times.get(RUNS - 1))
                    .append(" |\n");
            worst.add(Math.max(first, times.get(RUNS - 1)));
        }
    }

    private static long timed(Receiver receiver) {
        long start = System.nanoTime();
        List<CheckResult> results = Conformance.run(receiver);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(results).noneMatch(CheckResult::failed);
        return ms;
    }
}
