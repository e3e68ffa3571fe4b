package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Probe;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Field;
import dev.hookcheck.core.profile.Handshake;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.signing.BodyField;
import dev.hookcheck.core.signing.SignatureScheme;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a check works with: fresh events of the receiver's profile, signed deliveries and ways to
 * break them, the HTTP exchange, the probe, and the verdicts that end a check.
 */
public final class Session {
    private static final JsonMapper JSON = JsonMapper.shared();
    private static final SecureRandom SEEDS = new SecureRandom();

    private final Receiver receiver;
    private final Http http;
    private final Wire wire;
    private final Duration settle;
    private final SplittableRandom random = new SplittableRandom(SEEDS.nextLong());
    private final String organizationId;
    private final List<Exchange> exchanges = new ArrayList<>();
    private Exchange last;

    public Session(Receiver receiver, Http http, Wire wire, Duration settle) {
        this.receiver = receiver;
        this.http = http;
        this.wire = wire;
        this.settle = settle;
        this.organizationId = receiver.profile().ids().organization().generate(random);
    }

    public Receiver receiver() {
        return receiver;
    }

    public Profile profile() {
        return receiver.profile();
    }

    private SignatureScheme scheme() {
        return receiver.profile().scheme();
    }

    /** How the scheme looks on the wire; checks that need it are not applicable without it. */
    public Wire wire() {
        if (wire == null) {
            throw new IllegalStateException("the scheme does not describe its wire format");
        }
        return wire;
    }

    public long now() {
        return Instant.now().getEpochSecond();
    }

    /** The receiver's tolerance window in seconds. */
    public long window() {
        return receiver.tolerance().window().toSeconds();
    }

    /** How far beyond (or inside) the window "just beyond" (or "just inside") is: 30 s, less for tiny windows. */
    public long margin() {
        return Math.max(1, Math.min(30, window() / 4));
    }

    // ---- events and deliveries

    /**
     * The event types the checks send: the ones the receiver says it processes, else the profile's first
     * business event (not a renamed one, not one about the webhook itself such as GitHub's ping).
     */
    public List<EventType> eventTypes() {
        if (!receiver.eventTypes().isEmpty()) {
            return receiver.eventTypes().stream().map(this::type).toList();
        }
        List<EventType> business = profile().events().businessTypes();
        return List.of(business.isEmpty() ? profile().events().types().get(0) : business.get(0));
    }

    /** The catalog's type of this name; an unknown name is about the first business event's resource. */
    private EventType type(String name) {
        return profile().events().find(name).orElseGet(() -> {
            List<EventType> business = profile().events().businessTypes();
            EventType like = business.isEmpty() ? profile().events().types().get(0) : business.get(0);
            return new EventType(name, like.resourceType());
        });
    }

    /** A new event of the first type the checks send, with realistic data, created now. */
    public Event event() {
        return event(eventTypes().get(0).name());
    }

    /** A new event of the given type (also one the catalog does not know), with realistic data, created now. */
    public Event event(String type) {
        return profile().exampleEvent(type(type), organizationId, Instant.ofEpochSecond(now()), random);
    }

    /** A new event of the given type about an existing resource. */
    public Event eventAbout(EventType type, String resourceId) {
        return profile().exampleEvent(type, organizationId, resourceId, Instant.ofEpochSecond(now()), random);
    }

    /** The same event under another id: a distinct event whose content is the same. */
    public Event twin(Event event) {
        return new Event(profile().ids().event().generate(random), event.profile(), event.organizationId(),
                event.type(), event.resourceType(), event.resourceId(), event.createdAt(), event.dataJson());
    }

    /** {@code n} new events, cycling through the types the checks send. */
    public List<Event> events(int n) {
        List<EventType> types = eventTypes();
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event(types.get(i % types.size()).name()));
        }
        return events;
    }

    /** The first attempt of an event, sent (and signed) at {@code sentAt} unix seconds. */
    public Attempt attempt(Event event, long sentAt) {
        return Attempt.first(profile().ids().delivery().generate(random), profile().ids().endpoint().generate(random),
                event.id(), Instant.ofEpochSecond(sentAt));
    }

    /** The next attempt, with an id of its own where the provider gives every attempt one (Dfns). */
    public Attempt retry(Attempt previous, long sentAt) {
        return previous.next(profile().ids().event().generate(random), Instant.ofEpochSecond(sentAt));
    }

    /** The same attempt sent again later: same ids, new timestamp. */
    public Attempt resent(Attempt attempt, long sentAt) {
        return new Attempt(attempt.deliveryId(), attempt.endpointId(), attempt.number(), attempt.attemptId(),
                attempt.previousAttemptId(), attempt.firstAttemptId(), Instant.ofEpochSecond(sentAt));
    }

    /** A new event's first attempt, signed now: what the provider would send. */
    public Delivery delivery() {
        return signedAt(now());
    }

    /** A new event's first attempt, signed with the given timestamp (unix seconds, or anything numeric). */
    public Delivery signedAt(long timestamp) {
        Event event = event();
        return deliver(event, attempt(event, timestamp));
    }

    public Delivery deliver(Event event, Attempt attempt) {
        Payload payload = profile().payloads().build(event, attempt);
        return sign(payload.body(), new LinkedHashMap<>(payload.headers()), payload.idempotencyKey(),
                payload.signingId(), Long.toString(payload.timestamp()), receiver.secrets());
    }

    /** The same delivery signed with other secrets. */
    public Delivery signedWith(Delivery delivery, List<Secret> secrets) {
        return sign(delivery.body(), delivery.headers(), delivery.key(), delivery.signingId(), delivery.timestamp(),
                secrets);
    }

    /** Another body, correctly signed with the same id and timestamp. */
    public Delivery withBody(Delivery delivery, byte[] body) {
        return sign(body, delivery.headers(), delivery.key(), delivery.signingId(), delivery.timestamp(),
                receiver.secrets());
    }

    /**
     * The same delivery with one more top-level field in its body's event (the body, or the first event of
     * a body that is an array of them: {@link Field#event}), correctly signed.
     */
    public Delivery withField(Delivery delivery, String name, String value) {
        JsonNode root = JSON.readTree(delivery.body());
        ((ObjectNode) Field.event(root)).put(name, value);
        return withBody(delivery, JSON.writeValueAsBytes(root));
    }

    /**
     * The same delivery with its timestamp written as given (for example not in digits), still
     * correctly signed: in the timestamp header or item, or in the body where the scheme reads it there.
     */
    public Delivery withTimestampText(Delivery delivery, String timestamp) {
        if (wire().timestampInBody()) {
            JsonNode root = JSON.readTree(delivery.body());
            String pointer = wire().timestamp().name();
            int slash = pointer.lastIndexOf('/');
            ((ObjectNode) root.at(pointer.substring(0, slash))).put(pointer.substring(slash + 1), timestamp);
            return withBody(delivery, JSON.writeValueAsBytes(root));
        }
        return sign(delivery.body(), delivery.headers(), delivery.key(), delivery.signingId(), timestamp,
                receiver.secrets());
    }

    private Delivery sign(byte[] body, Map<String, String> headers, String key, String signingId, String timestamp,
            List<Secret> secrets) {
        byte[] sent = scheme().signedBody(secrets, signingId, timestamp, body);
        String url = scheme().deliveryUrl(receiver.url().toString(), sent);
        Delivery signed = new Delivery(sent, headers, key, signingId, timestamp, url);
        for (Map.Entry<String, String> h : scheme().signWithTimestampText(secrets, signingId, timestamp, sent, url)
                .entrySet()) {
            signed = signed.withHeader(h.getKey(), h.getValue());
        }
        return signed;
    }

    /**
     * A secret of the same kind as the receiver's that the receiver does not know: a new one as the
     * provider makes them, or, where the profile's secret format is its own (a declarative scheme), any
     * text or base64 the format accepts, so that the scheme can sign with it.
     */
    public List<Secret> wrongSecrets() {
        String real = receiver.secrets().get(0).reveal();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        List<Secret> candidates = List.of(profile().newSecret(random),
                Secret.of("hookcheck_wrong_" + HexFormat.of().formatHex(bytes)),
                Secret.of(Base64.getEncoder().encodeToString(bytes)));
        return List.of(candidates.stream().filter(s -> !s.reveal().equals(real)).filter(profile().secretFormat()::accepts)
                .findFirst().orElse(candidates.get(1)));
    }

    // ---- the signature header

    /** What carries the signature, for people: the header's name, or {@code the body's /p field}. */
    public String signaturePlace() {
        return scheme().signatureInBody().map(pointer -> "the body's " + pointer + " field")
                .orElse(scheme().signatureHeader());
    }

    /** The same as a noun after an adjective: {@code X-Signature header}, or {@code /p field of the body}. */
    public String signatureField() {
        return scheme().signatureInBody().map(pointer -> pointer + " field of the body")
                .orElse(scheme().signatureHeader() + " header");
    }

    /** The delivery without its signature: the header removed, or the body's field where the signature travels there. */
    public Delivery withoutSignature(Delivery delivery) {
        return scheme().signatureInBody().map(pointer -> delivery.withRawBody(BodyField.without(delivery.body(), pointer)))
                .orElseGet(() -> delivery.withoutHeader(scheme().signatureHeader()));
    }

    /** The delivery with its signature replaced by {@code text}, in the header or in the body's field. */
    public Delivery withSignatureText(Delivery delivery, String text) {
        return scheme().signatureInBody()
                .map(pointer -> delivery.withRawBody(BodyField.with(delivery.body(), pointer, text)))
                .orElseGet(() -> delivery.withHeader(scheme().signatureHeader(), text));
    }

    public SignatureValue signature(Delivery delivery) {
        return SignatureValue.parse(wire(), delivery.header(wire().signatureHeader()));
    }

    public Delivery withSignature(Delivery delivery, SignatureValue value) {
        return delivery.withHeader(wire().signatureHeader(), value.format(wire()));
    }

    /** A well-formed signature of this delivery's content under a secret the receiver does not know. */
    public SignatureValue.Entry forgedEntry(Delivery delivery) {
        return signature(signedWith(delivery, wrongSecrets())).first();
    }

    // ---- HTTP

    public Exchange send(Delivery delivery) {
        return send(delivery, receiver.timeout());
    }

    public Exchange send(Delivery delivery, Duration timeout) {
        last = http.send(delivery, timeout);
        exchanges.add(last);
        return last;
    }

    /** The session's random, for requests a check makes itself (a handshake's challenge). */
    public java.util.random.RandomGenerator random() {
        return random;
    }

    /** Sends a provider's handshake (perhaps a GET with a query) as the check's evidence. */
    public Exchange send(Handshake.Request request) {
        last = http.send(request, receiver.timeout());
        exchanges.add(last);
        return last;
    }

    /** Sends without making it the check's evidence: for the observation's sentinel. */
    Exchange sendQuietly(Delivery delivery) {
        return http.send(delivery, receiver.timeout());
    }

    /** Sends all at once (in parallel) and returns the answers in the order given. */
    public List<Exchange> sendAll(List<Delivery> deliveries) {
        List<Exchange> answers = http.sendAll(deliveries, receiver.timeout());
        last = answers.isEmpty() ? last : answers.get(answers.size() - 1);
        exchanges.addAll(answers);
        return answers;
    }

    /** The evidence of the last exchange, or null before the first. */
    public CheckResult.Evidence lastEvidence() {
        return last == null ? null : last.evidence();
    }

    /** Every exchange of the check, in the order sent. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    // ---- the probe

    /** How many times the receiver processed the event, as the probe says now. */
    public int timesProcessed(String key) {
        Probe probe = receiver.probe().orElseThrow(() -> new CheckSkipped("no probe"));
        try {
            return probe.timesProcessed(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProbeFailure("the probe was interrupted");
        } catch (Exception e) {
            throw new ProbeFailure(e.getMessage() == null ? "the probe failed" : e.getMessage());
        }
    }

    // ---- verdicts

    /** Fails unless the receiver accepted the delivery (2xx; 3xx is the delivery-contract checks' business). */
    public void expectAccepted(Exchange exchange, String what) {
        if (!exchange.accepted()) {
            throw fail(exchange, "2xx " + what, exchange.describe());
        }
    }

    /** Fails unless the receiver refused with a 4xx. */
    public void expectRejected(Exchange exchange, String what) {
        if (!exchange.clientError()) {
            throw fail(exchange, "4xx " + what, exchange.describe());
        }
    }

    /** Fails unless the event is processed exactly {@code times} times once the receiver has settled. */
    public void expectProcessed(String key, int times, Exchange exchange, String what) {
        expectProcessed(Map.of(key, times), exchange, what);
    }

    /**
     * Fails unless every event is processed exactly as often as expected once the receiver has settled:
     * see {@link Observation}.
     */
    public void expectProcessed(Map<String, Integer> expected, Exchange exchange, String what) {
        new Observation(this, settle).expect(expected, exchange, what);
    }

    /** {@code never processed}, {@code processed once}, {@code processed twice}, {@code processed 3 times}. */
    static String processed(int times) {
        return switch (times) {
            case 0 -> "never processed";
            case 1 -> "processed once";
            case 2 -> "processed twice";
            default -> "processed " + times + " times";
        };
    }

    /** The failure to throw: {@code throw session.fail(exchange, "4xx for …", "200")}. */
    public CheckFailure fail(Exchange exchange, String expected, String got) {
        return new CheckFailure(expected, got, exchange);
    }
}
