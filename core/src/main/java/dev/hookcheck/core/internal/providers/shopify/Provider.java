package dev.hookcheck.core.internal.providers.shopify;

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
import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.KeyFormat;
import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Tolerance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify: the body is the resource itself, signed alone (no timestamp); the topic, shop, API version,
 * delivery id and event id travel in headers, and the event id is what repeats on a duplicate.
 */
public final class Provider implements Supplier<Profile> {
    /** {@code X-Shopify-Hmac-SHA256: <base64 HMAC-SHA256 of the raw body>}, keyed with the app's client secret. */
    static final SchemeSpec SCHEME = new SchemeSpec("shopify", Algorithm.HMAC_SHA256, KeyFormat.utf8(), "{body}",
            SignatureFormat.prefixed("X-Shopify-Hmac-SHA256", "", Encoding.BASE64), Source.none(), Source.none(),
            Tolerance.none(), false);
    static final String API_VERSION = "2025-07";

    @Override
    public Profile get() {
        return Profile.builder("shopify", "Shopify")
                .signing(SignatureSchemes.declarative(SCHEME),
                        SecretFormat.text("the app's client secret, as the Dev Dashboard or Partner Dashboard shows it",
                                "it is the app's Client secret (Dev Dashboard or Partner Dashboard, the app's"
                                        + " Settings); a custom app made in the admin shows it under API credentials"),
                        r -> "shpss_" + Bodies.hex(r, 16))
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofMinutes(2), ofMinutes(5), ofMinutes(10), ofMinutes(20),
                        ofMinutes(40), ofMinutes(60), ofMinutes(102)), 0))
                .timeout(ofSeconds(5))
                .catalog(new EventCatalog(List.of(
                                new EventType("orders/create", "order"), new EventType("orders/paid", "order"),
                                new EventType("orders/fulfilled", "order"), new EventType("orders/cancelled", "order"),
                                new EventType("refunds/create", "refund"), new EventType("products/create", "product"),
                                new EventType("products/update", "product"), new EventType("customers/create", "customer"),
                                EventType.system("app/uninstalled", "shop")),
                                List.of("order", "refund", "product", "customer", "shop")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.of("", "0123456789", 12),
                                IdFormat.of("", "0123456789", 11),
                                Map.of("order", IdFormat.of("", "0123456789", 13),
                                        "refund", IdFormat.of("", "0123456789", 12),
                                        "product", IdFormat.of("", "0123456789", 13),
                                        "customer", IdFormat.of("", "0123456789", 13),
                                        "shop", IdFormat.of("", "0123456789", 11))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("X-Shopify-Event-Id"), Field.header("X-Shopify-Topic"), Field.none())
                .idempotencyKey("the X-Shopify-Event-Id header (the same event on several deliveries);"
                        + " X-Shopify-Webhook-Id names one delivery")
                .assumptions("the retry gaps (1, 2, 5, 10, 20, 40, 60, 102 min): Shopify documents 8 retries over 4 hours",
                        "the 5 s timeout (Shopify documents 1 s to connect, 5 s in all, on a third-party page)",
                        "the shop domain and API version (" + API_VERSION + ") in the headers")
                .build();
    }

    /** The resource itself; what it is and which delivery it is travel in Shopify's headers. */
    static Payload payload(Event event, Attempt attempt) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        headers.put("X-Shopify-Topic", event.type());
        headers.put("X-Shopify-Shop-Domain", "shop-" + event.organizationId() + ".myshopify.com");
        headers.put("X-Shopify-API-Version", API_VERSION);
        headers.put("X-Shopify-Webhook-Id", attempt.deliveryId());
        headers.put("X-Shopify-Event-Id", event.id());
        headers.put("X-Shopify-Triggered-At", Bodies.iso(event.createdAt()));
        return new Payload(event.dataJson().getBytes(StandardCharsets.UTF_8), headers, null,
                attempt.sentAt().getEpochSecond(), event.id());
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        long numeric = Long.parseLong(id);
        String gid = "gid://shopify/" + switch (resourceType) {
            case "order" -> "Order";
            case "refund" -> "Refund";
            case "product" -> "Product";
            case "customer" -> "Customer";
            default -> "Shop";
        } + "/" + numeric;
        o.put("id", numeric).put("admin_graphql_api_id", gid);
        String created = Bodies.iso(at).replace("Z", "-05:00");
        switch (resourceType) {
            case "order" -> {
                int cents = 100 * (10 + r.nextInt(400)) + r.nextInt(100);
                String price = cents / 100 + "." + String.format("%02d", cents % 100);
                o.put("name", "#" + (1001 + r.nextInt(9000))).put("email", "customer" + r.nextInt(10_000) + "@example.com")
                        .put("created_at", created).put("currency", "USD").put("total_price", price)
                        .put("financial_status", type.equals("orders/create") ? "pending"
                                : type.equals("orders/cancelled") ? "voided" : "paid");
                if (type.equals("orders/fulfilled")) {
                    o.put("fulfillment_status", "fulfilled");
                } else {
                    o.putNull("fulfillment_status");
                }
                if (type.equals("orders/cancelled")) {
                    o.put("cancelled_at", created).put("cancel_reason", "customer");
                }
                o.putArray("line_items").addObject().put("id", 10_000_000_000L + r.nextInt(1_000_000_000))
                        .put("title", r.nextBoolean() ? "Merino Wool Beanie" : "Canvas Tote Bag").put("quantity", 1 + r.nextInt(3))
                        .put("price", price).put("sku", "SKU-" + (100 + r.nextInt(900)));
            }
            case "refund" -> {
                o.put("order_id", 5_000_000_000_000L + r.nextInt(1_000_000_000)).put("created_at", created)
                        .put("note", "Damaged in transit").put("restock", true);
                o.putArray("transactions").addObject().put("kind", "refund").put("status", "success")
                        .put("amount", (5 + r.nextInt(90)) + ".00").put("currency", "USD");
            }
            case "product" -> o.put("title", r.nextBoolean() ? "Merino Wool Beanie" : "Canvas Tote Bag")
                    .put("handle", "merino-wool-beanie").put("vendor", "Acme Outfitters").put("product_type", "Accessories")
                    .put("status", "active").put("created_at", created).put("updated_at", created);
            case "customer" -> o.put("email", "customer" + r.nextInt(10_000) + "@example.com").put("first_name", "Ana")
                    .put("last_name", "Lima").put("state", "enabled").put("created_at", created)
                    .put("verified_email", true);
            default -> o.put("name", "Acme Outfitters").put("domain", "acme-outfitters.com")
                    .put("myshopify_domain", "acme-outfitters.myshopify.com").put("plan_name", "basic");
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> r.nextInt(5) == 0
                    ? List.of(new Step("orders/create", "order"), new Step("orders/cancelled", "order"))
                    : List.of(new Step("orders/create", "order"), new Step("orders/paid", "order"),
                            new Step("orders/fulfilled", "order"));
            case 1 -> List.of(new Step("products/create", "product"), new Step("products/update", "product"));
            case 2 -> List.of(new Step("customers/create", "customer"));
            default -> List.of(new Step("refunds/create", "refund"));
        };
    }
}
