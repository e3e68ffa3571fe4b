package dev.hookcheck.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** {@code java -jar cli/target/hookcheck.jar …} as a process, its output read line by line as it comes. */
final class JarProcess implements AutoCloseable {
    static final Path JAR = Path.of(System.getProperty("hookcheck.jar", "target/hookcheck.jar"));
    static final Path ROOT = Path.of(System.getProperty("hookcheck.root", ".."));

    private final Process process;
    private final List<String> out = new CopyOnWriteArrayList<>();
    private final List<String> err = new CopyOnWriteArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private JarProcess(Process process) {
        this.process = process;
        this.outReader = reader(process.getInputStream(), out);
        this.errReader = reader(process.getErrorStream(), err);
    }

    /** Starts the jar in the repository root with these arguments and extra environment variables. */
    static JarProcess start(Map<String, String> env, String... args) {
        assertThat(JAR).as("the fat jar; run the *IT tests with mvn verify, after package").isRegularFile();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("HOOKCHECK_"));
        builder.environment().putAll(env);
        try {
            return new JarProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JarProcess start(String... args) {
        return start(Map.of(), args);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Thread reader(InputStream stream, List<String> lines) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // the process is gone
            }
        }, "jar-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The first stdout line that matches, waiting for it up to the deadline. */
    String awaitLine(Predicate<String> wanted, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : out) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            if (!process.isAlive() && !outReader.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no such line within " + within + "; stdout:\n" + String.join("\n", out)
                + "\nstderr:\n" + String.join("\n", err));
    }

    /** Waits for the process to end by itself and returns its exit code, with all its output read. */
    int waitFor(Duration within) throws InterruptedException {
        assertThat(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)).as("the process ended within %s", within)
                .isTrue();
        outReader.join(within.toMillis());
        errReader.join(within.toMillis());
        return process.exitValue();
    }

    /**
     * SIGTERM, as {@code docker stop} sends it. Through the process handle: {@code Process.destroy()}
     * sends the same signal but also closes our ends of its pipes, so its last words would be lost.
     */
    void terminate() {
        process.toHandle().destroy();
    }

    List<String> out() {
        return List.copyOf(out);
    }

    List<String> err() {
        return List.copyOf(err);
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
