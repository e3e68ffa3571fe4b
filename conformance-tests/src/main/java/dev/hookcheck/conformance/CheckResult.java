package dev.hookcheck.conformance;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one check found. It never contains a secret: request and response texts are recorded with
 * every secret of the receiver blanked out.
 *
 * @param id the stable check id, for example {@code SIG-004}
 * @param title what a conforming receiver does, as a sentence
 * @param category what the check is about
 * @param level how much it matters for the receiver's profile
 * @param outcome passed, failed or skipped
 * @param cause why the outcome is what it is: the receiver's behaviour ({@link Cause#CHECKED}), or a reason
 *     the check could not judge it
 * @param message one line: {@code [ID] title: expected …, got …. Hint: …} for a failure, the reason for a
 *     skip, {@code [ID] title: passed} otherwise
 * @param hint how to fix a receiver that fails this check
 * @param durationMs how long the check took
 * @param evidence the request sent and the response seen (for a failure: the ones that failed it);
 *     null when nothing was sent
 */
public record CheckResult(
        String id,
        String title,
        Category category,
        Level level,
        Outcome outcome,
        Cause cause,
        String message,
        String hint,
        long durationMs,
        Evidence evidence) {

    public enum Outcome {
        PASSED,
        FAILED,
        SKIPPED;

        /** The report spelling, for example {@code passed}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Why a check ended as it did. */
    public enum Cause {
        /** The check ran to its verdict: passed, or failed by what the receiver did. */
        CHECKED,
        /** The check cannot apply to the profile (skipped). */
        NOT_APPLICABLE,
        /**
         * Not verified: the check observes side effects and the run has no probe (skipped, or failed when
         * the options require a probe).
         */
        NO_PROBE,
        /** Not run: the run stopped early because the receiver did not answer (skipped). */
        NOT_RUN,
        /** The probe failed (unreachable, wrong query, output that is not a count): failed, not the receiver's fault. */
        PROBE_ERROR,
        /** Hookcheck itself failed while running the check: failed, not the receiver's fault. */
        HOOKCHECK_ERROR;

        /** The report spelling, for example {@code no-probe}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * One HTTP exchange with the receiver.
     *
     * @param request what was sent
     * @param response what came back; null when no answer came (timeout, refused connection)
     */
    public record Evidence(Request request, Response response) {
        public Evidence {
            Objects.requireNonNull(request, "request");
        }
    }

    /**
     * @param body the body as UTF-8 text, cut after a few thousand characters (the cut says how
     *     many bytes the whole body had)
     * @param bodyBytes how many bytes the whole body had
     */
    public record Request(String method, String url, Map<String, String> headers, String body, int bodyBytes) {
        public Request {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
            Objects.requireNonNull(body, "body");
        }

        /** A request whose body is recorded whole. */
        public Request(String method, String url, Map<String, String> headers, String body) {
            this(method, url, headers, body, body.getBytes(StandardCharsets.UTF_8).length);
        }

        /** Whether {@link #body} is the body exactly as sent: not cut, and UTF-8 text. */
        public boolean bodyComplete() {
            return body.getBytes(StandardCharsets.UTF_8).length == bodyBytes;
        }
    }

    /**
     * @param status the HTTP status code
     * @param headers the response headers (several values of one header joined by {@code ", "})
     * @param body the body as UTF-8 text, cut like a request body
     */
    public record Response(int status, Map<String, String> headers, String body) {
        public Response {
            headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        }
    }

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(hint, "hint");
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public boolean skipped() {
        return outcome == Outcome.SKIPPED;
    }

    /**
     * What the check found, without the {@code [ID] title: } lead and the {@code Hint: …} tail that a
     * report shows beside it: {@code expected 4xx for a timestamp 330 s old, got 200}.
     */
    public String finding() {
        String lead = "[" + id + "] " + title + ": ";
        String found = message.startsWith(lead) ? message.substring(lead.length()) : message;
        String tail = ". Hint: " + hint;
        return !hint.isEmpty() && found.endsWith(tail) ? found.substring(0, found.length() - tail.length()) : found;
    }

    /** Observes side effects and had no probe to see them: neither passed nor failed by the receiver. */
    public boolean notVerified() {
        return cause == Cause.NO_PROBE;
    }
}
