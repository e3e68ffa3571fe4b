package dev.hookcheck.core.internal.providers.preo;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static java.time.Duration.ofHours;
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
import dev.hookcheck.core.profile.SeededEndpoint;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Preo (event ticketing). Much of it is unpublished: see {@link Profile#assumptions()}. */
public final class Provider implements Supplier<Profile> {
    private static final String[] EDITIONS = {"Roskilde Festival 2026", "Northside 2026", "Smukfest 2026", "Tinderbox 2026"};

    @Override
    public Profile get() {
        EventCatalog catalog = new EventCatalog(List.of(
                new EventType("order.created", "order"), new EventType("order.updated", "order"),
                new EventType("order.refunded", "order"), new EventType("purchase.created", "purchase"),
                new EventType("purchase.cancelled", "purchase"), new EventType("edition.published", "edition"),
                new EventType("edition.updated", "edition"), new EventType("pass.issued", "pass"),
                new EventType("refund.created", "refund")),
                List.of("order", "purchase", "edition", "pass", "refund"));
        return Profile.builder("preo", "Preo").position(3)
                .signing(SignatureSchemes.declarative(SignatureSchemes.PREO),
                        SecretFormat.text("the endpoint's secret text exactly as Preo returned it", "Preo returns it as"
                                + " secret when the endpoint is created (POST /api/management/webhooks/) or its secret"
                                + " rotated (POST /api/management/webhooks/{id}/rotate-secret/)"),
                        r -> "preo_whsec_" + Bodies.alnum(r, 32))
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofMinutes(5), ofMinutes(30), ofHours(2), ofHours(6)), 0))
                .timeout(ofSeconds(10))
                .catalog(catalog,
                        new Ids(IdFormat.of("evt_", IdFormat.CROCKFORD, 26), IdFormat.guid(), IdFormat.guid(), IdFormat.guid(),
                                Map.of("order", IdFormat.of("ord_", IdFormat.CROCKFORD, 12),
                                        "purchase", IdFormat.of("pur_", IdFormat.CROCKFORD, 12),
                                        "edition", IdFormat.of("edi_", IdFormat.CROCKFORD, 12),
                                        "pass", IdFormat.of("pas_", IdFormat.CROCKFORD, 12),
                                        "refund", IdFormat.of("ref_", IdFormat.CROCKFORD, 12))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("id"), Field.json("event"), Field.headerItem("X-Preo-Signature", "t"))
                .idempotencyKey("id in the body")
                .seededEndpoints(new SeededEndpoint(0, "https://tickets.acme.example/preo/webhooks", "All events",
                                catalog.names(), null),
                        new SeededEndpoint(0, "https://finance.acme.example/preo", "Finance: orders and refunds",
                                List.of("order.created", "order.refunded", "refund.created"), "edition"),
                        new SeededEndpoint(1, "https://globex.example/preo", "Globex", catalog.names(), null))
                .assumptions("signature header X-Preo-Signature: t=<unix>,v1=<hex HMAC-SHA256 of \"{t}.{body}\">, 300 s",
                        "delivered body {\"id\",\"event\",\"created\",\"data\"}",
                        "event names (order.*, purchase.*, edition.*, pass.issued, refund.created)",
                        "retry schedule 1 min, 5 min, 30 min, 2 h, 6 h, then exhausted",
                        "API paths under /api/management/ and Bearer auth",
                        "ids: evt_ + 26 Crockford base32 for events, GUIDs for endpoints and deliveries",
                        "default timeout_seconds 10")
                .build();
    }

    /** <b>Assumed</b> (unpublished): {@code {"id","event","created","data"}}. */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("id", event.id());
        body.put("event", event.type());
        body.put("created", Bodies.iso(event.createdAt()));
        body.putRawValue("data", new RawValue(event.dataJson()));
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE), null, attempt, event.id());
    }

    /** Assumed shape (Preo publishes none). */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put(resourceType + "_id", id);
        switch (resourceType) {
            case "order" -> {
                o.put("edition_id", p.ids().resource("edition").generate(r));
                o.putObject("total").put("amount", 49_500 + r.nextInt(200_000)).put("currency", "DKK");
                o.put("status", "paid");
            }
            case "purchase" -> o.put("order_id", p.ids().resource("order").generate(r)).put("ticket_type", "General admission")
                    .put("quantity", 1 + r.nextInt(4));
            case "pass" -> o.put("holder_name", "Guest " + (1 + r.nextInt(9000))).put("valid_from", at.toString());
            case "refund" -> o.put("order_id", p.ids().resource("order").generate(r)).put("amount", 49_500)
                    .put("currency", "DKK");
            default -> o.put("name", EDITIONS[r.nextInt(EDITIONS.length)]).put("starts_at", at.plusSeconds(86_400L * 60).toString());
        }
        return JSON.writeValueAsString(o);
    }

    /** Assumed event names (Preo publishes none): orders, purchases, passes, refunds, editions. */
    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(5)) {
            case 0 -> List.of(new Step("edition.published", "edition"), new Step("edition.updated", "edition"));
            case 1 -> List.of(new Step("order.created", "order"), new Step("order.refunded", "order"),
                    new Step("refund.created", "refund"));
            case 2 -> List.of(new Step("purchase.created", "purchase"), new Step("purchase.cancelled", "purchase"));
            default -> List.of(new Step("order.created", "order"), new Step("purchase.created", "purchase"),
                    new Step("pass.issued", "pass"), new Step("order.updated", "order"));
        };
    }
}
