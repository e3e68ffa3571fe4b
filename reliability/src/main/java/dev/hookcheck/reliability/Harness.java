package dev.hookcheck.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The reliability harness: {@code java -jar reliability/target/reliability.jar [--quick|--full]
 * [--jar cli/target/hookcheck.jar] [--report FILE]}. Each section starts its own {@code hookcheck
 * serve}; the figures are written as Markdown (the RELIABILITY.md section) and the exit code is 0
 * only when every figure that must be zero is.
 */
public final class Harness {
    private Harness() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of("cli/target/hookcheck.jar");
        Path report = null;
        boolean full = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> full = false;
                case "--full" -> full = true;
                case "--jar" -> jar = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                default -> {
                    System.err.println("reliability: unknown option " + args[i] + "; use [--quick|--full] [--jar FILE] [--report FILE]");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("reliability: no " + jar + "; build it first: mvn -B -q -pl cli -am package -DskipTests");
            System.exit(2);
        }
        Settings settings = full ? Settings.full(jar) : Settings.quick(jar);
        Results results = run(settings, System.out);
        String markdown = results.markdown();
        System.out.println();
        System.out.println(markdown);
        if (report != null) {
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
        }
        results.failures().forEach(f -> System.err.println("FAILED: " + f));
        System.exit(results.failures().isEmpty() ? 0 : 1);
    }

    /** Runs every section with {@code settings}, telling progress on {@code progress}. */
    static Results run(Settings settings, java.io.PrintStream progress) {
        long start = System.nanoTime();
        Results results = new Results(settings);
        progress.println("reliability (" + settings.name() + "): fuzzing " + settings.fuzzRequests() + " requests");
        try (Receiver sink = Receiver.start(Receiver.Behaviour.OK);
                Sandbox sandbox = Sandbox.start(settings.jar(), "256m", 20)) {
            results.fuzz = new Fuzzer(sandbox, sink.url(), settings.seed()).run(settings.fuzzRequests(), settings.fuzzBudget());
            results.fuzzPeakThreads = sandbox.serve().peakThreads();
        }
        results.took = Duration.ofNanos(System.nanoTime() - start);
        return results;
    }
}
