package dev.hookcheck.core.internal.providers.svix;

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
import dev.hookcheck.core.signing.SchemeSpec.Algorithm;
import dev.hookcheck.core.signing.SchemeSpec.Encoding;
import dev.hookcheck.core.signing.SchemeSpec.KeyFormat;
import dev.hookcheck.core.signing.SchemeSpec.SignatureFormat;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Tolerance;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Svix-branded webhooks (Svix itself, and the senders built on it such as Clerk and Resend): Standard
 * Webhooks' signing under the {@code svix-id}, {@code svix-timestamp} and {@code svix-signature} names.
 * The events are Svix's own operational webhooks (about a Svix application's endpoints and messages).
 */
public final class Provider implements Supplier<Profile> {
    /** HMAC-SHA256 of {@code {id}.{timestamp}.{body}}, base64, {@code v1,<sig>} entries, key = base64 after {@code whsec_}. */
    static final SchemeSpec SCHEME = new SchemeSpec("svix", Algorithm.HMAC_SHA256, KeyFormat.base64("whsec_"),
            "{id}.{timestamp}.{body}", SignatureFormat.list("svix-signature", "v1", Encoding.BASE64),
            Source.header("svix-timestamp"), Source.header("svix-id"), Tolerance.both(ofMinutes(5)), true);

    private static final SecretFormat SECRET = new SecretFormat("whsec_ followed by base64",
            Pattern.compile("whsec_" + SecretFormat.BASE64),
            "the Svix dashboard (or the app portal) shows it as the endpoint's Signing Secret;"
                    + " GET /api/v1/app/{app_id}/endpoint/{endpoint_id}/secret returns it");

    @Override
    public Profile get() {
        return Profile.builder("svix", "Svix")
                .signing(SignatureSchemes.declarative(SCHEME), SECRET, r -> "whsec_" + Bodies.base64(r, 24))
                // documented: immediately, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h after the previous one
                .retries(new RetryPolicy(List.of(ofSeconds(5), ofMinutes(5), ofMinutes(30), ofHours(2), ofHours(5),
                        ofHours(10), ofHours(10)), 0))
                .timeout(ofSeconds(15))
                .catalog(new EventCatalog(List.of(
                                new EventType("endpoint.created", "endpoint"), new EventType("endpoint.updated", "endpoint"),
                                new EventType("endpoint.disabled", "endpoint"), new EventType("endpoint.enabled", "endpoint"),
                                new EventType("endpoint.deleted", "endpoint"),
                                new EventType("message.attempt.failing", "message"),
                                new EventType("message.attempt.exhausted", "message"),
                                new EventType("message.attempt.recovered", "message")),
                                List.of("endpoint", "message")),
                        new Ids(IdFormat.of("msg_", IdFormat.BASE62, 27), IdFormat.of("atmpt_", IdFormat.BASE62, 27),
                                IdFormat.of("ep_", IdFormat.BASE62, 27), IdFormat.of("org_", IdFormat.BASE62, 27),
                                Map.of("endpoint", IdFormat.of("ep_", IdFormat.BASE62, 27),
                                        "message", IdFormat.of("msg_", IdFormat.BASE62, 27))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("svix-id"), Field.json("type"), Field.header("svix-timestamp"))
                .idempotencyKey("the svix-id header (stable across retries)")
                .assumptions("no jitter on the retry schedule (Svix documents none)",
                        "Svix disables an endpoint that has failed for 5 days; the kit has no time-based circuit"
                                + " breaker, so the profile has none",
                        "application ids in the events' data are drawn at random")
                .build();
    }

    /** {@code {"type","data"}}, the shape of Svix's operational webhooks; {@code svix-id} is the message id. */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", event.type());
        body.putRawValue("data", new RawValue(event.dataJson()));
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE), event.id(), attempt, event.id());
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        o.put("appId", "app_" + Bodies.alnum(r, 27)).putNull("appUid");
        if (resourceType.equals("endpoint")) {
            o.put("endpointId", id).putNull("endpointUid");
            if (type.equals("endpoint.disabled")) {
                o.put("failSince", Bodies.iso(at.minusSeconds(5 * 86_400))).put("trigger", "automatic");
            }
            return JSON.writeValueAsString(o);
        }
        String endpoint = p.ids().endpoint().generate(r);
        o.put("msgId", id).putNull("msgEventId").put("endpointId", endpoint);
        ObjectNode last = o.putObject("lastAttempt");
        last.put("id", p.ids().delivery().generate(r)).put("timestamp", Bodies.iso(at))
                .put("responseStatusCode", type.endsWith("recovered") ? 200 : r.nextBoolean() ? 500 : 503);
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(3)) {
            case 0 -> List.of(new Step("endpoint.created", "endpoint"), new Step("endpoint.updated", "endpoint"));
            case 1 -> List.of(new Step("message.attempt.failing", "message"),
                    new Step(r.nextBoolean() ? "message.attempt.recovered" : "message.attempt.exhausted", "message"));
            default -> List.of(new Step("endpoint.disabled", "endpoint"), new Step("endpoint.enabled", "endpoint"));
        };
    }
}
