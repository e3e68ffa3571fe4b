package dev.hookcheck.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar hookcheck.jar serve} as a process: the real command, its real limits. While it
 * runs, its thread count and resident memory are sampled from {@code /proc} (Linux) and its heap is
 * read from its GC log, so the figures are the server's own, not the harness's.
 */
final class Serve implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+)");
    /** {@code 45M->12M(256M)} in a unified GC log line: heap before and after a collection. */
    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final Path gcLog;
    private final AtomicInteger peakThreads = new AtomicInteger();
    /** The server's threads by kind when their number peaked. */
    private volatile Map<String, Integer> peakKinds = Map.of();
    private final Thread sampler;
    private final String baseUrl;
    private volatile boolean closed;

    private Serve(Process process, Path gcLog) {
        this.process = process;
        this.gcLog = gcLog;
        read(process.getInputStream());
        read(process.getErrorStream());
        this.baseUrl = awaitUrl();
        this.sampler = new Thread(this::sample, "serve-sampler");
        this.sampler.setDaemon(true);
        this.sampler.start();
    }

    /** Starts {@code serve} with the given JVM heap bound and arguments; returns once it listens. */
    static Serve start(Path jar, String maxHeap, String... args) {
        try {
            Path gcLog = Files.createTempFile("hookcheck-serve-gc", ".log");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx" + maxHeap, "-Xlog:gc:file=" + gcLog, "-jar", jar.toString(), "serve", "--port", "0"));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().keySet().removeIf(k -> k.startsWith("HOOKCHECK_"));
            return new Serve(builder.start(), gcLog);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return baseUrl;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** Everything the server printed (stdout and stderr) so far. */
    List<String> output() {
        return List.copyOf(output);
    }

    int peakThreads() {
        return peakThreads.get();
    }

    /** The most resident memory the process ever had, in MiB ({@code VmHWM}). */
    long peakResidentMiB() {
        return statusValue("VmHWM") / 1024;
    }

    /** The most heap in use, in MiB, as the GC log shows it (before a collection). */
    long peakHeapMiB() {
        long peak = 0;
        try {
            for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
                Matcher m = HEAP.matcher(line);
                while (m.find()) {
                    peak = Math.max(peak, Long.parseLong(m.group(1)));
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return peak;
    }

    /** Resets the thread peak to what runs now, before a measured phase. */
    void resetPeaks() {
        peakThreads.set(threads());
        peakKinds = threadKinds();
    }

    /** Thread names from {@code /proc/<pid>/task/<tid>/comm} (15 characters at most), grouped by their stem. */
    private Map<String, Integer> threadKinds() {
        Map<String, Integer> kinds = new TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                try {
                    String name = Files.readString(task.resolve("comm")).strip();
                    kinds.merge(name.replaceAll("[-#]?\\d+$", "").replaceAll("-\\d+-", "-"), 1, Integer::sum);
                } catch (IOException gone) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            return Map.of();
        }
        return kinds;
    }

    int threads() {
        return (int) statusValue("Threads");
    }

    private long statusValue(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                if (line.startsWith(name + ":")) {
                    return Long.parseLong(line.substring(name.length() + 1).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // not Linux, or the process ended
        }
        return -1;
    }

    /** The server's threads by kind (Jetty's pool, delivery workers, the HTTP client's…) when their number peaked. */
    Map<String, Integer> peakThreadKinds() {
        return peakKinds;
    }

    private void sample() {
        while (!closed && process.isAlive()) {
            int now = threads();
            if (now > peakThreads.get()) {
                peakThreads.set(now);
                peakKinds = threadKinds();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private String awaitUrl() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            for (String line : output) {
                Matcher m = LISTENING.matcher(line);
                if (m.find()) {
                    return m.group(1);
                }
            }
            if (!process.isAlive()) {
                break;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("hookcheck serve did not start:\n" + String.join("\n", output));
    }

    private void read(InputStream stream) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                }
            } catch (IOException ended) {
                // the process is gone
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void close() {
        closed = true;
        process.toHandle().destroy();
        try {
            if (!process.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(gcLog);
        } catch (IOException ignored) {
            // a temporary file
        }
    }
}
