package dev.hookcheck.core.internal.providers.pagerduty;

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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** PagerDuty's v3 webhook subscriptions: one event per delivery, signed with the subscription's secret. */
public final class Provider implements Supplier<Profile> {
    /**
     * {@code X-PagerDuty-Signature: v1=<hex HMAC-SHA256 of the body>}, one {@code v1=} per active secret
     * (comma-separated) while a secret is rotated; no timestamp, so no replay window.
     */
    static final SchemeSpec SCHEME = new SchemeSpec("pagerduty", Algorithm.HMAC_SHA256, KeyFormat.utf8(), "{body}",
            SignatureFormat.pairs("X-PagerDuty-Signature", "t", "v1", Encoding.HEX), Source.none(), Source.none(),
            Tolerance.none(), true);
    private static final String UPPER = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String[] TITLES = {"The server is on fire.", "Checkout API p99 latency above 2 s",
            "Disk usage above 90% on db-primary-1", "Payment webhook queue backing up", "Login error rate above 5%"};
    private static final String[] SERVICES = {"Checkout API", "Payments", "Identity", "Search"};
    private static final String[] USERS = {"Earline Greenholt", "Ana Lima", "Kenji Mori", "Priya Nair"};
    private static final String[] USER_IDS = {"PXPGF42", "PLH1HKV", "PK3M0RI", "PN4IRNA"};

    @Override
    public Profile get() {
        return Profile.builder("pagerduty", "PagerDuty")
                .signing(SignatureSchemes.declarative(SCHEME),
                        SecretFormat.text("the webhook subscription's secret exactly as PagerDuty shows it", "PagerDuty"
                                + " shows it once, when the webhook subscription is created (Integrations, Generic"
                                + " Webhooks (v3), or the secret in the POST /webhook_subscriptions response)"),
                        r -> Bodies.alnum(r, 64))
                // "5 attempts over ~20 minutes": the gaps are not published
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofMinutes(2), ofMinutes(5), ofMinutes(12)), 0))
                .timeout(ofSeconds(10))
                .catalog(new EventCatalog(List.of(
                                new EventType("incident.triggered", "incident"),
                                new EventType("incident.acknowledged", "incident"),
                                new EventType("incident.escalated", "incident"),
                                new EventType("incident.priority_updated", "incident"),
                                new EventType("incident.annotated", "incident"),
                                new EventType("incident.reassigned", "incident"),
                                new EventType("incident.resolved", "incident"),
                                new EventType("service.created", "service"), new EventType("service.updated", "service")),
                                List.of("incident", "service")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.of("P", UPPER, 6), IdFormat.of("P", UPPER, 6),
                                Map.of("incident", IdFormat.of("Q", UPPER, 13), "service", IdFormat.of("P", UPPER, 6))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("X-Webhook-Id"), Field.json("event", "event_type"), Field.none())
                .idempotencyKey("the X-Webhook-Id header (the event's id, the same on every retry)")
                .assumptions("the retry gaps (1, 2, 5, 12 min): PagerDuty says 5 attempts over about 20 minutes",
                        "the retry behaviour comes from the older webhooks' Behavior page; applying it to v3 is assumed",
                        "PagerDuty drops a delivery answered with a 4xx other than 429; the mock retries every failure",
                        "X-Webhook-Id carries the event's id and so stays the same across retries",
                        "the receiver timeout (10 s) and the secret's length (64 characters)")
                .build();
    }

    /**
     * The v3 envelope {@code {"event":{"id","event_type","resource_type","occurred_at","agent","client","data"}}};
     * the subscription travels in {@code X-Webhook-Subscription}.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        ObjectNode e = body.putObject("event");
        e.put("id", event.id()).put("event_type", event.type()).put("resource_type", event.resourceType())
                .put("occurred_at", Bodies.JS_ISO.format(event.createdAt()));
        int agent = Math.floorMod(event.id().hashCode(), USERS.length);
        e.set("agent", reference("user_reference", "users", USER_IDS[agent], USERS[agent]));
        e.putNull("client");
        e.putRawValue("data", new RawValue(event.dataJson()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        headers.put("User-Agent", "PagerDuty-Webhook/V3.0");
        headers.put("X-Webhook-Id", event.id());
        headers.put("X-Webhook-Subscription", attempt.endpointId());
        return Bodies.payload(body, headers, null, attempt, event.id());
    }

    /** The incident or service in the REST API's shape (a thin copy, as v3 webhooks send). */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String service = SERVICES[r.nextInt(SERVICES.length)];
        if (resourceType.equals("service")) {
            o.put("id", id).put("type", "service").put("self", "https://api.pagerduty.com/services/" + id)
                    .put("html_url", "https://acme.pagerduty.com/service-directory/" + id).put("name", service)
                    .put("description", service + " in production").put("status", "active")
                    .put("created_at", Bodies.iso(at));
            o.set("escalation_policy", reference("escalation_policy_reference", "escalation_policies",
                    p.ids().endpoint().generate(r), "Default"));
            return JSON.writeValueAsString(o);
        }
        String status = type.endsWith("acknowledged") ? "acknowledged" : type.endsWith("resolved") ? "resolved"
                : "triggered";
        o.put("id", id).put("type", "incident").put("self", "https://api.pagerduty.com/incidents/" + id)
                .put("html_url", "https://acme.pagerduty.com/incidents/" + id).put("number", 1000 + r.nextInt(9000))
                .put("status", status).put("incident_key", Bodies.hex(r, 16)).put("created_at", Bodies.iso(at))
                .put("title", TITLES[r.nextInt(TITLES.length)]).put("urgency", r.nextInt(4) == 0 ? "low" : "high");
        o.set("service", reference("service_reference", "services", p.ids().resource("service").generate(r), service));
        o.putArray("assignees").add(reference("user_reference", "users", p.ids().endpoint().generate(r),
                USERS[r.nextInt(USERS.length)]));
        o.set("escalation_policy", reference("escalation_policy_reference", "escalation_policies",
                p.ids().endpoint().generate(r), "Default"));
        o.putArray("teams");
        if (type.endsWith("priority_updated")) {
            o.set("priority", reference("priority_reference", "priorities", p.ids().endpoint().generate(r), "P1"));
        } else {
            o.putNull("priority");
        }
        o.putArray("conference_bridge");
        o.put("resolve_reason", (String) null);
        return JSON.writeValueAsString(o);
    }

    private static ObjectNode reference(String type, String collection, String id, String summary) {
        ObjectNode ref = JSON.createObjectNode();
        String path = collection.equals("services") ? "service-directory" : collection;
        ref.put("html_url", "https://acme.pagerduty.com/" + path + "/" + id).put("id", id)
                .put("self", "https://api.pagerduty.com/" + collection + "/" + id).put("summary", summary).put("type", type);
        return ref;
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> List.of(new Step("incident.triggered", "incident"), new Step("incident.acknowledged", "incident"),
                    new Step("incident.annotated", "incident"), new Step("incident.resolved", "incident"));
            case 2 -> List.of(new Step("incident.triggered", "incident"), new Step("incident.escalated", "incident"),
                    new Step("incident.reassigned", "incident"), new Step("incident.priority_updated", "incident"),
                    new Step("incident.resolved", "incident"));
            default -> List.of(new Step("service.created", "service"), new Step("service.updated", "service"));
        };
    }
}
