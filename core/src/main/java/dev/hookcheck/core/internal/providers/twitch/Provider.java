package dev.hookcheck.core.internal.providers.twitch;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Twitch EventSub, webhook transport: {@code notification} messages. The callback verification
 * ({@code webhook_callback_verification}) and {@code revocation} messages are not modelled here.
 */
public final class Provider implements Supplier<Profile> {
    private static final String[] LOGINS = {"cool_streamer", "speedrun_sam", "pixel_paula", "chess_kenji", "lofi_lena"};
    private static final String[] GAMES = {"Just Chatting", "Chess", "Minecraft", "Celeste", "Music"};
    /** The subscription version Twitch documents for each type; 1 unless listed. */
    private static final Map<String, String> VERSIONS = Map.of("channel.follow", "2", "channel.update", "2");

    @Override
    public Profile get() {
        TwitchScheme scheme = new TwitchScheme();
        return Profile.builder("twitch", "Twitch EventSub")
                .signing(scheme,
                        new SecretFormat("10 to 100 ASCII characters without spaces", Pattern.compile("[!-~]{10,100}"),
                                "it is the transport.secret your app chose when it created the subscription"
                                        + " (POST /helix/eventsub/subscriptions); Twitch never shows it"),
                        r -> Bodies.alnum(r, 32))
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofMinutes(5), ofMinutes(30)), 0.1))
                .timeout(ofSeconds(10))
                .traits(Traits.NONE.withHandshake(new CallbackVerification(scheme))
                        .withControlMessage(new Revocation(scheme)))
                .catalog(new EventCatalog(List.of(
                                new EventType("stream.online", "stream"), new EventType("stream.offline", "stream"),
                                new EventType("channel.follow", "channel"), new EventType("channel.subscribe", "channel"),
                                new EventType("channel.cheer", "channel"), new EventType("channel.raid", "channel"),
                                new EventType("channel.update", "channel"), new EventType("channel.ban", "channel"),
                                new EventType("channel.channel_points_custom_reward_redemption.add", "redemption")),
                                List.of("stream", "channel", "redemption")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.guid(), IdFormat.of("", "0123456789", 9),
                                Map.of("stream", IdFormat.of("4", "0123456789", 10),
                                        "channel", IdFormat.of("", "0123456789", 9),
                                        "redemption", IdFormat.guid(),
                                        "user", IdFormat.of("", "0123456789", 9))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("Twitch-Eventsub-Message-Id"), Field.json("subscription", "type"),
                        Field.header("Twitch-Eventsub-Message-Timestamp"))
                .idempotencyKey("the Twitch-Eventsub-Message-Id header (a resent message keeps its id)")
                .assumptions("the retry schedule (1 min, 5 min, 30 min): Twitch only says delivery is at least once"
                                + " and revokes a subscription whose callback keeps failing",
                        "the receiver timeout (10 s): Twitch asks for an answer within a few seconds",
                        "only stale timestamps are refused (Twitch's guidance: not older than 10 minutes)")
                .build();
    }

    /**
     * {@code {"subscription":{…},"event":{…}}}: the message id (the delivery, kept by every resend) is
     * signed with the timestamp.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        String version = VERSIONS.getOrDefault(event.type(), "1");
        ObjectNode subscription = body.putObject("subscription");
        // one subscription per event type and channel owner: its id is derived from them
        String subscriptionId = UUID.nameUUIDFromBytes((event.organizationId() + "/" + event.type())
                .getBytes(StandardCharsets.UTF_8)).toString();
        subscription.put("id", subscriptionId).put("status", "enabled").put("type", event.type())
                .put("version", version).put("cost", 0);
        // the subscription's condition names the channel the event is about
        JsonNode data = JSON.readTree(event.dataJson());
        String raidKey = "to_broadcaster_user_id";
        String key = event.type().equals("channel.raid") ? raidKey : "broadcaster_user_id";
        String channel = data.path(data.has(key) ? key : "broadcaster_user_id").asString(event.organizationId());
        ObjectNode condition = subscription.putObject("condition").put(key, channel);
        if (event.type().equals("channel.follow")) {
            condition.put("moderator_user_id", channel);
        }
        subscription.putObject("transport").put("method", "webhook").put("callback", "https://example.com/webhooks/twitch");
        subscription.put("created_at", Bodies.iso(event.createdAt().minusSeconds(86_400)));
        body.putRawValue("event", new RawValue(event.dataJson()));
        return new Payload(JSON.writeValueAsBytes(body), Map.of("Content-Type", Bodies.JSON_TYPE,
                "Twitch-Eventsub-Message-Type", "notification",
                "Twitch-Eventsub-Message-Retry", Integer.toString(attempt.number() - 1),
                "Twitch-Eventsub-Subscription-Type", event.type(),
                "Twitch-Eventsub-Subscription-Version", version),
                attempt.deliveryId(), attempt.sentAt().getEpochSecond(), attempt.deliveryId());
    }

    /** The event object of each type, about the organization's channel (its broadcaster). */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String login = LOGINS[r.nextInt(LOGINS.length)];
        String viewer = LOGINS[r.nextInt(LOGINS.length)] + "_fan";
        String viewerId = p.ids().resource("user").generate(r);
        String broadcasterId = resourceType.equals("channel") ? id : p.ids().resource("channel").generate(r);
        switch (type) {
            case "stream.online" -> broadcaster(o.put("id", id), broadcasterId, login).put("type", "live")
                    .put("started_at", Bodies.iso(at));
            case "stream.offline" -> broadcaster(o, broadcasterId, login);
            case "channel.follow" -> broadcaster(user(o, viewerId, viewer), broadcasterId, login)
                    .put("followed_at", Bodies.iso(at));
            case "channel.subscribe" -> broadcaster(user(o, viewerId, viewer), broadcasterId, login)
                    .put("tier", List.of("1000", "2000", "3000").get(r.nextInt(3))).put("is_gift", r.nextInt(5) == 0);
            case "channel.cheer" -> broadcaster(user(o.put("is_anonymous", false), viewerId, viewer), broadcasterId, login)
                    .put("message", "pogchamp").put("bits", 100 * (1 + r.nextInt(50)));
            case "channel.raid" -> o.put("from_broadcaster_user_id", viewerId).put("from_broadcaster_user_login", viewer)
                    .put("from_broadcaster_user_name", viewer).put("to_broadcaster_user_id", broadcasterId)
                    .put("to_broadcaster_user_login", login).put("to_broadcaster_user_name", login)
                    .put("viewers", 1 + r.nextInt(2000));
            case "channel.update" -> broadcaster(o, broadcasterId, login).put("title", "Chill stream, come say hi")
                    .put("language", "en").put("category_id", Integer.toString(500_000 + r.nextInt(100_000)))
                    .put("category_name", GAMES[r.nextInt(GAMES.length)]).putArray("content_classification_labels");
            case "channel.ban" -> broadcaster(user(o, viewerId, viewer), broadcasterId, login)
                    .put("moderator_user_id", broadcasterId).put("moderator_user_login", login)
                    .put("moderator_user_name", login).put("reason", "spam").put("banned_at", Bodies.iso(at))
                    .putNull("ends_at").put("is_permanent", true);
            default -> {
                broadcaster(user(o.put("id", id), viewerId, viewer), broadcasterId, login).put("user_input", "")
                        .put("status", "unfulfilled").put("redeemed_at", Bodies.iso(at));
                o.putObject("reward").put("id", IdFormat.guid().generate(r)).put("title", "Hydrate!")
                        .put("cost", 100 * (1 + r.nextInt(20))).put("prompt", "Make me drink water");
            }
        }
        return JSON.writeValueAsString(o);
    }

    private static ObjectNode broadcaster(ObjectNode o, String id, String login) {
        return o.put("broadcaster_user_id", id).put("broadcaster_user_login", login).put("broadcaster_user_name", login);
    }

    private static ObjectNode user(ObjectNode o, String id, String login) {
        return o.put("user_id", id).put("user_login", login).put("user_name", login);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("channel.update", "channel"), new Step("stream.online", "stream"),
                    new Step("stream.offline", "stream"));
            case 1 -> List.of(new Step("channel.follow", "channel"), new Step("channel.subscribe", "channel"));
            case 2 -> List.of(new Step(r.nextBoolean() ? "channel.cheer" : "channel.raid", "channel"));
            default -> List.of(new Step("channel.channel_points_custom_reward_redemption.add", "redemption"));
        };
    }
}
