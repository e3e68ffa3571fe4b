package dev.hookcheck.conformance.internal;

import dev.hookcheck.conformance.CheckResult;
import dev.hookcheck.conformance.Receiver;
import dev.hookcheck.core.Secret;
import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.signing.SignatureScheme;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
    private final String checkId;
    private final SplittableRandom random = new SplittableRandom(SEEDS.nextLong());
    private Exchange last;

    Session(Receiver receiver, Http http, Wire wire, String checkId) {
        this.receiver = receiver;
        this.http = http;
        this.wire = wire;
        this.checkId = checkId;
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

    /** A new event of the profile's first current type, its data marked with the check id. */
    public Event event() {
        return event(null);
    }

    /** A new event of the given type (null: the profile's first current one), its data marked with the check id. */
    public Event event(String type) {
        Profile profile = profile();
        EventType known = profile.events().types().stream().filter(t -> !t.deprecated()).findFirst().orElseThrow();
        String resourceType = type == null ? known.resourceType()
                : profile.events().find(type).map(EventType::resourceType).orElse(known.resourceType());
        String resourceId = profile.ids().resource(resourceType).generate(random);
        ObjectNode node = JSON.createObjectNode();
        node.put("id", resourceId);
        node.put("object", resourceType);
        node.put("hookcheck", checkId);
        Instant now = Instant.ofEpochSecond(now());
        return new Event(profile.ids().event().generate(random), profile.name(),
                profile.ids().organization().generate(random), type == null ? known.name() : type, resourceType,
                resourceId, now, JSON.writeValueAsString(node));
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

    /** The same delivery with one more top-level field in its (JSON object) body, correctly signed. */
    public Delivery withField(Delivery delivery, String name, String value) {
        ObjectNode root = (ObjectNode) JSON.readTree(delivery.body());
        root.put(name, value);
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
        Delivery signed = new Delivery(body, headers, key, signingId, timestamp);
        for (Map.Entry<String, String> h : scheme().signWithTimestampText(secrets, signingId, timestamp, body)
                .entrySet()) {
            signed = signed.withHeader(h.getKey(), h.getValue());
        }
        return signed;
    }

    /** A secret of the same kind as the receiver's that the receiver does not know. */
    public List<Secret> wrongSecrets() {
        String real = receiver.secrets().get(0).reveal();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        for (String prefix : List.of("whsec_", "whsk_")) {
            if (real.startsWith(prefix)) {
                return List.of(Secret.of(prefix + Base64.getEncoder().encodeToString(bytes)));
            }
        }
        return List.of(Secret.of("hookcheck_wrong_" + HexFormat.of().formatHex(bytes)));
    }

    // ---- the signature header

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
        return last;
    }

    /** Sends all at once (in parallel) and returns the answers in the order given. */
    public List<Exchange> sendAll(List<Delivery> deliveries) {
        List<Exchange> exchanges = http.sendAll(deliveries, receiver.timeout());
        last = exchanges.isEmpty() ? last : exchanges.get(exchanges.size() - 1);
        return exchanges;
    }

    /** The evidence of the last exchange, or null before the first. */
    CheckResult.Evidence lastEvidence() {
        return last == null ? null : last.evidence();
    }

    // ---- the probe

    public int timesProcessed(String key) {
        var probe = receiver.probe().orElseThrow(() -> new CheckSkipped("no probe"));
        try {
            return probe.timesProcessed(key);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail(null, "the probe to answer for " + key, "an interruption");
        } catch (Exception e) {
            throw fail(null, "the probe to answer for " + key, "an error: " + e.getMessage());
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

    public void expectProcessed(String key, int times, Exchange exchange, String what) {
        int seen = timesProcessed(key);
        if (seen != times) {
            throw fail(exchange, "the event " + processed(times) + " " + what, processed(seen));
        }
    }

    private static String processed(int times) {
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
