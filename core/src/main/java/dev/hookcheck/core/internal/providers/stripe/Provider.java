package dev.hookcheck.core.internal.providers.stripe;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static java.time.Duration.ofHours;
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
import dev.hookcheck.core.profile.Traits;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Stripe. */
public final class Provider implements Supplier<Profile> {
    @Override
    public Profile get() {
        return Profile.builder("stripe", "Stripe").position(4)
                .signing(SignatureSchemes.declarative(SignatureSchemes.STRIPE),
                        new SecretFormat("whsec_ followed by letters and digits", Pattern.compile("whsec_\\w+"),
                                "the Stripe Dashboard shows it with the endpoint (Workbench, Webhooks, your destination,"
                                        + " Reveal secret); stripe listen --print-secret prints the CLI's"),
                        r -> "whsec_" + Bodies.alnum(r, 32))
                .retries(new RetryPolicy(List.of(ofHours(1), ofHours(2), ofHours(4), ofHours(8), ofHours(16), ofHours(24),
                        ofHours(17)), 0.1))
                .timeout(ofSeconds(20)).traits(Traits.NONE.withSendsCharset())
                .catalog(new EventCatalog(List.of(
                                new EventType("payment_intent.succeeded", "payment_intent"),
                                new EventType("payment_intent.payment_failed", "payment_intent"),
                                new EventType("charge.succeeded", "charge"), new EventType("charge.refunded", "charge"),
                                new EventType("customer.created", "customer"),
                                new EventType("customer.subscription.created", "subscription"),
                                new EventType("customer.subscription.deleted", "subscription"),
                                new EventType("invoice.paid", "invoice"), new EventType("invoice.payment_failed", "invoice"),
                                new EventType("checkout.session.completed", "checkout_session")),
                                List.of("payment_intent", "charge", "customer", "subscription", "invoice", "checkout_session")),
                        new Ids(IdFormat.of("evt_", IdFormat.BASE62, 24), IdFormat.of("whdl_", IdFormat.BASE62, 24),
                                IdFormat.of("we_", IdFormat.BASE62, 24), IdFormat.of("acct_", IdFormat.BASE62, 16),
                                Map.of("payment_intent", IdFormat.of("pi_", IdFormat.BASE62, 24),
                                        "charge", IdFormat.of("ch_", IdFormat.BASE62, 24),
                                        "customer", IdFormat.of("cus_", IdFormat.BASE62, 14),
                                        "subscription", IdFormat.of("sub_", IdFormat.BASE62, 24),
                                        "invoice", IdFormat.of("in_", IdFormat.BASE62, 24),
                                        "checkout_session", IdFormat.of("cs_", IdFormat.BASE62, 24))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("id"), Field.json("type"), Field.headerItem("Stripe-Signature", "t"))
                .idempotencyKey("id in the body (evt_…)")
                .assumptions("retry gaps 1, 2, 4, 8, 16, 24, 17 h (Stripe documents only: up to 3 days, exponential)",
                        "the receiver timeout (20 s)")
                .build();
    }

    /** Stripe's event object; {@code data.object} is the event's data. */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", event.id());
        body.put("object", "event");
        body.put("api_version", "2024-06-20");
        body.put("created", event.createdAt().getEpochSecond());
        body.putObject("data").putRawValue("object", new RawValue(event.dataJson()));
        body.put("livemode", false);
        body.put("pending_webhooks", 1);
        ObjectNode request = body.putObject("request");
        request.putNull("id");
        request.putNull("idempotency_key");
        body.put("type", event.type());
        return Bodies.payload(body, Map.of("Content-Type", "application/json; charset=utf-8"), null, attempt, event.id());
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id).put("object", resourceType.equals("checkout_session") ? "checkout.session" : resourceType);
        if (!resourceType.equals("customer")) {
            o.put("amount", 100 * (5 + r.nextInt(500))).put("currency", "usd");
        }
        return JSON.writeValueAsString(o.put("created", at.getEpochSecond()).put("livemode", false));
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("customer.created", "customer"), new Step("customer.subscription.created", "subscription"));
            case 1 -> List.of(new Step("checkout.session.completed", "checkout_session"));
            case 2 -> List.of(new Step("payment_intent.succeeded", "payment_intent"), new Step("charge.succeeded", "charge"),
                    new Step("charge.refunded", "charge"));
            default -> List.of(new Step("invoice.paid", "invoice"));
        };
    }
}
