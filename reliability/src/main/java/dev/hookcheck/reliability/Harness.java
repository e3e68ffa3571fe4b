package dev.hookcheck.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The reliability harness: {@code java -jar reliability/target/reliability.jar [--quick|--full]
 * [--jar cli/target/hookcheck.jar] [--report FILE] [--only fuzz,tenancy,faults,check,load]}. Each
 * section starts its own {@code hookcheck serve}; the figures are written as Markdown (the
 * RELIABILITY.md section) and the exit code is 0 only when every figure that must be zero is.
 */
public final class Harness {
    private Harness() {}

    public static void main(String[] args) throws IOException {
        Path jar = Path.of("cli/target/hookcheck.jar");
        Path report = null;
        boolean full = true;
        Set<String> only = SECTIONS;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> full = false;
                case "--full" -> full = true;
                case "--jar" -> jar = Path.of(args[++i]);
                case "--report" -> report = Path.of(args[++i]);
                case "--only" -> only = Set.of(args[++i].split(","));
                default -> {
                    System.err.println("reliability: unknown option " + args[i] + "; use [--quick|--full] [--jar FILE]"
                            + " [--report FILE] [--only " + String.join(",", SECTIONS) + "]");
                    System.exit(2);
                }
            }
        }
        if (!Files.isRegularFile(jar)) {
            System.err.println("reliability: no " + jar + "; build it first: mvn -B -q -pl cli -am package -DskipTests");
            System.exit(2);
        }
        Settings settings = full ? Settings.full(jar) : Settings.quick(jar);
        if (!SECTIONS.containsAll(only)) {
            System.err.println("reliability: --only takes " + String.join(",", SECTIONS) + ", got " + only);
            System.exit(2);
        }
        Results results = run(settings, only, System.out);
        String markdown = results.markdown();
        System.out.println();
        System.out.println(markdown);
        if (report != null) {
            Files.writeString(report, markdown, StandardCharsets.UTF_8);
        }
        results.failures().forEach(f -> System.err.println("FAILED: " + f));
        System.exit(results.failures().isEmpty() ? 0 : 1);
    }

    /** The sections, in the order they run. */
    static final Set<String> SECTIONS = new LinkedHashSet<>(List.of("fuzz", "tenancy", "faults", "check", "load"));

    /** Runs every section with {@code settings}, telling progress on {@code progress}. */
    static Results run(Settings settings, java.io.PrintStream progress) {
        return run(settings, SECTIONS, progress);
    }

    static Results run(Settings settings, Set<String> only, java.io.PrintStream progress) {
        long start = System.nanoTime();
        Results results = new Results(settings);
        if (only.contains("fuzz")) {
            fuzz(settings, results, progress);
        }
        if (only.contains("tenancy")) {
            tenancy(settings, results, progress);
        }
        if (only.contains("faults")) {
            faults(settings, results, progress);
        }
        if (only.contains("check")) {
            progress.println("reliability: check against " + settings.checkReceivers() + " hostile receivers");
            results.checks = new HostileChecks(settings.jar()).run(settings.checkReceivers());
        }
        if (only.contains("load")) {
            load(settings, results, progress);
        }
        results.took = Duration.ofNanos(System.nanoTime() - start);
        return results;
    }

    private static void fuzz(Settings settings, Results results, java.io.PrintStream progress) {
        progress.println("reliability (" + settings.name() + "): fuzzing, every operation with every mutation "
                + settings.fuzzPasses() + " times");
        try (Receiver sink = Receiver.start(Receiver.Behaviour.OK);
                Sandbox sandbox = Sandbox.start(settings.jar(), "256m", 20, "--dfns-user-actions", "any")) {
            results.fuzz = new Fuzzer(sandbox, sink.url(), settings.seed()).run(settings.fuzzPasses(), settings.fuzzBudget());
            results.fuzzPeakThreads = sandbox.serve().peakThreads();
        }
    }

    private static void tenancy(Settings settings, Results results, java.io.PrintStream progress) {
        progress.println("reliability: tenancy matrix");
        try (Receiver sink = Receiver.start(Receiver.Behaviour.OK);
                Sandbox sandbox = Sandbox.start(settings.jar(), "256m", 20, "--dfns-user-actions", "any")) {
            results.tenancy = new TenancyMatrix(sandbox).run(sink.url());
        }
    }

    private static void faults(Settings settings, Results results, java.io.PrintStream progress) {
        progress.println("reliability: delivery faults, " + settings.faultEvents() + " events to each hostile receiver");
        try (Sandbox sandbox = Sandbox.start(settings.jar(), "256m", 0)) {
            results.faults = new DeliveryFaults(sandbox, "256m").run(settings.faultEvents());
        }
    }

    private static void load(Settings settings, Results results, java.io.PrintStream progress) {
        progress.println("reliability: load, " + settings.loadEvents() + " events x " + settings.loadEndpoints() + " endpoints");
        try (Sandbox sandbox = Sandbox.start(settings.jar(), "256m", 0)) {
            results.load = new LoadRun(sandbox).run(settings.loadEvents(), settings.loadEndpoints());
        }
    }
}
