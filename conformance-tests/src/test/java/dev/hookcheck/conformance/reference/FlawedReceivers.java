package dev.hookcheck.conformance.reference;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The deliberately flawed receivers: each is the {@link ReferenceReceiver} with exactly one step
 * done wrong, the way real receivers get it wrong. {@link Flaw} lists them.
 */
final class FlawedReceivers {
    private FlawedReceivers() {}

    /** Takes every request at its word. */
    static final class NoVerification extends ReferenceReceiver {
        NoVerification(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            return verified();
        }
    }

    /** Keys the HMAC with the whsec_ text itself instead of its base64-decoded bytes: nothing genuine passes. */
    static final class WrongKeyEncoding extends ReferenceReceiver {
        WrongKeyEncoding(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            Secret textAsKey = Secret.of("whsec_" + Base64.getEncoder().encodeToString(secrets.get(0).utf8()));
            return profile.scheme().verify(request.url(), request.headers(), request.body(), List.of(textAsKey), clock,
                    tolerance());
        }
    }

    /** {@code if (signature != null && !valid(signature)) reject}: an unsigned request is let through. */
    static final class SkipsUnsigned extends ReferenceReceiver {
        SkipsUnsigned(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            return profile.scheme().signatureOf(request.headers(), request.body()) == null ? verified()
                    : super.verify(request);
        }
    }

    /** A header it cannot parse throws; the exception is logged and the request goes on. */
    static final class SwallowsParseErrors extends ReferenceReceiver {
        SwallowsParseErrors(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            Verification v = super.verify(request);
            return v instanceof Verification.Rejected r && r.reason() == Reason.MALFORMED_HEADER ? verified() : v;
        }
    }

    /** Verifies the signature and never looks at the timestamp. */
    static final class NoTimestampCheck extends ReferenceReceiver {
        NoTimestampCheck(Profile p, Secret s) { super(p, s); }

        @Override
        Tolerance tolerance() {
            return new Tolerance(Duration.ofSeconds(Long.MAX_VALUE), Tolerance.Direction.BOTH, Tolerance.Edge.INCLUSIVE);
        }
    }

    /** Refuses only old timestamps ({@code now - t > 300}), as Stripe's own library does. */
    static final class AcceptsFuture extends ReferenceReceiver {
        AcceptsFuture(Profile p, Secret s) { super(p, s); }

        @Override
        Tolerance tolerance() {
            return Tolerance.pastOnly(profile.tolerance().window());
        }
    }

    /** A 60 s window: genuine late deliveries and retries are refused. */
    static final class TightTolerance extends ReferenceReceiver {
        TightTolerance(Profile p, Secret s) { super(p, s); }

        @Override
        Tolerance tolerance() {
            return Tolerance.both(Duration.ofSeconds(60));
        }
    }

    /** Guesses the unit: a timestamp above 10^12 is taken for milliseconds. */
    static final class GuessesMilliseconds extends ReferenceReceiver {
        GuessesMilliseconds(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            Verification v = super.verify(request);
            if (v instanceof Verification.Rejected r && r.reason() == Reason.FUTURE_TIMESTAMP) {
                long t = Long.parseLong(timestampText(request));
                if (t > 1_000_000_000_000L && Math.abs(clock.instant().getEpochSecond() - t / 1000) <= 300) {
                    return verified();
                }
            }
            return v;
        }
    }

    /** {@code Long.parseLong(timestamp)} before anything else, unguarded: a date is a 500. */
    static final class CrashesOnTextTimestamp extends ReferenceReceiver {
        CrashesOnTextTimestamp(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            String timestamp = timestampText(request);
            if (timestamp != null) {
                Long.parseLong(timestamp);
            }
            return super.verify(request);
        }
    }

    /** Caches the signatures it has verified and trusts a known one without recomputing it. */
    static final class TrustsKnownSignatures extends ReferenceReceiver {
        private final Set<String> verifiedSignatures = ConcurrentHashMap.newKeySet();

        TrustsKnownSignatures(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            String header = profile.scheme().signatureOf(request.headers(), request.body());
            String signatures = header == null ? null : header.replaceAll("(^|,)t=[^,]*", "");
            if (signatures != null && verifiedSignatures.contains(signatures)) {
                return verified();
            }
            Verification v = super.verify(request);
            if (v.isVerified() && signatures != null) {
                verifiedSignatures.add(signatures);
            }
            return v;
        }
    }

    /** Compares only as many characters as were received ({@code strncmp} with the received length). */
    static final class ComparesPrefix extends ReferenceReceiver {
        ComparesPrefix(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            String name = profile.scheme().signatureHeader();
            String received = request.header(name);
            String expected = expectedSignatureHeader(request);
            if (received != null && !received.isBlank() && expected.startsWith(received)) {
                return super.verify(withHeader(request, name, expected));
            }
            return super.verify(request);
        }
    }

    /** Decodes the hex and compares byte by byte over the expected length: short crashes, long passes. */
    static final class ComparesExpectedLength extends ReferenceReceiver {
        ComparesExpectedLength(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            String name = profile.scheme().signatureHeader();
            String received = request.header(name);
            if (received == null || !received.startsWith("sha256=")) {
                return super.verify(request);
            }
            String expectedHeader = expectedSignatureHeader(request);
            byte[] expected = HexFormat.of().parseHex(expectedHeader.substring("sha256=".length()));
            byte[] given = HexFormat.of().parseHex(received.substring("sha256=".length()));
            int diff = 0;
            for (int i = 0; i < expected.length; i++) {
                diff |= expected[i] ^ given[i];
            }
            return diff == 0 ? super.verify(withHeader(request, name, expectedHeader))
                    : new Verification.Rejected(Reason.BAD_SIGNATURE, "signature mismatch");
        }
    }

    /** Strips whatever label precedes a signature (sha1=, v0) instead of requiring its own. */
    static final class AnyVersion extends ReferenceReceiver {
        AnyVersion(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            String name = profile.scheme().signatureHeader();
            String received = request.header(name);
            if (received == null) {
                return super.verify(request);
            }
            String relabelled = switch (profile.name()) {
                case "standard" -> Arrays.stream(received.split(" "))
                        .map(t -> t.contains(",") ? "v1" + t.substring(t.indexOf(',')) : t)
                        .collect(Collectors.joining(" "));
                case "stripe", "preo" -> Arrays.stream(received.split(","))
                        .map(i -> i.contains("=") && !i.startsWith("t=") ? "v1" + i.substring(i.indexOf('=')) : i)
                        .collect(Collectors.joining(","));
                default -> received.contains("=") ? expectedSignatureHeader(request).split("=")[0]
                        + received.substring(received.indexOf('=')) : received;
            };
            return super.verify(withHeader(request, name, relabelled));
        }
    }

    /** Reads only the first signature of the header. */
    static final class FirstSignatureOnly extends ReferenceReceiver {
        FirstSignatureOnly(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            String name = profile.scheme().signatureHeader();
            String received = request.header(name);
            if (received == null) {
                return super.verify(request);
            }
            String first = switch (profile.name()) {
                case "standard" -> received.split(" ")[0];
                default -> Arrays.stream(received.split(",")).filter(i -> i.startsWith("t=")).findFirst()
                        .map(t -> t + ",").orElse("")
                        + Arrays.stream(received.split(",")).filter(i -> !i.startsWith("t=")).findFirst().orElse("");
            };
            return super.verify(withHeader(request, name, first));
        }
    }

    /** Several signatures mean a key rotation in progress, so it lets the request through. */
    static final class RotationShortcut extends ReferenceReceiver {
        RotationShortcut(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            String received = request.header(profile.scheme().signatureHeader());
            long signatures = received == null ? 0
                    : Arrays.stream(received.strip().split(" +")).filter(entry -> entry.contains(",")).count();
            return signatures > 1 ? verified() : super.verify(request);
        }
    }

    /**
     * Copies headers into a plain map and looks them up by the provider's spelling. Served over
     * {@link RawHttpServer}, which keeps header names as sent.
     */
    static final class CaseSensitiveHeaders extends ReferenceReceiver {
        private RawHttpServer raw;

        CaseSensitiveHeaders(Profile p, Secret s) { super(p, s); }

        @Override
        public ReferenceReceiver start() {
            raw = new RawHttpServer(this::respond, this::probeReply);
            startWorkers();
            return this;
        }

        @Override
        int port() {
            return raw.port();
        }

        @Override
        public void close() {
            raw.close();
            stopWorkers();
        }

        @Override
        Verification verify(Request request) {
            Map<String, String> exact = new HashMap<>();
            for (String name : profile.scheme().sign(secrets, "id", 0, new byte[0], request.url()).keySet()) {
                request.headers().forEach((sent, value) -> {
                    if (sent.equals(name)) {
                        exact.put(name, value);
                    }
                });
            }
            return profile.scheme().verify(request.url(), exact, request.body(), secrets, clock, tolerance());
        }
    }

    /** Parses the JSON and verifies its re-serialization, as Dfns's own sample does. */
    static final class VerifiesReserializedBody extends ReferenceReceiver {
        VerifiesReserializedBody(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            JsonNode parsed = parse(request.body());
            if (parsed == null) {
                return new Verification.Rejected(Reason.BAD_SIGNATURE, "the body is not JSON");
            }
            return super.verify(new Request(request.headers(), JSON.writeValueAsBytes(parsed), request.url()));
        }
    }

    /** Decodes the body as ISO-8859-1 (the platform default it was written on) and encodes it as UTF-8. */
    static final class WrongCharset extends ReferenceReceiver {
        WrongCharset(Profile p, Secret s) { super(p, s); }

        @Override
        Verification verify(Request request) {
            byte[] seen = new String(request.body(), StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);
            return super.verify(new Request(request.headers(), seen, request.url()));
        }
    }

    /** A helpful error message: it says which signature it expected. */
    static final class EchoesExpectedSignature extends ReferenceReceiver {
        EchoesExpectedSignature(Profile p, Secret s) { super(p, s); }

        @Override
        Reply refuse(Request request, Verification.Rejected rejected) {
            if (rejected.reason() != Reason.BAD_SIGNATURE) {
                return super.refuse(request, rejected);
            }
            return Reply.of(401, "{\"error\":\"signature mismatch\",\"expected\":\""
                    + expectedSignatureHeader(request) + "\"}");
        }
    }

    /** No idempotency at all. */
    static final class ProcessesDuplicates extends ReferenceReceiver {
        ProcessesDuplicates(Profile p, Secret s) { super(p, s); }

        @Override
        boolean claim(String key) {
            return true;
        }
    }

    /** Check, then act, without a lock; the gap (a database round trip) is widened so the race is reliable. */
    static final class RacesOnDuplicates extends ReferenceReceiver {
        private final Set<String> seen = ConcurrentHashMap.newKeySet();

        RacesOnDuplicates(Profile p, Secret s) { super(p, s); }

        @Override
        boolean claim(String key) {
            if (seen.contains(key)) {
                return false;
            }
            pause(Duration.ofMillis(50));
            seen.add(key);
            return true;
        }
    }

    /** Answers a verified duplicate with 409 Conflict. */
    static final class RejectsDuplicates extends ReferenceReceiver {
        RejectsDuplicates(Profile p, Secret s) { super(p, s); }

        @Override
        Reply duplicate() {
            return Reply.of(409, "{\"error\":\"already processed\"}");
        }
    }

    /** Stores (and processes) the event first, verifies afterwards. */
    static final class ProcessesBeforeVerifying extends ReferenceReceiver {
        ProcessesBeforeVerifying(Profile p, Secret s) { super(p, s); }

        @Override
        Reply handle(Request request) throws Exception {
            JsonNode body = parse(request.body());
            if (body == null) {
                return Reply.of(400, "{\"error\":\"the body is not JSON\"}");
            }
            String key = idempotencyKey(request, body);
            boolean first = claim(key);
            if (first) {
                process(key, eventType(request, body));
            }
            Verification verification = verify(request);
            if (verification instanceof Verification.Rejected rejected) {
                return refuse(request, rejected);
            }
            return first ? success() : duplicate();
        }
    }

    /** Marks the event id as seen before it verifies the signature: a forgery with that id claims it first. */
    static final class ClaimsBeforeVerifying extends ReferenceReceiver {
        ClaimsBeforeVerifying(Profile p, Secret s) { super(p, s); }

        @Override
        Reply handle(Request request) throws Exception {
            JsonNode body = parse(request.body());
            if (body == null) {
                return Reply.of(400, "{\"error\":\"the body is not JSON\"}");
            }
            String key = idempotencyKey(request, body);
            if (!claim(key)) {
                return duplicate();
            }
            Verification verification = verify(request);
            if (verification instanceof Verification.Rejected rejected) {
                return refuse(request, rejected);
            }
            process(key, eventType(request, body));
            return success();
        }
    }

    /** Deduplicates on a hash of the body: two distinct events with the same bytes collide. */
    static final class DedupesByBodyHash extends ReferenceReceiver {
        DedupesByBodyHash(Profile p, Secret s) { super(p, s); }

        @Override
        String claimKey(Request request, JsonNode body, String key) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(request.body()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Deduplicates on the id of the resource the event is about, not on the event. */
    static final class DedupesByResource extends ReferenceReceiver {
        DedupesByResource(Profile p, Secret s) { super(p, s); }

        @Override
        String claimKey(Request request, JsonNode body, String key) {
            String resource = switch (profile.name()) {
                case "vitable" -> body.path("resource_id").asString();
                case "stripe" -> body.path("data").path("object").path("id").asString();
                case "standard" -> body.path("data").path("id").asString();
                default -> throw new IllegalStateException("no resource id for " + profile.name());
            };
            return resource.isEmpty() ? key : resource;
        }
    }

    /** Answers 401 to a forgery, but the handler had already put the event on the queue. */
    static final class EnqueuesForged extends ReferenceReceiver {
        EnqueuesForged(Profile p, Secret s) { super(p, s); }

        @Override
        Reply refuse(Request request, Verification.Rejected rejected) {
            JsonNode body = parse(request.body());
            if (body != null && rejected.reason() == Reason.BAD_SIGNATURE) {
                String key = idempotencyKey(request, body);
                enqueue(key, key, eventType(request, body));
            }
            return super.refuse(request, rejected);
        }
    }

    /** Dfns: deduplicates on the attempt's own id, so every retry is a new event. */
    static final class IgnoresRetryOf extends ReferenceReceiver {
        IgnoresRetryOf(Profile p, Secret s) { super(p, s); }

        @Override
        String idempotencyKey(Request request, JsonNode body) {
            firstAttemptId(body);
            return body.path("id").asString();
        }
    }

    /** One worker slot: an event that arrives while it is busy is acknowledged and dropped. */
    static final class DropsWhenBusy extends ReferenceReceiver {
        private final ReentrantLock worker = new ReentrantLock();

        DropsWhenBusy(Profile p, Secret s) { super(p, s); }

        @Override
        void process(String key, String type) throws Exception {
            if (!worker.tryLock()) {
                return;
            }
            try {
                pause(Duration.ofMillis(50));
                super.process(key, type);
            } finally {
                worker.unlock();
            }
        }
    }

    /** {@code switch (type) { … default -> throw }}. */
    static final class FailsOnUnknownType extends ReferenceReceiver {
        FailsOnUnknownType(Profile p, Secret s) { super(p, s); }

        @Override
        void process(String key, String type) throws Exception {
            if (!profile.events().contains(type)) {
                throw new IllegalArgumentException("unknown event type " + type);
            }
            super.process(key, type);
        }
    }

    /** Binds the JSON body before verifying (a framework's body parser), and a parse error is a 500. */
    static final class ParsesBeforeVerifying extends ReferenceReceiver {
        ParsesBeforeVerifying(Profile p, Secret s) { super(p, s); }

        @Override
        Reply handle(Request request) throws Exception {
            JSON.readTree(request.body());
            return super.handle(request);
        }
    }

    /** Does the slow work inline before answering. */
    static final class AnswersSlowly extends ReferenceReceiver {
        static final Duration WORK = Duration.ofMillis(700);

        AnswersSlowly(Profile p, Secret s) { super(p, s); }

        @Override
        void process(String key, String type) throws Exception {
            pause(WORK);
            super.process(key, type);
        }
    }

    /** Reads the body into a fixed 64 KiB buffer. */
    static final class TruncatesBody extends ReferenceReceiver {
        TruncatesBody(Profile p, Secret s) { super(p, s); }

        @Override
        byte[] read(InputStream in) throws IOException {
            return in.readNBytes(64 * 1024);
        }
    }

    /** Answers 204 No Content: fine for most providers, a failed delivery for Dfns. */
    static final class Answers204 extends ReferenceReceiver {
        Answers204(Profile p, Secret s) { super(p, s); }

        @Override
        Reply success() {
            return new Reply(204, Map.of(), null);
        }
    }

    /** Post/redirect/get: processes, then redirects to a confirmation page. */
    static final class RedirectsAfterProcessing extends ReferenceReceiver {
        RedirectsAfterProcessing(Profile p, Secret s) { super(p, s); }

        @Override
        Reply success() {
            return new Reply(303, Map.of("Location", URI.create("/webhooks/received").toString()), null);
        }
    }

    /** {@code if (!"application/json".equals(contentType)) return 415}. */
    static final class StrictContentType extends ReferenceReceiver {
        StrictContentType(Profile p, Secret s) { super(p, s); }

        @Override
        Reply handle(Request request) throws Exception {
            if (!"application/json".equals(request.header("Content-Type"))) {
                return Reply.of(415, "{\"error\":\"expected application/json\"}");
            }
            return super.handle(request);
        }
    }

    /** Knows nothing of the provider's handshake: it goes down the event path and never gets its answer. */
    static final class IgnoresHandshake extends ReferenceReceiver {
        IgnoresHandshake(Profile p, Secret s) { super(p, s); }

        @Override
        Optional<Reply> handshake(Request request) {
            return Optional.empty();
        }
    }

    /**
     * Answers the verification handshake, then reads {@code event} from every other message without looking
     * at its type: a message about the subscription (Twitch's revocation, no event) crashes it.
     */
    static final class ExpectsAnEvent extends ReferenceReceiver {
        ExpectsAnEvent(Profile p, Secret s) { super(p, s); }

        @Override
        Optional<Reply> handshake(Request request) {
            return profile.traits().handshake().flatMap(h -> answer(h, request));
        }

        @Override
        String eventType(Request request, JsonNode body) {
            if (!body.has("event")) {
                throw new IllegalStateException("the message has no event");
            }
            return super.eventType(request, body);
        }
    }

    /** {@code if (body.challenge) return body.challenge} before any verification: Twitch's callback, unsigned. */
    static final class AnswersForgedHandshake extends ReferenceReceiver {
        AnswersForgedHandshake(Profile p, Secret s) { super(p, s); }

        @Override
        Optional<Reply> handshake(Request request) {
            JsonNode body = parse(request.body());
            return body != null && body.has("challenge")
                    ? Optional.of(new Reply(200, Map.of("Content-Type", "text/plain"), body.get("challenge").asString()))
                    : Optional.empty();
        }
    }
}
