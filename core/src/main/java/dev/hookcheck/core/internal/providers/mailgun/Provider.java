package dev.hookcheck.core.internal.providers.mailgun;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;

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
import dev.hookcheck.core.profile.SuccessRule;
import dev.hookcheck.core.profile.Traits;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;

/**
 * Mailgun's event webhooks: {@code {"signature":{timestamp, token, signature},"event-data":{…}}}, one event
 * of one message to one recipient, signed inside the body over the timestamp and a token only.
 */
public final class Provider implements Supplier<Profile> {
    private static final String DOMAIN = "mg.example.com";
    private static final String[] RECIPIENTS = {"alice@example.com", "bob.martin@example.org", "zoe.lefevre@example.net",
            "kenji.mori@example.jp", "priya.nair@example.in"};
    private static final String[] SUBJECTS = {"Your receipt from Acme (#1042)", "Reset your password",
            "Your order has shipped", "Welcome to Acme, Zoë!", "Invoice INV-2026-0042 is due"};
    private static final String[] CLIENTS = {"Chrome", "Firefox", "Safari", "Outlook", "Apple Mail"};

    @Override
    public Profile get() {
        return Profile.builder("mailgun", "Mailgun")
                .signing(new MailgunScheme(),
                        new SecretFormat("the domain's HTTP webhook signing key (32 hex digits, two groups of 8 after"
                                + " dashes; key-… on older accounts)",
                                Pattern.compile("(?:key-[0-9a-z]{32}|[0-9a-f]{32}-[0-9a-f]{8}-[0-9a-f]{8}|[0-9a-f]{32})"),
                                "it is the HTTP webhook signing key under Sending > Webhooks in the Mailgun control panel"),
                        r -> Bodies.hex(r, 16) + "-" + Bodies.hex(r, 4) + "-" + Bodies.hex(r, 4))
                .success(SuccessRule.EXACTLY_200)
                .retries(new RetryPolicy(List.of(ofMinutes(10), ofMinutes(10), ofMinutes(15), ofMinutes(30), ofHours(1),
                        ofHours(2), ofHours(4)), 0))
                .rules(DeliveryRules.PLAIN.withRefusal(406))
                .traits(Traits.NONE.withUnsignedBody("the timestamp and token of the body's signature object"))
                .catalog(new EventCatalog(List.of(
                                new EventType("accepted", "message"),
                                new EventType("delivered", "message"),
                                new EventType("failed", "message"),
                                new EventType("opened", "message"),
                                new EventType("clicked", "message"),
                                new EventType("unsubscribed", "message"),
                                new EventType("complained", "message")),
                                List.of("message")),
                        new Ids(IdFormat.of("", IdFormat.BASE62, 22), IdFormat.of("", IdFormat.HEX, 32),
                                IdFormat.of("", IdFormat.LOWER_ALNUM, 12), IdFormat.of("", IdFormat.HEX, 24),
                                Map.of("message", IdFormat.of("", "0123456789", 14))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("event-data", "id"), Field.json("event-data", "event"),
                        Field.json("signature", "timestamp"))
                .idempotencyKey("event-data.id (the same on every retry); the signature's token changes per attempt")
                .assumptions("the 5 minute tolerance, both ways: Mailgun asks receivers to compare the timestamp with"
                                + " their clock and names no window",
                        "every attempt is signed anew (a new timestamp and token), while event-data.id stays the same",
                        "a retry is sent for every event type: Mailgun's help page leaves delivered notifications"
                                + " out of its retry schedule, which a profile cannot express per type",
                        "the signing key's format (32 hex digits and two groups of 8; key-… on older accounts)",
                        "the 10 s timeout: Mailgun does not say how long it waits for an answer",
                        "the token, 50 hex digits, is derived from the delivery, the attempt and its instant instead of"
                                + " drawn at random, so that the same attempt signs the same way")
                .build();
    }

    /**
     * {@code {"event-data":{…}}}; the scheme writes the signature object in front. The token is the signing
     * id: 50 hex digits that change with every attempt.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode data = (ObjectNode) JSON.readTree(event.dataJson());
        ObjectNode eventData = body.putObject("event-data");
        eventData.put("id", event.id()).put("event", event.type())
                .put("timestamp", new BigDecimal(event.createdAt().getEpochSecond() + "." + String.format(Locale.ROOT,
                        "%06d", event.createdAt().getNano() / 1000)));
        eventData.setAll(data);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        return Bodies.payload(body, headers, token(attempt), attempt, event.id());
    }

    static String token(Attempt attempt) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((attempt.deliveryId() + ":" + attempt.number()
                    + ":" + attempt.sentAt().toEpochMilli()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 50);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The event's fields beside id, event and timestamp, as Mailgun's event-data carries them. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String recipient = RECIPIENTS[r.nextInt(RECIPIENTS.length)];
        String messageId = at.getEpochSecond() + "." + id + "@" + DOMAIN;
        o.put("log-level", switch (type) {
            case "failed" -> "error";
            case "complained" -> "warn";
            default -> "info";
        });
        o.put("recipient", recipient).put("recipient-domain", recipient.substring(recipient.indexOf('@') + 1));
        o.putArray("tags").add("transactional");
        o.putArray("campaigns");
        o.putObject("user-variables").put("order_id", "ord_" + Bodies.alnum(r, 10));
        o.putObject("flags").put("is-routed", false).put("is-authenticated", true).put("is-system-test", false)
                .put("is-test-mode", false);
        ObjectNode message = o.putObject("message");
        message.putObject("headers").put("to", recipient).put("message-id", messageId)
                .put("from", "Acme <no-reply@" + DOMAIN + ">").put("subject", SUBJECTS[r.nextInt(SUBJECTS.length)]);
        message.putArray("attachments");
        message.put("size", 2_000 + r.nextInt(40_000));
        switch (type) {
            case "accepted", "delivered", "failed" -> {
                o.putObject("envelope").put("transport", "smtp").put("sender", "no-reply@" + DOMAIN)
                        .put("sending-ip", "209.61.151." + (1 + r.nextInt(250))).put("targets", recipient);
                o.putObject("storage").put("url", "https://storage-us-east4.api.mailgun.net/v3/domains/" + DOMAIN
                        + "/messages/" + Bodies.alnum(r, 32)).put("key", Bodies.alnum(r, 32));
                if (type.equals("accepted")) {
                    o.put("method", "HTTP");
                } else if (type.equals("delivered")) {
                    o.putObject("delivery-status").put("tls", true).put("mx-host", "mx." + o.get("recipient-domain")
                            .asString()).put("attempt-no", 1).put("description", "").put("session-seconds", 0.4331)
                            .put("utf8", true).put("code", 250).put("message", "OK").put("certificate-verified", true);
                } else {
                    boolean permanent = r.nextBoolean();
                    o.put("severity", permanent ? "permanent" : "temporary")
                            .put("reason", permanent ? "bounce" : "generic");
                    o.putObject("delivery-status").put("tls", true).put("mx-host", "mx." + o.get("recipient-domain")
                            .asString()).put("attempt-no", permanent ? 1 : 2).put("code", permanent ? 550 : 451)
                            .put("message", permanent ? "5.1.1 The email account that you tried to reach does not exist."
                                    : "4.7.0 Try again later, closing connection.")
                            .put("description", "").put("session-seconds", 1.2);
                }
            }
            default -> {
                o.put("ip", "198.51.100." + (1 + r.nextInt(250)));
                o.putObject("geolocation").put("country", "US").put("region", "CA").put("city", "San Francisco");
                o.putObject("client-info").put("client-type", "browser").put("client-os", "macOS")
                        .put("device-type", "desktop").put("client-name", CLIENTS[r.nextInt(CLIENTS.length)])
                        .put("user-agent", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15");
                if (type.equals("clicked")) {
                    o.put("url", "https://acme.example.com/orders/" + Bodies.alnum(r, 8) + "?utm_source=email");
                }
            }
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> List.of(new Step("accepted", "message"), new Step("delivered", "message"),
                    new Step("opened", "message"), new Step("clicked", "message"));
            case 2 -> List.of(new Step("accepted", "message"), new Step("failed", "message"));
            case 3 -> List.of(new Step("accepted", "message"), new Step("delivered", "message"),
                    new Step("opened", "message"), new Step("unsubscribed", "message"));
            default -> List.of(new Step("accepted", "message"), new Step("delivered", "message"),
                    new Step("complained", "message"));
        };
    }
}
