package dev.hookcheck.cli;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.Tolerance;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hookcheck send}: signs and POSTs deliveries to a receiver as the provider would, and prints
 * each answer: a body of your own, or a catalog event with realistic data; several, retried, or with a
 * stale timestamp, to do by hand what the checks do.
 */
@Command(name = "send", mixinStandardHelpOptions = true, versionProvider = Hookcheck.Version.class,
        description = {"Signs and POSTs a delivery to a receiver as the provider would, and prints the answer: a body"
                + " of your own (--body) or a catalog event with realistic data (--event, the default).",
                "Exit codes: 0 every answer was 2xx, 1 one was not (or none came), 2 usage error, 3 Hookcheck failed.",
                ""})
final class SendCommand implements Callable<Integer> {
    private static final int SHOWN_BODY_CHARS = 2_000;

    @Spec
    CommandSpec spec;

    @ParentCommand
    Hookcheck hookcheck;

    @Option(names = "--url", paramLabel = "URL", required = true,
            description = "Where the receiver takes deliveries, e.g. http://localhost:3000/webhooks.")
    String url;

    @Option(names = "--profile", paramLabel = "P", required = true, completionCandidates = ProfileOption.Names.class,
            description = "The provider whose deliveries to send: ${COMPLETION-CANDIDATES}.")
    String profile;

    @Option(names = "--secret", paramLabel = "S", defaultValue = "${env:HOOKCHECK_SECRET}",
            description = "The signing secret (env HOOKCHECK_SECRET). Repeat it to sign with several, newest first "
                    + "(schemes that carry one signature use the first).")
    List<String> secrets;

    @Option(names = "--body", paramLabel = "FILE|-",
            description = "Send these exact bytes (a file, or - for standard input) instead of a catalog event; the"
                    + " other headers (Content-Type, GitHub's X-GitHub-Event...) are the --event type's.")
    String body;

    @Option(names = "--event", paramLabel = "TYPE",
            description = "The event type, e.g. invoice.paid (see the profile's catalog): a catalog example with"
                    + " realistic data, or the type of a --body. Default: the profile's first business event.")
    String eventType;

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Send N deliveries, each a new event (with --body: the same body under new ids)."
                    + " Default: 1.")
    int count;

    @Option(names = "--duplicate",
            description = "Send every delivery twice: the second is the provider's retry of the first (same event"
                    + " id, signed again now; Dfns: a new attempt id with retryOf), as IDM-001 does.")
    boolean duplicate;

    @ArgGroup(exclusive = true)
    SignedAt signedAt;

    /** When the deliveries are signed: now, a given time, or just beyond the tolerance. */
    static final class SignedAt {
        @Option(names = "--timestamp", paramLabel = "T", required = true,
                description = "Sign with this timestamp, unix seconds (a --body on a scheme that reads the"
                        + " timestamp from the body keeps the body's).")
        Long timestamp;

        @Option(names = "--stale", required = true,
                description = "Sign 30 s beyond the provider's tolerance in the past, as RPL-001 does: a"
                        + " receiver that checks the timestamp answers 4xx.")
        boolean stale;
    }

    @Option(names = "--timeout-seconds", paramLabel = "N",
            description = "How long to wait for each answer. Default: the provider's delivery timeout.")
    Integer timeoutSeconds;

    @Option(names = {"-v", "--verbose"}, description = "Print each request's headers and body, and the answer's headers.")
    boolean verbose;

    @Override
    public Integer call() throws InterruptedException {
        Profile chosen = ProfileOption.parse(profile);
        if (secrets == null || secrets.isEmpty() || secrets.stream().anyMatch(String::isEmpty)) {
            throw new UsageError("pass the signing secret with --secret S (or set HOOKCHECK_SECRET)");
        }
        SecretOption.requireWellFormed(chosen, chosen.displayName(), secrets);
        List<Secret> keys = secrets.stream().map(Secret::of).toList();
        if (count < 1 || count > 10_000) {
            throw new UsageError("--count takes 1 to 10000, got " + count);
        }
        URI target = target();
        byte[] custom = body == null ? null : readBody();
        Long fixedTime = signedAt == null ? null : signedAt.stale ? staleTime(chosen) : signedAt.timestamp;
        if (fixedTime != null && chosen.tolerance().direction() == Tolerance.Direction.NONE) {
            throw new UsageError(chosen.displayName() + " signs no timestamp, so --timestamp and --stale change"
                    + " nothing; leave them out");
        }
        if (fixedTime != null && custom != null && timestampInBody(chosen)) {
            throw new UsageError(chosen.displayName() + " signs the timestamp inside the body: change it in the"
                    + " --body file itself, or leave --body out to send a catalog event with --timestamp or --stale");
        }
        EventType type = eventType(chosen);
        Reachability.require(target);

        SplittableRandom random = new SplittableRandom(new SecureRandom().nextLong());
        String organization = chosen.ids().organization().generate(random);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        Duration timeout = timeoutSeconds != null ? Duration.ofSeconds(timeoutSeconds) : chosen.timeout();
        PrintWriter out = spec.commandLine().getOut();
        boolean allAccepted = true;
        int total = count * (duplicate ? 2 : 1);
        int sent = 0;
        for (int i = 0; i < count; i++) {
            Instant at = fixedTime != null ? Instant.ofEpochSecond(fixedTime) : now();
            Event event = chosen.exampleEvent(type, organization, at, random);
            Attempt attempt = Attempt.first(chosen.ids().delivery().generate(random),
                    chosen.ids().endpoint().generate(random), event.id(), at);
            allAccepted &= send(client, target, timeout, chosen, keys, event, attempt, custom, out, ++sent, total, null);
            if (duplicate) {
                Instant retryAt = fixedTime != null ? at : now();
                Attempt retry = attempt.next(chosen.ids().event().generate(random), retryAt);
                allAccepted &= send(client, target, timeout, chosen, keys, event, retry, custom, out, ++sent, total,
                        attempt);
            }
        }
        return allAccepted ? 0 : Hookcheck.FAILED;
    }

    /** Signs and sends one attempt, prints what came back; true for a 2xx. */
    private boolean send(HttpClient client, URI target, Duration timeout, Profile chosen, List<Secret> keys, Event event,
            Attempt attempt, byte[] custom, PrintWriter out, int number, int total, Attempt retried)
            throws InterruptedException {
        Payload payload = chosen.payloads().build(event, attempt);
        byte[] bytes = chosen.scheme().signedBody(keys, payload.signingId(), Long.toString(payload.timestamp()),
                custom != null ? custom : payload.body());
        Map<String, String> headers = new LinkedHashMap<>(payload.headers());
        URI url = URI.create(chosen.scheme().deliveryUrl(target.toString(), bytes));
        headers.putAll(chosen.scheme().sign(keys, payload.signingId(), payload.timestamp(), bytes, url.toString()));
        out.println(request(event, custom != null ? bytes.length + " bytes of --body" : payload.idempotencyKey(), attempt,
                retried, number, total));
        if (verbose) {
            headers.forEach((name, value) -> out.println("  " + name + ": " + value));
            out.println("  " + new String(bytes, StandardCharsets.UTF_8));
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(timeout)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        headers.forEach(request::header);
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            long ms = (System.nanoTime() - start) / 1_000_000;
            out.println("  " + response.statusCode() + " in " + ms + " ms" + answer(response.body()));
            if (verbose) {
                response.headers().map().forEach((name, values) -> out.println("  " + name + ": "
                        + String.join(", ", values)));
            }
            out.flush();
            return response.statusCode() >= 200 && response.statusCode() < 300;
        } catch (HttpTimeoutException e) {
            out.println("  no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            out.println("  no answer (" + (e.getMessage() == null ? "the connection was closed" : e.getMessage())
                    + ")");
        }
        out.flush();
        return false;
    }

    /** {@code POST invoice.paid msg_2Lh9… (retry) signed at 1774862102 [2/4]}. */
    private static String request(Event event, String what, Attempt attempt, Attempt retried, int number,
            int total) {
        StringBuilder line = new StringBuilder("POST ").append(event.type()).append(' ').append(what);
        if (retried != null) {
            line.append(" (retry: attempt ").append(attempt.number()).append(')');
        }
        line.append(" signed at ").append(attempt.sentAt().getEpochSecond());
        return total == 1 ? line.toString() : line.append(" [").append(number).append('/').append(total).append(']')
                .toString();
    }

    private static String answer(String body) {
        if (body.isEmpty()) {
            return "";
        }
        String shown = body.length() > SHOWN_BODY_CHARS ? body.substring(0, SHOWN_BODY_CHARS) + "… (" + body.length()
                + " characters)" : body;
        return ": " + shown.strip();
    }

    private URI target() {
        try {
            URI target = new URI(url);
            if (!target.isAbsolute() || target.getHost() == null || !("http".equalsIgnoreCase(target.getScheme())
                    || "https".equalsIgnoreCase(target.getScheme()))) {
                throw new UsageError("--url must be an absolute http or https URL such as"
                        + " http://localhost:3000/webhooks, got '" + url + "'");
            }
            return target;
        } catch (URISyntaxException e) {
            throw new UsageError("--url is not a URL: " + e.getMessage());
        }
    }

    /** The named type, or the first business event; a name the catalog lacks is sent as given, as ROB-001 does. */
    private EventType eventType(Profile chosen) {
        List<EventType> business = chosen.events().businessTypes();
        EventType first = business.isEmpty() ? chosen.events().types().get(0) : business.get(0);
        if (eventType == null) {
            return first;
        }
        return chosen.events().find(eventType).orElseGet(() -> new EventType(eventType, first.resourceType()));
    }

    /** Just beyond the tolerance, as RPL-001 signs: 30 s past its edge. */
    private static long staleTime(Profile chosen) {
        return now().getEpochSecond() - chosen.tolerance().window().toSeconds() - 30;
    }

    private static boolean timestampInBody(Profile chosen) {
        return chosen.scheme().spec().map(s -> s.timestamp().from() == SchemeSpec.Source.From.BODY).orElse(false);
    }

    private static Instant now() {
        return Instant.ofEpochSecond(Instant.now().getEpochSecond());
    }

    private byte[] readBody() {
        try {
            return body.equals("-") ? hookcheck.in.readAllBytes() : Files.readAllBytes(Path.of(body));
        } catch (NoSuchFileException e) {
            throw new UsageError("cannot read the body from '" + body + "': no such file");
        } catch (IOException e) {
            throw new UsageError("cannot read the body from " + (body.equals("-") ? "standard input" : "'" + body + "'")
                    + ": " + e.getMessage());
        }
    }
}
