package dev.hookcheck.core.internal.providers.paddle;

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
import dev.hookcheck.core.profile.SuccessRule;
import dev.hookcheck.core.profile.Traits;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.KeyFormat;
import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Tolerance;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Paddle Billing: notifications to a notification destination of type url. */
public final class Provider implements Supplier<Profile> {
    /**
     * {@code Paddle-Signature: ts=<unix>;h1=<hex HMAC-SHA256 of "{ts}:{body}">}, one {@code h1} per active secret
     * key during a rotation, keyed with the destination's secret key text. @paddle/paddle-node-sdk refuses a
     * timestamp more than 5 s old and accepts future ones.
     */
    static final SchemeSpec SCHEME = new SchemeSpec("paddle", Algorithm.HMAC_SHA256, KeyFormat.utf8(),
            "{timestamp}:{body}", SignatureFormat.pairs("Paddle-Signature", "ts", "h1", Encoding.HEX, ";"),
            Source.signature(), Source.none(), Tolerance.pastOnly(ofSeconds(5)), true);
    /** Paddle ids: a prefix and 26 lower-case letters and digits (a ULID). */
    private static final String ULID = "0123456789abcdefghjkmnpqrstvwxyz";
    private static final String KEY = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    private static final String[] NAMES = {"Sam Rivera", "Noor Haddad", "Lena Fischer", "Kenji Watanabe", "Ana Souza"};
    private static final String[] PLANS = {"Starter plan", "Pro plan", "Team plan"};

    @Override
    public Profile get() {
        return Profile.builder("paddle", "Paddle Billing")
                .signing(SignatureSchemes.declarative(SCHEME),
                        new SecretFormat("pdl_ntfset_, 26 lower-case letters and digits, _ and 32 base64 characters",
                                Pattern.compile("pdl_ntfset_[0-9a-z]{26}_[A-Za-z0-9+/]{32}"),
                                "Paddle shows it with the notification destination (Developer tools, Notifications,"
                                        + " the destination's menu, Edit destination, Secret key); the API returns it"
                                        + " as endpoint_secret_key"),
                        r -> "pdl_ntfset_" + id(r) + "_" + chars(r, KEY, 32))
                .success(SuccessRule.EXACTLY_200)
                .retries(new RetryPolicy(schedule(), 0.1))
                .timeout(ofSeconds(5))
                .traits(Traits.NONE)
                .catalog(new EventCatalog(List.of(
                                new EventType("subscription.created", "subscription"),
                                new EventType("subscription.activated", "subscription"),
                                new EventType("subscription.updated", "subscription"),
                                new EventType("subscription.canceled", "subscription"),
                                new EventType("transaction.completed", "transaction"),
                                new EventType("transaction.paid", "transaction"),
                                new EventType("transaction.payment_failed", "transaction"),
                                new EventType("customer.created", "customer"),
                                new EventType("adjustment.created", "adjustment")),
                                List.of("subscription", "transaction", "customer", "adjustment")),
                        new Ids(prefixed("evt_"), prefixed("ntf_"), prefixed("ntfset_"), prefixed("ctm_"),
                                Map.of("subscription", prefixed("sub_"), "transaction", prefixed("txn_"),
                                        "customer", prefixed("ctm_"), "adjustment", prefixed("adj_"),
                                        "price", prefixed("pri_"), "product", prefixed("pro_"),
                                        "address", prefixed("add_"))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("event_id"), Field.json("event_type"), Field.headerItem("Paddle-Signature", "ts", ';'))
                .idempotencyKey("event_id in the body (evt_…); notification_id (ntf_…) differs per destination")
                .assumptions("the retry schedule: Paddle documents 60 retries over 3 days for live accounts (sandbox: 3"
                                + " within 15 minutes); the kit uses 20 in the first hour, then 40 about 107 minutes apart",
                        "only 200 counts as delivered (Paddle asks for 200 within 5 s; other 2xx are not documented)",
                        "the organization is the seller; Paddle ids of the form <prefix>_<26 lower-case characters>",
                        "@paddle/paddle-node-sdk 3.10.0 reads only the last h1 of Paddle-Signature: during a rotation"
                                + " only the secret of the last h1 verifies with it")
                .build();
    }

    /**
     * Live accounts: 60 retries over 3 days, 20 of them in the first hour (assumed shape: growing gaps inside the
     * hour, then evenly spread).
     */
    static List<Duration> schedule() {
        List<Duration> delays = new ArrayList<>();
        long[] firstHour = {10, 20, 30, 60, 60, 90, 120, 120, 150, 180, 180, 210, 210, 240, 240, 240, 270, 270, 300, 300};
        long used = 0;
        for (long s : firstHour) {
            delays.add(ofSeconds(s));
            used += s;
        }
        Duration rest = Duration.ofDays(3).minusSeconds(used).dividedBy(40);
        for (int i = 0; i < 40; i++) {
            delays.add(rest.truncatedTo(java.time.temporal.ChronoUnit.MINUTES));
        }
        return List.copyOf(delays);
    }

    private static IdFormat prefixed(String prefix) {
        return IdFormat.of(prefix, ULID, 26);
    }

    private static String id(RandomGenerator r) {
        return chars(r, ULID, 26);
    }

    private static String chars(RandomGenerator r, String alphabet, int n) {
        StringBuilder s = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            s.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    /**
     * The notification envelope: {@code event_id} (the event, the same for every destination and retry),
     * {@code notification_id} (this destination's notification, kept by its retries), {@code occurred_at} and
     * {@code data}, the entity as it is after the event.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event_id", event.id());
        body.put("event_type", event.type());
        body.put("occurred_at", micros(event.createdAt()));
        body.put("notification_id", attempt.deliveryId());
        body.putRawValue("data", new RawValue(event.dataJson()));
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE), null, attempt, event.id());
    }

    /** Paddle writes RFC 3339 with microseconds for occurred_at and the entities' dates. */
    private static String micros(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
                .withZone(java.time.ZoneOffset.UTC).format(at);
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String customer = p.ids().resource("customer").generate(r);
        String amount = Integer.toString(1000 * (1 + r.nextInt(9)));
        switch (resourceType) {
            case "subscription" -> subscription(p, o.put("id", id), type, customer, amount, at, r);
            case "transaction" -> transaction(p, o.put("id", id), type, customer, amount, at, r);
            case "customer" -> {
                String name = NAMES[r.nextInt(NAMES.length)];
                o.put("id", id).put("name", name)
                        .put("email", name.toLowerCase(java.util.Locale.ROOT).replace(' ', '.') + "@example.com")
                        .put("locale", "en").put("status", "active").putNull("custom_data")
                        .put("created_at", micros(at)).put("updated_at", micros(at)).put("marketing_consent", false)
                        .putNull("import_meta");
            }
            default -> {
                String transaction = p.ids().resource("transaction").generate(r);
                o.put("id", id).put("action", "refund").put("reason", "Customer asked for a refund")
                        .put("status", "pending_approval").put("currency_code", "USD")
                        .put("customer_id", customer).put("transaction_id", transaction)
                        .put("subscription_id", p.ids().resource("subscription").generate(r))
                        .putNull("credit_applied_to_balance");
                o.putArray("items").addObject().put("id", "adjitm_" + id(r)).put("item_id", "txnitm_" + id(r))
                        .put("type", "full").put("amount", amount).putNull("proration")
                        .putObject("totals").put("subtotal", amount).put("tax", "0").put("total", amount);
                totals(o.putObject("totals"), amount);
                o.putNull("payout_totals");
                o.put("created_at", micros(at)).put("updated_at", micros(at));
            }
        }
        return JSON.writeValueAsString(o);
    }

    private static void subscription(Profile p, ObjectNode o, String type, String customer, String amount, Instant at,
            RandomGenerator r) {
        String status = switch (type) {
            case "subscription.canceled" -> "canceled";
            case "subscription.created" -> r.nextBoolean() ? "trialing" : "active";
            default -> "active";
        };
        Instant periodEnd = at.plus(Duration.ofDays(30));
        o.put("status", status).put("customer_id", customer)
                .put("address_id", p.ids().resource("address").generate(r)).putNull("business_id")
                .put("currency_code", "USD").put("created_at", micros(at)).put("updated_at", micros(at))
                .put("started_at", micros(at)).put("first_billed_at", micros(at))
                .put("next_billed_at", status.equals("canceled") ? null : micros(periodEnd)).putNull("paused_at")
                .put("canceled_at", status.equals("canceled") ? micros(at) : null).put("collection_mode", "automatic")
                .putNull("billing_details");
        o.putObject("current_billing_period").put("starts_at", micros(at)).put("ends_at", micros(periodEnd));
        o.putObject("billing_cycle").put("interval", "month").put("frequency", 1);
        o.putNull("scheduled_change");
        ObjectNode item = o.putArray("items").addObject().put("status", status.equals("canceled") ? "inactive" : "active")
                .put("quantity", 1 + r.nextInt(5)).put("recurring", true).put("created_at", micros(at))
                .put("updated_at", micros(at)).put("previously_billed_at", micros(at))
                .put("next_billed_at", status.equals("canceled") ? null : micros(periodEnd)).putNull("trial_dates");
        ObjectNode price = item.putObject("price").put("id", p.ids().resource("price").generate(r))
                .put("product_id", p.ids().resource("product").generate(r))
                .put("description", "Monthly " + PLANS[r.nextInt(PLANS.length)]);
        price.putObject("unit_price").put("amount", amount).put("currency_code", "USD");
        price.putObject("billing_cycle").put("interval", "month").put("frequency", 1);
        o.putNull("custom_data");
        o.putObject("management_urls").put("update_payment_method", "https://buyer-portal.paddle.com/subscriptions/"
                + o.get("id").asString() + "/update-payment-method").put("cancel",
                "https://buyer-portal.paddle.com/subscriptions/" + o.get("id").asString() + "/cancel");
        o.putNull("discount").putNull("import_meta");
        if (type.equals("subscription.created")) {
            o.put("transaction_id", p.ids().resource("transaction").generate(r));
        }
    }

    private static void transaction(Profile p, ObjectNode o, String type, String customer, String amount, Instant at,
            RandomGenerator r) {
        boolean failed = type.equals("transaction.payment_failed");
        String status = switch (type) {
            case "transaction.completed" -> "completed";
            case "transaction.paid" -> "paid";
            default -> "ready";
        };
        o.put("status", status).put("customer_id", customer)
                .put("address_id", p.ids().resource("address").generate(r)).putNull("business_id")
                .putNull("custom_data").put("origin", r.nextBoolean() ? "web" : "subscription_recurring")
                .put("collection_mode", "automatic")
                .put("subscription_id", p.ids().resource("subscription").generate(r))
                .put("invoice_id", status.equals("completed") ? "inv_" + id(r) : null)
                .put("invoice_number", status.equals("completed") ? "325-" + (10_000 + r.nextInt(90_000)) : null)
                .putNull("billing_details").put("currency_code", "USD").putNull("discount_id")
                .put("created_at", micros(at.minusSeconds(30))).put("updated_at", micros(at))
                .put("billed_at", failed ? null : micros(at));
        o.putObject("billing_period").put("starts_at", micros(at)).put("ends_at", micros(at.plus(Duration.ofDays(30))));
        o.putArray("items").addObject().put("price_id", p.ids().resource("price").generate(r)).put("quantity", 1)
                .putNull("proration");
        totals(o.putObject("details").putObject("totals"), amount);
        ArrayNode payments = o.putArray("payments");
        ObjectNode payment = payments.addObject().put("payment_attempt_id", IdFormat.guid().generate(r))
                .put("stored_payment_method_id", IdFormat.guid().generate(r)).put("amount", amount)
                .put("status", failed ? "error" : "captured").put("error_code", failed ? "declined" : null);
        payment.putObject("method_details").put("type", "card").putObject("card").put("type", "visa")
                .put("last4", failed ? "0002" : "4242").put("expiry_month", 1 + r.nextInt(12))
                .put("expiry_year", 2027 + r.nextInt(5)).put("cardholder_name", NAMES[r.nextInt(NAMES.length)]);
        payment.put("created_at", micros(at)).put("captured_at", failed ? null : micros(at));
        o.putObject("checkout").put("url", "https://checkout.paddle.com/checkout?_ptxn=" + o.get("id").asString());
    }

    private static void totals(ObjectNode totals, String amount) {
        long cents = Long.parseLong(amount);
        long fee = cents * 5 / 100 + 50;
        totals.put("subtotal", amount).put("tax", "0").put("discount", "0").put("total", amount)
                .put("grand_total", amount).put("fee", Long.toString(fee)).put("earnings", Long.toString(cents - fee))
                .put("currency_code", "USD");
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("customer.created", "customer"), new Step("transaction.paid", "transaction"),
                    new Step("subscription.created", "subscription"), new Step("subscription.activated", "subscription"),
                    new Step("transaction.completed", "transaction"));
            case 1 -> List.of(new Step("subscription.updated", "subscription"),
                    new Step("subscription.canceled", "subscription"));
            case 2 -> List.of(new Step("transaction.payment_failed", "transaction"),
                    new Step("transaction.paid", "transaction"), new Step("transaction.completed", "transaction"));
            default -> List.of(new Step("transaction.completed", "transaction"), new Step("adjustment.created", "adjustment"));
        };
    }
}
