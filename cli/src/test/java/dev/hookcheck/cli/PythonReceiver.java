package dev.hookcheck.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code scripts/webhook_receiver.py} as a process: a Standard Webhooks receiver written outside the
 * project's Java code, in Python's standard library, immediate or queued, correct or flawed.
 */
final class PythonReceiver implements AutoCloseable {
    static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private final Process process;
    final String url;

    PythonReceiver(String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of("python3",
                JarProcess.ROOT.resolve("scripts/webhook_receiver.py").toString(), "--port", "0", "--secret", SECRET));
        command.addAll(List.of(options));
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String first = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (first == null || !first.startsWith("listening on ")) {
            process.destroyForcibly();
            throw new IOException("webhook_receiver.py did not start: " + first);
        }
        url = first.substring("listening on ".length());
    }

    String probeTemplate() {
        return url.replace("/webhooks", "/__probe/{event_id}");
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
