package dev.hookcheck.reliability;

import dev.hookcheck.reliability.Receiver.Behaviour;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * {@code java -Xmx256m -jar hookcheck.jar check --timeout-seconds 1} against each hostile receiver:
 * it must end within its bound with the documented exit code and one clear verdict, never run out of
 * memory, and no check may pass that saw no answer.
 */
final class HostileChecks {
    /** One run of {@code check}. */
    record Run(String receiver, int exitCode, Duration took, Duration bound, String verdict, boolean passed, String problem) {}

    /** Every run. */
    record Result(List<Run> runs) {}

    /** What each receiver must get: the exit code, words the verdict contains, and how long the run may take. */
    private record Expectation(String receiver, Behaviour behaviour, int exitCode, String words, Duration bound) {}

    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private static final List<Expectation> EXPECTATIONS = List.of(
            new Expectation("hang", Behaviour.HANG, 1, "no answer from", Duration.ofSeconds(30)),
            new Expectation("refuse", null, 2, "refused", Duration.ofSeconds(20)),
            new Expectation("reset", Behaviour.RESET, 1, "no answer from", Duration.ofSeconds(30)),
            new Expectation("slow_100mb", Behaviour.SLOW_100MB, 1, "FAILED", Duration.ofSeconds(120)),
            new Expectation("fast_100mb", Behaviour.FAST_100MB, 1, "FAILED", Duration.ofSeconds(120)),
            new Expectation("error_500", Behaviour.ERROR_500, 1, "FAILED", Duration.ofSeconds(120)),
            new Expectation("redirect_loop", Behaviour.REDIRECT_LOOP, 1, "FAILED", Duration.ofSeconds(120)));

    private final Path jar;

    HostileChecks(Path jar) {
        this.jar = jar;
    }

    Result run(int receivers) {
        List<Run> runs = new ArrayList<>();
        for (Expectation e : EXPECTATIONS.subList(0, Math.min(receivers, EXPECTATIONS.size()))) {
            Receiver receiver = e.behaviour() == null ? null : Receiver.start(e.behaviour());
            try {
                runs.add(check(e, receiver == null ? Receiver.refusing() : receiver.url()));
            } finally {
                if (receiver != null) {
                    receiver.close();
                }
            }
        }
        return new Result(List.copyOf(runs));
    }

    private Run check(Expectation e, String url) {
        Path reports;
        try {
            reports = Files.createTempDirectory("hookcheck-hostile-" + e.receiver());
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-jar",
                jar.toString(), "check", "--url", url, "--profile", "standard", "--secret", SECRET, "--timeout-seconds", "1",
                "--report-dir", reports.toString());
        long start = System.nanoTime();
        try {
            Path out = Files.createTempFile("hookcheck-check", ".out");
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("HOOKCHECK_"));
            builder.environment().put("NO_COLOR", "1");
            Process process = builder.start();
            // far beyond the bound: a run that hangs is stopped and counted as a failure, not waited for
            boolean ended = process.waitFor(e.bound().multipliedBy(3).toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            int exit = ended ? process.exitValue() : -1;
            String verdict = verdict(lines);
            String problem = problem(e, ended, exit, took, lines, reports);
            return new Run(e.receiver(), exit, took, e.bound(), Verdicts.cut(verdict), problem == null, problem);
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        } catch (InterruptedException x) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(x);
        } finally {
            delete(reports);
        }
    }

    /** The line that sums the run up: the stop diagnosis, the FAILED line, or the usage error. */
    private static String verdict(List<String> lines) {
        for (String prefix : List.of("FAILED", "hookcheck:", "STOP")) {
            for (String line : lines) {
                if (line.strip().startsWith(prefix)) {
                    return line.strip();
                }
            }
        }
        return lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1).strip();
    }

    private static String problem(Expectation e, boolean ended, int exit, Duration took, List<String> lines, Path reports) {
        if (!ended) {
            return "still running after " + took.toSeconds() + " s";
        }
        String all = String.join("\n", lines);
        if (all.contains("OutOfMemoryError")) {
            return "ran out of memory";
        }
        if (exit != e.exitCode()) {
            return "exit " + exit + ", expected " + e.exitCode() + ": " + Verdicts.cut(verdict(lines));
        }
        if (!all.contains(e.words())) {
            return "no '" + e.words() + "' in its output: " + Verdicts.cut(verdict(lines));
        }
        if (took.compareTo(e.bound()) > 0) {
            return "took " + took.toSeconds() + " s, more than its bound of " + e.bound().toSeconds() + " s";
        }
        Path report = reports.resolve("report.json");
        if (Files.isRegularFile(report)) {
            JsonNode json = OpenApi.JSON.readTree(report.toFile());
            for (JsonNode check : json.path("checks")) {
                if (check.path("outcome").asString().equals("passed")
                        && check.path("evidence").path("response").isNull() && !check.path("evidence").isNull()) {
                    return check.path("id").asString() + " passed without an answer";
                }
            }
        }
        return null;
    }

    private static void delete(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
