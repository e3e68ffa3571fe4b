package dev.hookcheck.core.internal.providers.twilio;

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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Twilio Event Streams to a webhook sink: each request is a JSON array of CloudEvents, signed as every Twilio
 * request with a JSON body is ({@link TwilioScheme}: {@code X-Twilio-Signature} over the URL carrying the
 * body's {@code bodySHA256}). Dedupe on the CloudEvent's {@code id}.
 */
public final class Provider implements Supplier<Profile> {
    private static final String MESSAGE_STATUS = "https://events-schemas.twilio.com/Messaging.MessageStatus/7";
    private static final String INBOUND = "https://events-schemas.twilio.com/Messaging.InboundMessageV1/6";
    private static final IdFormat MESSAGING_SERVICE = IdFormat.of("MG", IdFormat.HEX, 32);
    private static final String[] BODIES = {"Your order #4821 has shipped and arrives Thursday.",
            "Your verification code is 482913. It expires in 10 minutes.", "Reminder: your appointment is tomorrow at"
                    + " 9:30 AM. Reply C to confirm.", "Ahoy! Thanks for signing up, reply STOP to opt out."};
    private static final String[] REPLIES = {"C", "Yes, see you then", "STOP", "What time do you open?"};

    @Override
    public Profile get() {
        return Profile.builder("twilio", "Twilio")
                .signing(new TwilioScheme(), new SecretFormat("the account's auth token (32 hex characters)",
                        Pattern.compile("[0-9a-f]{32}"), "it is the Auth Token under Account Info on the Twilio"
                                + " Console's home page (the primary one: Twilio signs with it)"),
                        r -> Bodies.hex(r, 16))
                .retries(retries())
                .timeout(ofSeconds(5))
                .catalog(new EventCatalog(List.of(
                                new EventType("com.twilio.messaging.message.queued", "message"),
                                new EventType("com.twilio.messaging.message.sent", "message"),
                                new EventType("com.twilio.messaging.message.delivered", "message"),
                                new EventType("com.twilio.messaging.message.undelivered", "message"),
                                new EventType("com.twilio.messaging.message.failed", "message"),
                                new EventType("com.twilio.messaging.message.read", "message"),
                                new EventType("com.twilio.messaging.inbound-message.received", "message")),
                                List.of("message")),
                        new Ids(IdFormat.of("EZ", IdFormat.HEX, 32), IdFormat.guid(), IdFormat.of("DG", IdFormat.HEX, 32),
                                IdFormat.of("AC", IdFormat.HEX, 32),
                                Map.of("message", IdFormat.of("SM", IdFormat.HEX, 32))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("id"), Field.json("type"), Field.none())
                .idempotencyKey("the CloudEvent's id (EZ…) in the body's event (the same on every retry)")
                .assumptions("the retry schedule: Event Streams retries for up to four hours with exponential backoff"
                                + " and jitter and no fixed number of attempts; doubling from 1 minute, each gap at most"
                                + " 1 hour, is assumed",
                        "the CloudEvent's source: the message's REST resource path (/2010-04-01/Accounts/AC…/Messages/"
                                + "SM….json); Twilio's examples show a placeholder",
                        "a 2xx answers a delivery (Event Streams does not say which statuses count)",
                        "the mock sends one event per request (a sink with batching on sends several in the array)")
                .build();
    }

    /** Doubling from 1 minute, each gap at most 1 hour, while the total stays within 4 hours. */
    static RetryPolicy retries() {
        List<Duration> delays = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (Duration d = ofMinutes(1); total.plus(d).compareTo(ofHours(4)) <= 0;
                d = d.multipliedBy(2).compareTo(ofHours(1)) > 0 ? ofHours(1) : d.multipliedBy(2)) {
            delays.add(d);
            total = total.plus(d);
        }
        return new RetryPolicy(delays, 0.2);
    }

    /**
     * A JSON array of one CloudEvent: {@code [{"specversion":"1.0","type","source","id","dataschema",
     * "datacontenttype":"application/json","time","data"}]}.
     */
    static Payload payload(Event event, Attempt attempt) {
        ArrayNode body = JSON.createArrayNode();
        ObjectNode cloudEvent = body.addObject();
        boolean inbound = event.type().endsWith("inbound-message.received");
        cloudEvent.put("specversion", "1.0").put("type", event.type())
                .put("source", "/2010-04-01/Accounts/" + event.organizationId() + "/Messages/" + event.resourceId()
                        + ".json")
                .put("id", event.id()).put("dataschema", inbound ? INBOUND : MESSAGE_STATUS)
                .put("datacontenttype", Bodies.JSON_TYPE).put("time", Bodies.JS_ISO.format(event.createdAt()));
        cloudEvent.putRawValue("data", new RawValue(withAccount(event)));
        return new Payload(JSON.writeValueAsBytes(body), Map.of("Content-Type", Bodies.JSON_TYPE), null,
                attempt.sentAt().getEpochSecond(), event.id());
    }

    /** The event's data with its account: the kit's example data names the event's own account there. */
    private static String withAccount(Event event) {
        JsonNode data = JSON.readTree(event.dataJson());
        if (data instanceof ObjectNode object && object.has("accountSid")) {
            object.put("accountSid", event.organizationId());
            return JSON.writeValueAsString(object);
        }
        return event.dataJson();
    }

    /** Messaging.MessageStatus (v7) for status events, Messaging.InboundMessageV1 (v6) for a received message. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String when = Bodies.JS_ISO.format(at);
        String customer = "+1" + (2000000000L + r.nextLong(7999999999L));
        String business = "+1415555" + String.format("%04d", r.nextInt(10_000));
        String account = p.ids().organization().generate(r);
        if (type.endsWith("inbound-message.received")) {
            o.put("messageSid", id).put("timestamp", when).put("accountSid", account)
                    .put("eventName", type).put("from", customer).put("to", business)
                    .put("numMedia", 0).put("numSegments", 1).put("body", REPLIES[r.nextInt(REPLIES.length)])
                    .put("toCountry", "US").put("toState", "CA").put("toCity", "SAN FRANCISCO").put("toZip", "94105")
                    .put("fromCountry", "US").put("fromState", "NH").put("fromCity", "NASHUA").put("fromZip", "03049")
                    .put("mnc", "260").put("mcc", "310").put("messagingServiceSid", MESSAGING_SERVICE.generate(r));
            return JSON.writeValueAsString(o);
        }
        String status = type.substring(type.lastIndexOf('.') + 1).toUpperCase(Locale.ROOT);
        o.put("messageSid", id).put("timestamp", when).put("accountSid", account).put("eventName", type)
                .put("apiVersion", "2010-04-01").put("from", business).put("to", customer).put("messageStatus", status)
                .put("messagingServiceSid", MESSAGING_SERVICE.generate(r)).put("body", BODIES[r.nextInt(BODIES.length)])
                .put("mnc", "260").put("mcc", "310").put("numberOfSegments", 1 + r.nextInt(2)).put("dateUpdated", when);
        if (status.equals("FAILED") || status.equals("UNDELIVERED")) {
            o.put("errorCode", status.equals("FAILED") ? 30008 : 30003);
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        String prefix = "com.twilio.messaging.message.";
        return switch (r.nextInt(5)) {
            case 0, 1 -> List.of(new Step(prefix + "queued", "message"), new Step(prefix + "sent", "message"),
                    new Step(prefix + "delivered", "message"));
            case 2 -> List.of(new Step(prefix + "queued", "message"), new Step(prefix + "sent", "message"),
                    new Step(prefix + "delivered", "message"), new Step(prefix + "read", "message"));
            case 3 -> r.nextBoolean()
                    ? List.of(new Step(prefix + "queued", "message"), new Step(prefix + "sent", "message"),
                            new Step(prefix + "undelivered", "message"))
                    : List.of(new Step(prefix + "queued", "message"), new Step(prefix + "failed", "message"));
            default -> List.of(new Step("com.twilio.messaging.inbound-message.received", "message"));
        };
    }
}
