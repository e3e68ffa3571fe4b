package dev.hookcheck.core.internal.providers.square;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.profile.EventCatalog;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Field;
import dev.hookcheck.core.profile.IdFormat;
import dev.hookcheck.core.profile.Ids;
import dev.hookcheck.core.profile.Lifecycle.Step;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.RetryPolicy;
import dev.hookcheck.core.profile.SecretFormat;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Square: {@code x-square-hmacsha256-signature} is the base64 HMAC-SHA256, keyed with the subscription's
 * signature key, of the notification URL followed by the raw body. No timestamp; dedupe on
 * {@code event_id}.
 */
public final class Provider implements Supplier<Profile> {
    /** The same document as {@code schemas/json/schemes/square.json}. */
    static final String SCHEME = """
            {
              "name": "square",
              "algorithm": "hmac-sha256",
              "key": {"encoding": "utf8"},
              "signedContent": "{url}{body}",
              "signature": {"header": "x-square-hmacsha256-signature", "style": "prefixed", "prefix": "", "encoding": "base64"},
              "timestamp": {"from": "none"},
              "tolerance": {"direction": "none"}
            }""";
    private static final SignatureScheme SQUARE = SignatureSchemes.fromJson(SCHEME);
    /** What the Developer Console shows: 22 characters of URL-safe base64 (16 bytes). */
    private static final SecretFormat SECRET = new SecretFormat("the subscription's signature key (22 URL-safe base64"
            + " characters)", Pattern.compile("[A-Za-z0-9_-]{16,64}"), "it is the webhook subscription's Signature"
            + " key in the Developer Console (Webhooks, Subscriptions, the subscription, Show)");
    private static final String ALNUM_UPPER = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String[] LOCATIONS = {"L88917AVBK2S5", "LPJ7W0SZ1YK2E", "L1JC53TYHS40Z"};

    @Override
    public Profile get() {
        return Profile.builder("square", "Square")
                .signing(SQUARE, SECRET, r -> base64url(r, 16))
                .retries(retries())
                .timeout(ofSeconds(10))
                .catalog(new EventCatalog(List.of(
                                new EventType("payment.created", "payment"), new EventType("payment.updated", "payment"),
                                new EventType("refund.created", "refund"), new EventType("refund.updated", "refund"),
                                new EventType("order.created", "order"), new EventType("order.updated", "order"),
                                new EventType("customer.created", "customer"), new EventType("customer.updated", "customer"),
                                new EventType("invoice.payment_made", "invoice")),
                                List.of("payment", "refund", "order", "customer", "invoice")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.of("wbhk_", IdFormat.HEX, 32),
                                IdFormat.of("", ALNUM_UPPER, 13),
                                Map.of("payment", IdFormat.of("", IdFormat.BASE62, 29),
                                        "refund", IdFormat.of("", IdFormat.BASE62, 29),
                                        "order", IdFormat.of("", IdFormat.BASE62, 27),
                                        "customer", IdFormat.of("", ALNUM_UPPER, 26),
                                        "invoice", IdFormat.of("inv:0-", IdFormat.BASE62, 24))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("event_id"), Field.json("type"), Field.none())
                .idempotencyKey("the event_id field of the body (the same on every retry)")
                .assumptions("the retry schedule: Square documents exponential backoff for up to 24 hours without"
                                + " the delays; doubling from 1 minute is assumed",
                        "Square disables a subscription after weeks without a 2xx; the mock does not")
                .build();
    }

    /** Exponential backoff doubling from 1 minute while the total stays within 24 hours. */
    static RetryPolicy retries() {
        List<Duration> delays = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (Duration d = ofMinutes(1); total.plus(d).compareTo(Duration.ofHours(24)) <= 0; d = d.multipliedBy(2)) {
            delays.add(d);
            total = total.plus(d);
        }
        return new RetryPolicy(delays, 0);
    }

    /**
     * Square's envelope: {@code merchant_id}, {@code type}, {@code event_id}, {@code created_at} and
     * {@code data: {type, id, object: {<resource>: …}}}.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("merchant_id", event.organizationId());
        body.put("type", event.type());
        body.put("event_id", event.id());
        body.put("created_at", Bodies.JS_ISO.format(event.createdAt()));
        ObjectNode data = body.putObject("data");
        data.put("type", event.resourceType());
        data.put("id", event.resourceId());
        data.putObject("object").putRawValue(event.resourceType(), new RawValue(event.dataJson()));
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE, "User-Agent", "Square Connect v2"), null,
                attempt, event.id());
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String when = Bodies.JS_ISO.format(at);
        String location = LOCATIONS[r.nextInt(LOCATIONS.length)];
        boolean updated = type.endsWith(".updated") || type.equals("invoice.payment_made");
        long amount = 100L * (5 + r.nextInt(300));
        o.put("id", id).put("created_at", when).put("updated_at", when);
        switch (resourceType) {
            case "payment" -> {
                o.putObject("amount_money").put("amount", amount).put("currency", "USD");
                o.put("status", updated ? "COMPLETED" : "APPROVED").put("source_type", "CARD")
                        .put("location_id", location).put("order_id", IdFormat.of("", IdFormat.BASE62, 27).generate(r))
                        .put("version", updated ? 2 : 1);
                o.putObject("card_details").put("status", updated ? "CAPTURED" : "AUTHORIZED").putObject("card")
                        .put("card_brand", "VISA").put("last_4", String.format("%04d", r.nextInt(10_000)));
            }
            case "refund" -> {
                o.putObject("amount_money").put("amount", amount).put("currency", "USD");
                o.put("status", updated ? "COMPLETED" : "PENDING").put("location_id", location)
                        .put("payment_id", IdFormat.of("", IdFormat.BASE62, 29).generate(r))
                        .put("reason", "Returned goods").put("version", updated ? 2 : 1);
            }
            case "order" -> o.put("order_id", id).put("location_id", location)
                    .put("state", updated ? "COMPLETED" : "OPEN").put("version", updated ? 2 : 1);
            case "customer" -> o.put("given_name", "Amelia").put("family_name", "Earhart")
                    .put("email_address", "amelia" + r.nextInt(10_000) + "@example.com")
                    .put("creation_source", "THIRD_PARTY").put("version", updated ? 1 : 0);
            default -> {
                o.put("location_id", location).put("status", "PAID").put("version", 3)
                        .put("invoice_number", Integer.toString(1000 + r.nextInt(9000)));
                o.putArray("payment_requests").addObject().put("request_type", "BALANCE")
                        .putObject("total_completed_amount_money").put("amount", amount).put("currency", "USD");
            }
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("payment.created", "payment"), new Step("payment.updated", "payment"));
            case 1 -> List.of(new Step("order.created", "order"), new Step("order.updated", "order"));
            case 2 -> List.of(new Step("customer.created", "customer"), new Step("customer.updated", "customer"));
            default -> List.of(new Step("refund.created", "refund"), new Step("refund.updated", "refund"));
        };
    }

    private static String base64url(RandomGenerator r, int bytes) {
        byte[] raw = new byte[bytes];
        r.nextBytes(raw);
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }
}
