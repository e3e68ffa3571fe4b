package dev.hookcheck.core.internal.providers.slack;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Slack's Events API over HTTP: an {@code event_callback} envelope, signed with the app's signing secret. */
public final class Provider implements Supplier<Profile> {
    /**
     * {@code X-Slack-Signature: v0=<hex HMAC-SHA256 of "v0:{X-Slack-Request-Timestamp}:{body}">}; Slack's Node
     * libraries (@slack/events-api, Bolt) refuse a timestamp older than 5 minutes and accept future ones.
     */
    static final SchemeSpec SCHEME = new SchemeSpec("slack", Algorithm.HMAC_SHA256, KeyFormat.utf8(),
            "v0:{timestamp}:{body}", SignatureFormat.prefixed("X-Slack-Signature", "v0=", Encoding.HEX),
            Source.header("X-Slack-Request-Timestamp"), Source.none(), Tolerance.pastOnly(ofMinutes(5)), false);
    private static final String UPPER = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Override
    public Profile get() {
        SignatureScheme scheme = SignatureSchemes.declarative(SCHEME);
        return Profile.builder("slack", "Slack")
                .signing(scheme,
                        // hex in practice; Slack's own documented example secret has letters past f
                        new SecretFormat("32 lower-case letters and digits", Pattern.compile("[0-9a-z]{32}"),
                                "it is the app's Signing Secret under Basic Information, App Credentials, at"
                                        + " api.slack.com/apps"),
                        r -> Bodies.hex(r, 16))
                // documented: up to 3 retries, nearly immediately, after 1 minute and after 5 minutes
                .retries(new RetryPolicy(List.of(ofSeconds(1), ofMinutes(1), ofMinutes(5)), 0))
                .timeout(ofSeconds(3))
                .traits(Traits.NONE.withHandshake(new UrlVerification(scheme)))
                .catalog(new EventCatalog(List.of(
                                new EventType("app_mention", "channel"), new EventType("message", "channel"),
                                new EventType("reaction_added", "channel"), new EventType("pin_added", "channel"),
                                new EventType("channel_created", "channel"),
                                new EventType("member_joined_channel", "channel"), new EventType("team_join", "user"),
                                new EventType("app_home_opened", "user"), EventType.system("app_uninstalled", "app")),
                                List.of("channel", "user", "app")),
                        new Ids(IdFormat.of("Ev", UPPER, 10), IdFormat.guid(), IdFormat.of("A", UPPER, 10),
                                IdFormat.of("T", UPPER, 10),
                                Map.of("channel", IdFormat.of("C", UPPER, 10), "user", IdFormat.of("U", UPPER, 10),
                                        "app", IdFormat.of("A", UPPER, 10))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("event_id"), Field.json("event", "type"), Field.header("X-Slack-Request-Timestamp"))
                .idempotencyKey("event_id in the body (Ev…, the same on every retry)")
                .assumptions("\"nearly immediately\" is taken as 1 s",
                        "the retry gaps are counted from the previous attempt",
                        "X-Slack-No-Retry: 1 in an answer is not honoured by the mock (every failure is retried)")
                .build();
    }

    /**
     * The {@code event_callback} envelope; the event's data is the inner {@code event}. A retry says which
     * one it is and why in {@code X-Slack-Retry-Num} and {@code X-Slack-Retry-Reason}.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("token", "Jhj5dZrVaK7ZwHHjRyZWjbDl").put("team_id", event.organizationId())
                .put("context_team_id", event.organizationId()).putNull("context_enterprise_id")
                .put("api_app_id", attempt.endpointId());
        body.putRawValue("event", new RawValue(event.dataJson()));
        body.put("type", "event_callback").put("event_id", event.id())
                .put("event_time", event.createdAt().getEpochSecond());
        body.putArray("authorizations").addObject().putNull("enterprise_id").put("team_id", event.organizationId())
                .put("user_id", "U0BOTUSER01").put("is_bot", true).put("is_enterprise_install", false);
        body.put("is_ext_shared_channel", false);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        headers.put("User-Agent", "Slackbot 1.0 (+https://api.slack.com/robots)");
        if (attempt.number() > 1) {
            headers.put("X-Slack-Retry-Num", Integer.toString(attempt.number() - 1));
            headers.put("X-Slack-Retry-Reason", "http_error");
        }
        return Bodies.payload(body, headers, null, attempt, event.id());
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("type", type);
        String ts = at.getEpochSecond() + "." + String.format("%06d", r.nextInt(1_000_000));
        String user = "U" + Bodies.alnum(r, 10).toUpperCase(java.util.Locale.ROOT);
        switch (type) {
            case "app_mention", "message" -> o.put("user", user)
                    .put("text", type.equals("app_mention") ? "<@U0BOTUSER01> can you summarise this thread?"
                            : "Deploy finished :white_check_mark:")
                    .put("ts", ts).put("channel", id).put("event_ts", ts).put("channel_type", "channel");
            case "reaction_added" -> {
                o.put("user", user).put("reaction", r.nextBoolean() ? "thumbsup" : "eyes").put("item_user", user);
                o.putObject("item").put("type", "message").put("channel", id).put("ts", ts);
                o.put("event_ts", ts);
            }
            case "pin_added" -> {
                o.put("user", user).put("channel_id", id);
                o.putObject("item").put("type", "message").put("channel", id).put("created", at.getEpochSecond());
                o.put("event_ts", ts);
            }
            case "channel_created" -> o.putObject("channel").put("id", id).put("name", "proj-" + r.nextInt(1000))
                    .put("created", at.getEpochSecond()).put("creator", user);
            case "member_joined_channel" -> o.put("user", user).put("channel", id).put("channel_type", "C")
                    .put("team", p.ids().organization().generate(r)).put("event_ts", ts);
            case "team_join" -> o.putObject("user").put("id", id).put("name", "ana.lima").put("real_name", "Ana Lima")
                    .put("is_bot", false).put("tz", "America/Sao_Paulo");
            case "app_home_opened" -> o.put("user", id).put("channel", "D" + Bodies.alnum(r, 10).toUpperCase(
                    java.util.Locale.ROOT)).put("tab", "home").put("event_ts", ts);
            default -> o.putObject("tokens").putArray("bot").add("U0BOTUSER01");
        }
        if (!o.has("event_ts")) {
            o.put("event_ts", ts);
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("channel_created", "channel"), new Step("member_joined_channel", "channel"),
                    new Step("message", "channel"));
            case 1 -> List.of(new Step("app_mention", "channel"), new Step("reaction_added", "channel"));
            case 2 -> List.of(new Step("team_join", "user"), new Step("app_home_opened", "user"));
            default -> List.of(new Step("message", "channel"), new Step("pin_added", "channel"));
        };
    }
}
