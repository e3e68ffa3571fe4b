package dev.hookcheck.conformance.reference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.hookcheck.conformance.Probe;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Field;
import dev.hookcheck.core.profile.Handshake;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.core.signing.Reason;
import dev.hookcheck.core.signing.Tolerance;
import dev.hookcheck.core.signing.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver written the way it should be, on the JDK {@code HttpServer}: verify the raw
 * body with core (constant time, the profile's tolerance), then parse, then claim the profile's
 * idempotency key atomically, then process, then answer 200 (the one status every provider counts
 * as success). Flawed receivers ({@link Flaw}) override exactly one step.
 *
 * <p>{@link #queued} makes it the other way production receivers are written, as GitHub's and Dfns's
 * docs recommend: verify, enqueue, answer 200 at once, and let workers claim and process each event a
 * moment later. What it has done is kept in a {@link Ledger}.
 */
public class ReferenceReceiver implements AutoCloseable {
    static final String PATH = "/webhooks";
    static final JsonMapper JSON = JsonMapper.shared();

    static {
        // HttpServer writes headers and body separately; with Nagle on, each answer waits ~40 ms for a
        // delayed ACK. Read once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /**
     * A request as the pipeline sees it: method, raw query (empty for none), headers looked up ignoring case,
     * the raw body, the full URL it was sent to (query included).
     */
    record Request(String method, String query, Map<String, String> headers, byte[] body, String url) {
        Request {
            Map<String, String> ignoringCase = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            ignoringCase.putAll(headers);
            headers = ignoringCase;
            query = query == null ? "" : query;
        }

        Request(Map<String, String> headers, byte[] body, String url) {
            this("POST", "", headers, body, url);
        }

        String header(String name) {
            return headers.get(name);
        }
    }

    /** An answer: status, extra headers, JSON body (none for 204). */
    record Reply(int status, Map<String, String> headers, String body) {
        static Reply of(int status, String json) {
            return new Reply(status, Map.of(), json);
        }
    }

    final Profile profile;
    final List<Secret> secrets;
    final Clock clock = Clock.systemUTC();
    private Ledger ledger = Ledger.inMemory();
    private Duration queueDelay;
    private ScheduledExecutorService workers;
    private Set<String> processedTypes;
    /** Dfns: every attempt id seen, mapped to its chain's first attempt id. */
    private final Map<String, String> firstAttempts = new ConcurrentHashMap<>();
    private HttpServer server;
    private ExecutorService executor;

    public ReferenceReceiver(Profile profile, Secret secret) {
        this.profile = profile;
        this.secrets = List.of(secret);
    }

    /** The correct receiver of a built-in profile, with that profile's test secret ({@link Secrets}); not started. */
    public static ReferenceReceiver correct(String profile) {
        return new ReferenceReceiver(Profiles.get(profile), Secrets.of(profile));
    }

    /**
     * Answers as soon as a verified event is enqueued; {@value #WORKERS} workers claim and process each
     * event {@code delay} after it arrived.
     */
    public ReferenceReceiver queued(Duration delay) {
        this.queueDelay = delay;
        return this;
    }

    /** The same with the worker delay of the kit's benchmarks and matrix, {@link #QUEUE_DELAY}. */
    public ReferenceReceiver queued() {
        return queued(QUEUE_DELAY);
    }

    /**
     * Does the work only for these event types and acknowledges the rest unprocessed, as most
     * receivers do (GitHub's own example handles one event and logs the others).
     */
    public ReferenceReceiver processingOnly(String... types) {
        this.processedTypes = Set.of(types);
        return this;
    }

    /** Keeps claims and processed counts there instead of in memory. */
    public ReferenceReceiver withLedger(Ledger newLedger) {
        this.ledger = newLedger;
        return this;
    }

    /** How long the queued receiver's workers take to pick an event up. */
    public static final Duration QUEUE_DELAY = Duration.ofMillis(300);
    static final int WORKERS = 4;

    boolean isQueued() {
        return queueDelay != null;
    }

    /** Starts listening on a free loopback port; requests are handled in parallel. */
    public ReferenceReceiver start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "receiver-" + profile.name());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(PATH, this::serve);
        server.createContext("/__probe/", this::probe);
        server.start();
        startWorkers();
        return this;
    }

    final void startWorkers() {
        if (isQueued()) {
            workers = Executors.newScheduledThreadPool(WORKERS, r -> {
                Thread t = new Thread(r, "worker-" + profile.name());
                t.setDaemon(true);
                return t;
            });
        }
    }

    final void stopWorkers() {
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    int port() {
        return server.getAddress().getPort();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + port() + PATH);
    }

    public String probeTemplate() {
        return "http://127.0.0.1:" + port() + "/__probe/{event_id}";
    }

    public Probe probe() {
        return this::timesProcessed;
    }

    public int timesProcessed(String key) {
        try {
            return ledger.count(key);
        } catch (Exception e) {
            throw new IllegalStateException("the ledger cannot count " + key, e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
        stopWorkers();
    }

    // ---- the pipeline: each step a method a flaw can override

    Reply handle(Request request) throws Exception {
        Optional<Reply> handshake = handshake(request);
        if (handshake.isPresent()) {
            return handshake.get();
        }
        Verification verification = verify(request);
        if (verification instanceof Verification.Rejected rejected) {
            return refuse(request, rejected);
        }
        JsonNode body = parse(request.body());
        if (body == null) {
            return Reply.of(400, "{\"error\":\"the body is not JSON\"}");
        }
        if (!profile.fields().carriesKey()) {
            return success(); // a notice that something changed: the receiver reads the changes from the API
        }
        String key = idempotencyKey(request, body);
        String claim = claimKey(request, body, key);
        String type = eventType(request, body);
        if (isQueued()) {
            enqueue(claim, key, type);
            return success();
        }
        if (!claim(claim)) {
            return duplicate();
        }
        process(key, type);
        return success();
    }

    /**
     * The provider's endpoint verification handshake or one of its messages about the subscription,
     * answered as the provider documents (empty: neither).
     */
    Optional<Reply> handshake(Request request) {
        return Stream.concat(profile.traits().handshake().stream(), profile.traits().controlMessages().stream())
                .map(h -> answer(h, request)).flatMap(Optional::stream).findFirst();
    }

    /** How the provider documents answering {@code request} if it is that handshake or message (empty: it is not). */
    final Optional<Reply> answer(Handshake handshake, Request request) {
        return handshake.respond(new Handshake.Request(request.method(), request.query(), request.headers(),
                request.body()), secrets.get(0)).map(answer -> new Reply(answer.status(), answer.headers(), answer.body()));
    }

    /** The queued receiver's job: a worker claims the key and processes the event, {@link #queued} later. */
    final void enqueue(String claim, String key, String type) {
        workers.schedule(() -> {
            try {
                if (claim(claim)) {
                    process(key, type);
                }
            } catch (Exception e) {
                // a failed job is lost, as in a queue without retries; the probe shows it
            }
        }, queueDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** What the receiver deduplicates on: the idempotency key itself, unless a flaw picks something else. */
    String claimKey(Request request, JsonNode body, String key) {
        return key;
    }

    Verification verify(Request request) {
        return profile.scheme().verify(request.url(), request.headers(), request.body(), secrets, clock, tolerance());
    }

    /** The provider's tolerance; for Stripe both directions, stricter than Stripe's own library. */
    Tolerance tolerance() {
        Tolerance documented = profile.tolerance();
        return documented.direction() == Tolerance.Direction.PAST ? Tolerance.both(documented.window()) : documented;
    }

    Reply refuse(Request request, Verification.Rejected rejected) {
        int status = rejected.reason() == Reason.MALFORMED_HEADER || rejected.reason() == Reason.MALFORMED_TIMESTAMP
                || rejected.reason() == Reason.MISSING_TIMESTAMP ? 400 : 401;
        return Reply.of(status, "{\"error\":\"" + rejected.reason().code() + "\"}");
    }

    /** The body as JSON: an object, or an array of event objects; null for anything else. */
    static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return Field.event(node) == null ? null : node;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    /** The profile's key; where attempts are events (Dfns), the first attempt's id of the chain. */
    String idempotencyKey(Request request, JsonNode body) {
        return profile.rules().attemptsAreEvents() ? firstAttemptId(body)
                : profile.fields().key().read(request::header, body);
    }

    /** Dfns: a retry carries a new id and retryOf the previous attempt; the chain's first id is the key. */
    final String firstAttemptId(JsonNode body) {
        String id = profile.fields().key().read(name -> null, body);
        JsonNode retryOf = body.get("retryOf");
        String first = retryOf == null ? id : firstAttempts.getOrDefault(retryOf.asString(), retryOf.asString());
        firstAttempts.putIfAbsent(id, first);
        return first;
    }

    String eventType(Request request, JsonNode body) {
        return profile.fields().type().read(request::header, body);
    }

    /** Atomically: true for the first delivery of a key, false for every later one. */
    boolean claim(String key) throws Exception {
        return ledger.claim(key);
    }

    /** An event already processed: acknowledged like the first, so the provider stops retrying. */
    Reply duplicate() {
        return Reply.of(200, "{\"duplicate\":true}");
    }

    /** The side effect the probe counts. Unknown event types are acknowledged and ignored. */
    void process(String key, String type) throws Exception {
        if (processedTypes == null || processedTypes.contains(type)) {
            ledger.record(key);
        }
    }

    Reply success() {
        return Reply.of(200, "{\"received\":true}");
    }

    // ---- helpers for flaws that redo part of verification by hand

    /** The timestamp as sent, where the profile signs one; null when there is none or it cannot be read. */
    final String timestampText(Request request) {
        return profile.fields().timestamp().read(request::header, parse(request.body()));
    }

    /** The signature header the provider would send for this request, computed with our secret. */
    final String expectedSignatureHeader(Request request) {
        String timestamp = timestampText(request);
        return profile.scheme().signWithTimestampText(secrets, request.header("webhook-id"),
                timestamp == null ? "0" : timestamp, request.body(), request.url()).get(profile.scheme().signatureHeader());
    }

    /** The request with one header replaced. */
    static Request withHeader(Request request, String name, String value) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, value);
        return new Request(request.method(), request.query(), headers, request.body(), request.url());
    }

    static Verification verified() {
        return new Verification.Verified(OptionalLong.empty(), 0);
    }

    // ---- HTTP plumbing

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            write(exchange, respond(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawQuery(),
                    headers, read(exchange.getRequestBody()),
                    "http://" + exchange.getRequestHeaders().getFirst("Host") + exchange.getRequestURI())));
        }
    }

    /** What a web framework does around a handler: a crash becomes a 500. */
    final Reply respond(Request request) {
        try {
            return handle(request);
        } catch (Exception | Error crash) {
            return Reply.of(500, "{\"error\":\"internal server error\"}");
        }
    }

    /** How the request body is read; one flaw reads less of it. */
    byte[] read(InputStream in) throws IOException {
        return in.readAllBytes();
    }

    private void probe(HttpExchange exchange) throws IOException {
        try (exchange) {
            write(exchange, probeReply(exchange.getRequestURI().getPath().substring("/__probe/".length())));
        }
    }

    /** The HTTP probe's answer: {@code {"count": n}}. */
    final Reply probeReply(String key) {
        return Reply.of(200, "{\"count\":" + timesProcessed(key) + "}");
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
        }
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + profile.name() + (isQueued() ? ", queued" : "") + "]";
    }
}
