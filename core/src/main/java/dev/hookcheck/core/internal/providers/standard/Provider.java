package dev.hookcheck.core.internal.providers.standard;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;

import dev.hookcheck.core.event.Attempt;
import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.event.Payload;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.profile.DeliveryRules;
import dev.hookcheck.core.profile.EventCatalog;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Field;
import dev.hookcheck.core.profile.IdFormat;
import dev.hookcheck.core.profile.Ids;
import dev.hookcheck.core.profile.Lifecycle.Step;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.RetryPolicy;
import dev.hookcheck.core.profile.SecretFormat;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Standard Webhooks 1.0, also what Svix sends. */
public final class Provider implements Supplier<Profile> {
    /**
     * {@code whsec_} and base64 (HMAC, {@code v1}), or {@code whsk_} and the base64 of a 32-byte Ed25519
     * signing key ({@code v1a}): what {@link SignatureSchemes#standardWebhooks()} signs with.
     */
    private static final SecretFormat SECRET = new SecretFormat(
            "whsec_ followed by base64 (or whsk_ followed by a base64 Ed25519 signing key)",
            Pattern.compile("whsec_" + SecretFormat.BASE64 + "|whsk_[A-Za-z0-9+/]{43}=?"),
            "the sender shows it with the endpoint (Svix: the endpoint's Signing Secret in the dashboard)");

    @Override
    public Profile get() {
        return Profile.builder("standard", "Standard Webhooks").position(0)
                .signing(SignatureSchemes.standardWebhooks(), SECRET, r -> "whsec_" + Bodies.base64(r, 32))
                // documented example schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h (+ jitter)
                .retries(new RetryPolicy(List.of(ofSeconds(5), ofMinutes(5), ofMinutes(30), ofHours(2), ofHours(5),
                        ofHours(10), ofHours(14), ofHours(20), ofHours(24)), 0.1))
                .timeout(ofSeconds(15)).rules(DeliveryRules.STANDARD_WEBHOOKS)
                .catalog(new EventCatalog(List.of(
                                new EventType("invoice.created", "invoice"), new EventType("invoice.paid", "invoice"),
                                new EventType("customer.created", "customer"), new EventType("customer.updated", "customer"),
                                new EventType("payment.succeeded", "payment"), new EventType("payment.failed", "payment"),
                                new EventType("subscription.created", "subscription"),
                                new EventType("subscription.canceled", "subscription")),
                                List.of("invoice", "customer", "payment", "subscription")),
                        new Ids(IdFormat.of("msg_", IdFormat.BASE62, 27), IdFormat.of("atmpt_", IdFormat.BASE62, 27),
                                IdFormat.of("ep_", IdFormat.BASE62, 27), IdFormat.of("org_", IdFormat.BASE62, 27),
                                Map.of("invoice", IdFormat.of("inv_", IdFormat.BASE62, 14),
                                        "customer", IdFormat.of("cus_", IdFormat.BASE62, 14),
                                        "payment", IdFormat.of("pay_", IdFormat.BASE62, 14),
                                        "subscription", IdFormat.of("sub_", IdFormat.BASE62, 14))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("webhook-id"), Field.json("type"), Field.header("webhook-timestamp"))
                .idempotencyKey("the webhook-id header (stable across retries)")
                .assumptions("event types are examples: Standard Webhooks leaves them to each sender",
                        "jitter shortens each retry delay by up to 10 %")
                .build();
    }

    /** Standard Webhooks' recommended {@code {"type","timestamp","data"}}; {@code webhook-id} is the event id. */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", event.type());
        body.put("timestamp", Bodies.iso(event.createdAt()));
        body.putRawValue("data", new RawValue(event.dataJson()));
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE), event.id(), attempt, event.id());
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id).put("object", resourceType);
        switch (resourceType) {
            case "invoice", "payment" -> o.put("amount", 100 * (5 + r.nextInt(500))).put("currency", "usd")
                    .put("status", type.substring(type.indexOf('.') + 1));
            case "customer" -> o.put("email", "customer" + r.nextInt(10_000) + "@example.com");
            default -> o.put("plan", r.nextBoolean() ? "pro" : "team").put("status", type.endsWith("canceled") ? "canceled" : "active");
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("customer.created", "customer"), new Step("customer.updated", "customer"));
            case 1 -> List.of(new Step("subscription.created", "subscription"), new Step("subscription.canceled", "subscription"));
            case 2 -> List.of(new Step(r.nextInt(6) == 0 ? "payment.failed" : "payment.succeeded", "payment"));
            default -> List.of(new Step("invoice.created", "invoice"), new Step("invoice.paid", "invoice"));
        };
    }
}
