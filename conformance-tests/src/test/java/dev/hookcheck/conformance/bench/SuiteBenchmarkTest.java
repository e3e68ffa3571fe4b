package dev.hookcheck.conformance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Conformance;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.conformance.reference.ReferenceReceiver;
import dev.hookcheck.conformance.reference.Secrets;
import dev.hookcheck.core.profile.Profiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Wall time of the whole catalog (recommended checks included) against each profile's correct
 * reference receiver, in one JVM: the first run of the JVM (cold: class loading, JIT), the first
 * run of each profile, then the median and worst of {@value #RUNS} more. Excluded from the normal
 * build by its tag; run it with
 * {@code mvn -B -pl conformance-tests -am verify -Dhookcheck.excludedGroups= -Dgroups=benchmark}.
 * The table goes to stdout and {@code conformance-tests/target/benchmark.md}.
 */
@Tag("benchmark")
class SuiteBenchmarkTest {
    private static final int RUNS = 7;
    private static final long TARGET_MS = 3000;

    @Test
    void theWholeSuiteRunsInUnderThreeSecondsPerProfile() throws IOException {
        StringBuilder table = new StringBuilder("| profile | checks run | first run (ms) | median of " + RUNS
                + " (ms) | worst of " + RUNS + " (ms) |\n|---|--:|--:|--:|--:|\n");
        List<Long> firsts = new ArrayList<>();
        for (String profile : Profiles.names()) {
            try (ReferenceReceiver app = ReferenceReceiver.correct(profile).start()) {
                Receiver receiver = Receiver.of(app.url().toString(), profile, Secrets.of(profile))
                        .withProbe(app::timesProcessed);
                long first = timed(receiver);
                List<Long> times = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    times.add(timed(receiver));
                }
                times.sort(null);
                long ran = Conformance.run(receiver).stream().filter(r -> !r.skipped()).count();
                table.append("| ").append(profile).append(" | ").append(ran).append(" | ").append(first).append(" | ")
                        .append(times.get(RUNS / 2)).append(" | ").append(times.get(RUNS - 1)).append(" |\n");
                firsts.add(first);
                assertThat(times.get(RUNS - 1)).as("worst run for %s", profile).isLessThan(TARGET_MS);
            }
        }
        table.append("\nJava ").append(System.getProperty("java.version")).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores; times exclude JVM start.\n");
        System.out.println(table);
        Path out = Path.of("target/benchmark.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        assertThat(firsts).allMatch(ms -> ms < TARGET_MS, "first runs under " + TARGET_MS + " ms");
    }

    private static long timed(Receiver receiver) {
        long start = System.nanoTime();
        List<CheckResult> results = Conformance.run(receiver);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(results).noneMatch(CheckResult::failed);
        return ms;
    }
}
