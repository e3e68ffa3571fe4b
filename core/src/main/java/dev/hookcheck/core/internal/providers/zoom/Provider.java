package dev.hookcheck.core.internal.providers.zoom;

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
import dev.hookcheck.core.profile.Traits;
import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.KeyFormat;
import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SignatureScheme;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Tolerance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Zoom (Marketplace apps' event subscriptions). The endpoint URL validation handshake
 * ({@code endpoint.url_validation}) is not modelled here.
 */
public final class Provider implements Supplier<Profile> {
    /**
     * {@code x-zm-signature: v0=<hex HMAC-SHA256>} over {@code v0:{x-zm-request-timestamp}:{body}}, keyed
     * with the secret token's text. Zoom publishes no window: 300 s both ways, as common samples use.
     */
    public static final SchemeSpec SCHEME = new SchemeSpec("zoom", Algorithm.HMAC_SHA256, KeyFormat.utf8(),
            "v0:{timestamp}:{body}", SignatureFormat.prefixed("x-zm-signature", "v0=", Encoding.HEX),
            Source.header("x-zm-request-timestamp"), Source.none(), Tolerance.both(ofMinutes(5)), false);

    private static final String[] TOPICS = {"Weekly sync", "Customer onboarding", "Sprint review", "All hands",
            "Design critique"};
    private static final String[] NAMES = {"Jill Chill", "Ana Souza", "Kenji Mori", "Priya Nair", "Tom Weber"};
    private static final String[] ZONES = {"America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo", "America/New_York"};

    @Override
    public Profile get() {
        SignatureScheme scheme = SignatureSchemes.declarative(SCHEME);
        return Profile.builder("zoom", "Zoom")
                .signing(scheme,
                        SecretFormat.text("the app's Secret Token exactly as Zoom shows it", "it is the Secret Token on"
                                + " the app's Features page (Access, Event Subscriptions) in the Zoom App Marketplace"),
                        r -> Bodies.alnum(r, 22))
                // retries 5 min after the first attempt, 20 min after the first retry, 60 min after the second
                .retries(new RetryPolicy(List.of(ofMinutes(5), ofMinutes(20), ofMinutes(60)), 0))
                .timeout(ofSeconds(3))
                .traits(Traits.NONE.withHandshake(new UrlValidation(scheme)))
                .catalog(new EventCatalog(List.of(
                                new EventType("meeting.created", "meeting"), new EventType("meeting.started", "meeting"),
                                new EventType("meeting.participant_joined", "meeting"),
                                new EventType("meeting.participant_left", "meeting"),
                                new EventType("meeting.ended", "meeting"), new EventType("meeting.deleted", "meeting"),
                                new EventType("recording.completed", "recording"),
                                new EventType("webinar.started", "webinar"), new EventType("webinar.ended", "webinar"),
                                new EventType("user.created", "user")),
                                List.of("meeting", "recording", "webinar", "user")),
                        new Ids(IdFormat.of("", IdFormat.BASE62, 22), IdFormat.of("", IdFormat.BASE62, 22),
                                IdFormat.of("", IdFormat.BASE62, 22), IdFormat.of("", IdFormat.BASE62, 22),
                                Map.of("meeting", IdFormat.of("8", "0123456789", 10),
                                        "recording", IdFormat.of("8", "0123456789", 10),
                                        "webinar", IdFormat.of("9", "0123456789", 10),
                                        "user", IdFormat.of("", IdFormat.BASE62, 22))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("x-zm-trackingid"), Field.json("event"), Field.header("x-zm-request-timestamp"))
                .idempotencyKey("the x-zm-trackingid header (the same on every retry of a notification)")
                .assumptions("the signature window (300 s both ways): Zoom publishes none",
                        "x-zm-trackingid stays the same across the retries of one notification (Zoom calls it the"
                                + " request's unique identifier and does not say)",
                        "Zoom documents 200 or 204 as delivered, yet its retry text speaks of any 2xx: the kit counts"
                                + " any 2xx",
                        "account, user and tracking ids are 22 letters and digits; meeting and webinar ids 11 digits")
                .build();
    }

    /**
     * Zoom's notification: {@code {"event","event_ts" (ms),"payload":{"account_id","object"}}}; the
     * tracking id of the delivery travels in {@code x-zm-trackingid}.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("event", event.type());
        body.put("event_ts", event.createdAt().toEpochMilli());
        body.putRawValue("payload", new RawValue(event.dataJson()));
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE, "User-Agent", "Zoom Marketplace/1.0a",
                "x-zm-trackingid", attempt.deliveryId()), null, attempt, attempt.deliveryId());
    }

    /** The payload object: the account and the resource as {@code object}. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("account_id", p.ids().organization().generate(r));
        ObjectNode o = root.putObject("object");
        String host = p.ids().resource("user").generate(r);
        switch (resourceType) {
            case "user" -> {
                String name = NAMES[r.nextInt(NAMES.length)];
                o.put("id", id).put("first_name", name.substring(0, name.indexOf(' ')))
                        .put("last_name", name.substring(name.indexOf(' ') + 1))
                        .put("email", name.toLowerCase().replace(' ', '.') + "@example.com").put("type", 1);
                root.put("creation_type", "create");
            }
            case "recording" -> {
                meeting(o, id, host, at, r);
                o.put("total_size", 1_000_000L + r.nextInt(500_000_000)).put("recording_count", 1)
                        .put("share_url", "https://example.zoom.us/rec/share/" + Bodies.alnum(r, 24));
                o.putArray("recording_files").addObject().put("id", Bodies.hex(r, 16)).put("meeting_id", o.get("uuid").asString())
                        .put("recording_start", Bodies.iso(at.minusSeconds(3600))).put("recording_end", Bodies.iso(at))
                        .put("file_type", "MP4").put("file_extension", "MP4").put("status", "completed")
                        .put("recording_type", "shared_screen_with_speaker_view");
            }
            default -> {
                meeting(o, id, host, at, r);
                if (resourceType.equals("webinar")) {
                    o.put("type", 5);
                }
                if (type.endsWith("participant_joined") || type.endsWith("participant_left")) {
                    String name = NAMES[r.nextInt(NAMES.length)];
                    ObjectNode participant = o.putObject("participant").put("user_id", Long.toString(16_000_000
                            + r.nextInt(1_000_000))).put("user_name", name).put("id", p.ids().resource("user").generate(r))
                            .put("email", name.toLowerCase().replace(' ', '.') + "@example.com");
                    participant.put(type.endsWith("joined") ? "join_time" : "leave_time", Bodies.iso(at));
                }
                if (type.endsWith("ended")) {
                    o.put("end_time", Bodies.iso(at));
                }
            }
        }
        return JSON.writeValueAsString(root);
    }

    private static void meeting(ObjectNode o, String id, String host, Instant at, RandomGenerator r) {
        o.put("uuid", Bodies.base64(r, 16)).put("id", Long.parseLong(id)).put("host_id", host)
                .put("topic", TOPICS[r.nextInt(TOPICS.length)]).put("type", 2)
                .put("start_time", Bodies.iso(at)).put("timezone", ZONES[r.nextInt(ZONES.length)])
                .put("duration", 30 * (1 + r.nextInt(4)));
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> List.of(new Step("meeting.created", "meeting"), new Step("meeting.started", "meeting"),
                    new Step("meeting.participant_joined", "meeting"), new Step("meeting.participant_left", "meeting"),
                    new Step("meeting.ended", "meeting"));
            case 2 -> r.nextBoolean() ? List.of(new Step("webinar.started", "webinar"), new Step("webinar.ended", "webinar"))
                    : List.of(new Step("recording.completed", "recording"));
            default -> List.of(new Step("user.created", "user"));
        };
    }
}
