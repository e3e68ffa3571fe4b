package dev.hookcheck.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The quick slice of the reliability harness, against the command's fat jar the reactor built:
 * every figure that must be zero is zero. The full run is {@code scripts/reliability.sh}
 * (RELIABILITY.md).
 */
class ReliabilityQuickTest {
    @Test
    void theQuickSliceFindsNo5xxNoShapeViolationNoLeakNothingLostAndBoundedChecks() throws IOException {
        Path jar = Path.of(System.getProperty("hookcheck.jar", "../cli/target/hookcheck.jar"));
        assertThat(jar).as("the command's fat jar, built by the reactor before this module").isRegularFile();

        Results results = Harness.run(Settings.quick(jar), new PrintStream(System.out, true, StandardCharsets.UTF_8));

        String report = System.getProperty("hookcheck.reliability.report");
        if (report != null) {
            Files.writeString(Path.of(report), results.markdown(), StandardCharsets.UTF_8);
        }
        assertThat(results.failures()).as("%s", results.markdown()).isEmpty();
        assertThat(results.fuzz.requests()).isGreaterThanOrEqualTo(results.fuzz.operations() * Fuzzer.Mutation.values().length);
        assertThat(results.tenancy.cases()).isGreaterThan(200);
        assertThat(results.checks.runs()).hasSize(7);
        assertThat(results.load.delivered()).isEqualTo(results.load.expected());
    }
}
