package dev.hookcheck.conformance.internal.probe;

import dev.hookcheck.conformance.internal.Text;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code Probe.command}: {@code sh -c} a command that prints the count. The event id never becomes
 * command text: {@code {event_id}} is replaced by {@code "$HOOKCHECK_EVENT_ID"} and the id travels in
 * the environment, so no id (and no attacker-chosen text) can change what the shell runs.
 */
public final class CommandProbe {
    static final String VARIABLE = "HOOKCHECK_EVENT_ID";
    private static final long TIMEOUT_SECONDS = 10;
    /** Reads the command's output while it runs; blocking reads need threads of their own, not the common pool. */
    private static final ExecutorService READERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hookcheck-probe-output");
        t.setDaemon(true);
        return t;
    });

    private final String template;
    private final String script;

    public CommandProbe(String template) {
        this.template = Objects.requireNonNull(template, "command");
        if (template.isBlank()) {
            throw new IllegalArgumentException("the probe command is empty");
        }
        if (!template.contains(HttpProbe.PLACEHOLDER) && !template.contains(VARIABLE)) {
            throw new IllegalArgumentException("the probe command must use the event id: write " + HttpProbe.PLACEHOLDER
                    + " where it goes, for example redis-cli SCARD processed:{event_id}");
        }
        if (quotesThePlaceholder(template)) {
            throw new IllegalArgumentException("write " + HttpProbe.PLACEHOLDER + " without quotes around it:"
                    + " hookcheck passes the id quoted (as \"$" + VARIABLE + "\")");
        }
        this.script = template.replace(HttpProbe.PLACEHOLDER, "\"$" + VARIABLE + "\"");
    }

    /** Whether an {@code {event_id}} stands inside single or double quotes, where the shell would not expand it right. */
    static boolean quotesThePlaceholder(String command) {
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != '\'' && c == '\\') {
                i++;
            } else if (quote == 0 && (c == '\'' || c == '"')) {
                quote = c;
            } else if (quote != 0 && c == quote) {
                quote = 0;
            } else if (quote != 0 && command.startsWith(HttpProbe.PLACEHOLDER, i)) {
                return true;
            }
        }
        return false;
    }

    public int count(String eventId) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of("sh", "-c", script)).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put(VARIABLE, eventId);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("the probe command cannot start: no sh on this machine");
        }
        process.getOutputStream().close();
        CompletableFuture<String> out = read(process.getInputStream());
        CompletableFuture<String> err = read(process.getErrorStream());
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("the probe command did not finish within " + TIMEOUT_SECONDS + " s: " + Text.cut(template, 200));
        }
        int status = process.exitValue();
        String printed = out.join().strip();
        if (status == 126 || status == 127) {
            throw new IOException("the probe command cannot run (exit " + status + "): " + Text.cut(err.join(), 200));
        }
        if (!printed.matches("\\d{1,9}")) {
            throw new IOException("the probe command printed " + (printed.isEmpty() ? "nothing" : "'" + Text.cut(printed, 80) + "'")
                    + " (exit " + status + (err.join().isBlank() ? "" : ": " + Text.cut(err.join(), 200))
                    + "), not a count: it must print one whole number");
        }
        return Integer.parseInt(printed);
    }

    private static CompletableFuture<String> read(InputStream in) {
        return CompletableFuture.supplyAsync(() -> {
            try (in) {
                String text = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                in.transferTo(OutputStream.nullOutputStream()); // the rest, so the command never blocks on a full pipe
                return text;
            } catch (IOException e) {
                return "";
            }
        }, READERS);
    }
}
