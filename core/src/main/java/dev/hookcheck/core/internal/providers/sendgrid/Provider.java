package dev.hookcheck.core.internal.providers.sendgrid;

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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SendGrid's Event Webhook: each POST is a JSON array of email events (processed, delivered, open, click,
 * bounce…), signed with ECDSA P-256 ({@link SendGridScheme}). Dedupe on each event's {@code sg_event_id}.
 */
public final class Provider implements Supplier<Profile> {
    private static final String MESSAGE_ALPHABET = IdFormat.BASE62;
    private static final String[] RECIPIENTS = {"amelia.earhart", "grace.hopper", "ada.lovelace", "zoe.martin",
            "kenji.mori"};
    private static final String[] DOMAINS = {"example.com", "example.org", "example.net"};
    private static final String[] AGENTS = {"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Mobile/15E148", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML,"
            + " like Gecko) Chrome/124.0.0.0 Safari/537.36"};

    @Override
    public Profile get() {
        return Profile.builder("sendgrid", "SendGrid")
                .signing(new SendGridScheme(), new SecretFormat("a P-256 signing key: base64 DER PKCS#8, its public"
                                + " half the receiver's verification key",
                        // the two DER layouts of a P-256 PKCS#8 key (without and with the public key), in base64
                        Pattern.compile("MEECAQAwEwYHKoZIzj0CAQYIKoZIzj0DAQcEJzAlAgEBBC[A-D][A-Za-z0-9+/]{42}[AQgw]=="
                                + "|MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg[A-Za-z0-9+/]{136}"),
                        "SendGrid keeps its private key and shows only the public Verification Key (Settings, Mail"
                                + " Settings, Event Webhook, Signature Verification): to sign, make a P-256 key pair (openssl"
                                + " genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256, then openssl pkcs8 -topk8 -nocrypt"
                                + " -outform DER | base64 -w0) and configure the receiver with its public key"),
                        SendGridScheme::newSigningKey)
                .retries(retries())
                .timeout(ofSeconds(10))
                .catalog(new EventCatalog(List.of(
                                new EventType("processed", "message"), new EventType("delivered", "message"),
                                new EventType("open", "message"), new EventType("click", "message"),
                                new EventType("bounce", "message"), new EventType("dropped", "message"),
                                new EventType("deferred", "message"), new EventType("spamreport", "message"),
                                new EventType("unsubscribe", "message"), new EventType("group_unsubscribe", "message")),
                                List.of("message")),
                        new Ids(IdFormat.of("", MESSAGE_ALPHABET, 22), IdFormat.guid(), IdFormat.guid(),
                                IdFormat.of("", "0123456789", 8), Map.of("message", IdFormat.of("", MESSAGE_ALPHABET, 22))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("sg_event_id"), Field.json("event"), Field.header(SendGridScheme.TIMESTAMP))
                .idempotencyKey("each event's sg_event_id (the same when a batch is posted again)")
                .assumptions("the retry schedule: SendGrid retries a failed POST at increasing intervals for up to 24"
                                + " hours; doubling from 1 minute is assumed",
                        "the 10 s timeout", "the mock posts one event per request (SendGrid batches several)",
                        "no replay window: SendGrid documents none and @sendgrid/eventwebhook checks none (the"
                                + " timestamp is signed, so it cannot be changed, but an old request verifies)",
                        "signatures are deterministic ECDSA (RFC 6979), so the vectors reproduce; SendGrid's may be"
                                + " randomized, which a verifier cannot tell apart")
                .build();
    }

    /** Doubling from 1 minute while the total stays within 24 hours. */
    static RetryPolicy retries() {
        List<Duration> delays = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (Duration d = ofMinutes(1); total.plus(d).compareTo(ofHours(24)) <= 0; d = d.multipliedBy(2)) {
            delays.add(d);
            total = total.plus(d);
        }
        return new RetryPolicy(delays, 0);
    }

    /**
     * A JSON array of one event, each event flat: {@code email}, {@code timestamp}, {@code smtp-id}, {@code event},
     * {@code category}, {@code sg_event_id}, {@code sg_message_id} and the event's own fields; SendGrid ends the
     * body with CRLF.
     */
    static Payload payload(Event event, Attempt attempt) {
        ArrayNode body = JSON.createArrayNode();
        ObjectNode e = body.addObject();
        JsonNode data = JSON.readTree(event.dataJson());
        e.put("email", data.path("email").asString(RECIPIENTS[0] + "@" + DOMAINS[0]));
        e.put("timestamp", event.createdAt().getEpochSecond());
        e.put("smtp-id", "<" + event.resourceId() + "@ismtpd0039p1iad1.sendgrid.net>");
        e.put("event", event.type());
        e.put("sg_event_id", event.id());
        e.put("sg_message_id", messageId(event.resourceId()));
        if (data.isObject()) {
            data.properties().forEach(p -> {
                if (!e.has(p.getKey())) {
                    e.set(p.getKey(), p.getValue());
                }
            });
        } else {
            e.set("data", data);
        }
        byte[] bytes = (JSON.writeValueAsString(body) + "\r\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        headers.put("User-Agent", "SendGrid Event API");
        return new Payload(bytes, headers, null, attempt.sentAt().getEpochSecond(), event.id());
    }

    /** The message's id as SendGrid writes it: the id, the filter host that accepted it, a counter. */
    private static String messageId(String message) {
        return message + ".filterdrecv-6f5b7bd9c4-" + Integer.toHexString(message.hashCode() & 0xfffff) + "-1-"
                + String.format(Locale.ROOT, "%08X", Integer.toUnsignedLong(message.hashCode() * 31)) + "-18.0";
    }

    /** The event's own fields (Event Webhook reference): the recipient, categories, and what the event says. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("email", RECIPIENTS[r.nextInt(RECIPIENTS.length)] + "@" + DOMAINS[r.nextInt(DOMAINS.length)]);
        o.putArray("category").add(r.nextBoolean() ? "receipts" : "newsletter");
        String ip = "168.245." + r.nextInt(256) + "." + (1 + r.nextInt(254));
        String client = "203.0.113." + (1 + r.nextInt(254));
        switch (type) {
            case "delivered" -> o.put("ip", ip).put("response", "250 2.0.0 OK  " + at.getEpochSecond()
                    + " " + Bodies.alnum(r, 10) + " - gsmtp").put("tls", 1);
            case "deferred" -> o.put("ip", ip).put("response", "421 4.7.28 Too many messages, try again later")
                    .put("attempt", Integer.toString(1 + r.nextInt(5))).put("tls", 1);
            case "bounce" -> o.put("ip", ip).put("reason", "550 5.1.1 The email account that you tried to reach does"
                    + " not exist").put("status", "5.1.1").put("type", "bounce")
                    .put("bounce_classification", "Invalid Address").put("tls", 1);
            case "dropped" -> o.put("reason", "Bounced Address").put("status", "5.0.0");
            case "open" -> o.put("ip", client).put("useragent", AGENTS[r.nextInt(AGENTS.length)])
                    .put("sg_machine_open", false);
            case "click" -> o.put("ip", client).put("useragent", AGENTS[r.nextInt(AGENTS.length)])
                    .put("url", "https://example.com/orders/" + (1000 + r.nextInt(9000))).put("url_offset", 0);
            case "group_unsubscribe" -> o.put("ip", client).put("useragent", AGENTS[r.nextInt(AGENTS.length)])
                    .put("asm_group_id", 10 + r.nextInt(90));
            default -> { } // processed, spamreport, unsubscribe carry only the common fields
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        Step processed = new Step("processed", "message");
        Step delivered = new Step("delivered", "message");
        return switch (r.nextInt(6)) {
            case 0, 1 -> List.of(processed, delivered, new Step("open", "message"), new Step("click", "message"));
            case 2 -> List.of(processed, new Step("deferred", "message"), delivered);
            case 3 -> List.of(processed, new Step("bounce", "message"));
            case 4 -> List.of(processed, new Step("dropped", "message"));
            default -> List.of(processed, delivered, new Step(r.nextBoolean() ? "unsubscribe" : "spamreport", "message"));
        };
    }
}
