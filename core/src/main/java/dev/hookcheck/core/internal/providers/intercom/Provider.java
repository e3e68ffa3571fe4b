package dev.hookcheck.core.internal.providers.intercom;

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
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/** Intercom's webhook notifications: one {@code notification_event} per topic, signed with the app's client secret. */
public final class Provider implements Supplier<Profile> {
    /** {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of the body>}, keyed with the client secret; no timestamp. */
    static final SchemeSpec SCHEME = new SchemeSpec("intercom", Algorithm.HMAC_SHA1, KeyFormat.utf8(), "{body}",
            SignatureFormat.prefixed("X-Hub-Signature", "sha1=", Encoding.HEX), Source.none(), Source.none(),
            Tolerance.none(), false);
    private static final String[] NAMES = {"Ana Lima", "Kenji Mori", "Priya Nair", "Tom Weber", "Zoë Martin"};
    private static final String[] ADMINS = {"Sam Support", "Alex Agent", "Jo Helpdesk"};
    private static final String[] MESSAGES = {"<p>Hi, I was charged twice for my subscription this month.</p>",
            "<p>How do I export my invoices as CSV?</p>", "<p>The mobile app logs me out every few minutes.</p>",
            "<p>Can I change the email address on my account?</p>"};

    @Override
    public Profile get() {
        return Profile.builder("intercom", "Intercom")
                .signing(SignatureSchemes.declarative(SCHEME),
                        new SecretFormat("the app's client secret (a UUID)", Pattern.compile("[0-9a-f-]{16,64}"),
                                "it is the Client secret on the app's Basic information page in the Intercom"
                                        + " Developer Hub"),
                        r -> uuid(r))
                .retries(new RetryPolicy(List.of(ofMinutes(1)), 0))
                .timeout(ofSeconds(5))
                .catalog(new EventCatalog(List.of(
                                new EventType("conversation.user.created", "conversation"),
                                new EventType("conversation.user.replied", "conversation"),
                                new EventType("conversation.admin.replied", "conversation"),
                                new EventType("conversation.admin.assigned", "conversation"),
                                new EventType("conversation.admin.noted", "conversation"),
                                new EventType("conversation.admin.closed", "conversation"),
                                new EventType("contact.user.created", "contact"),
                                new EventType("contact.lead.created", "contact"),
                                new EventType("contact.tag.created", "contact"),
                                new EventType("company.created", "company")),
                                List.of("conversation", "contact", "company")),
                        new Ids(IdFormat.of("notif_", IdFormat.HEX, 32), IdFormat.guid(), IdFormat.of("", IdFormat.HEX, 24),
                                IdFormat.of("", "abcdefghijklmnopqrstuvwxyz0123456789", 8),
                                Map.of("conversation", IdFormat.of("1", "0123456789", 14),
                                        "contact", IdFormat.of("", IdFormat.HEX, 24),
                                        "company", IdFormat.of("", IdFormat.HEX, 24))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("id"), Field.json("topic"), Field.none())
                .idempotencyKey("the notification's id (notif_…, the same on the retry)")
                .assumptions("the retry schedule (one retry after 1 minute) and the 5 s timeout: Intercom's pages say"
                                + " only that it pauses a topic after 1000 errors in 15 minutes and suspends a private"
                                + " app's subscription after seven days of errors",
                        "the notification id keeps its value on the retry (delivery_attempts counts up)",
                        "the client secret is a UUID")
                .build();
    }

    /**
     * Intercom's notification: {@code {"type":"notification_event","app_id","data":{"type":"notification_event_data",
     * "item":…},"id","topic","delivery_status","delivery_attempts","delivered_at","first_sent_at","created_at"}}.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "notification_event").put("app_id", event.organizationId());
        ObjectNode data = body.putObject("data");
        data.put("type", "notification_event_data");
        data.putRawValue("item", new RawValue(event.dataJson()));
        body.putObject("links");
        body.put("id", event.id()).put("topic", event.type()).put("delivery_status", "pending")
                .put("delivery_attempts", attempt.number()).put("delivered_at", 0)
                .put("first_sent_at", event.createdAt().getEpochSecond())
                .put("created_at", event.createdAt().getEpochSecond()).putNull("self");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        headers.put("User-Agent", "intercom-parrot-service-rb");
        return Bodies.payload(body, headers, null, attempt, event.id());
    }

    /** The topic's item in the REST API's shape: a conversation, a contact or a company. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        long seconds = at.getEpochSecond();
        String name = NAMES[r.nextInt(NAMES.length)];
        String email = name.toLowerCase(Locale.ROOT).replace("ë", "e").replace(' ', '.') + "@example.com";
        switch (resourceType) {
            case "conversation" -> {
                o.put("type", "conversation").put("id", id).put("created_at", seconds).put("updated_at", seconds)
                        .put("title", (String) null).put("state", type.endsWith("closed") ? "closed" : "open")
                        .put("open", !type.endsWith("closed")).put("read", false).put("priority", "not_priority");
                o.putObject("source").put("type", "conversation").put("id", Long.toString(400_000_000L + r.nextInt(99_999_999)))
                        .put("delivered_as", "customer_initiated").put("body", MESSAGES[r.nextInt(MESSAGES.length)])
                        .putObject("author").put("type", "user").put("id", p.ids().resource("contact").generate(r))
                        .put("name", name).put("email", email);
                ObjectNode contacts = o.putObject("contacts");
                contacts.put("type", "contact.list").putArray("contacts").addObject().put("type", "contact")
                        .put("id", p.ids().resource("contact").generate(r));
                boolean byAdmin = type.startsWith("conversation.admin");
                o.put("admin_assignee_id", byAdmin ? 5_000_000 + r.nextInt(999_999) : 0);
                ObjectNode parts = o.putObject("conversation_parts");
                parts.put("type", "conversation_part.list").put("total_count", 1);
                ObjectNode part = parts.putArray("conversation_parts").addObject();
                String partType = switch (type) {
                    case "conversation.admin.assigned" -> "assignment";
                    case "conversation.admin.noted" -> "note";
                    case "conversation.admin.closed" -> "close";
                    case "conversation.user.created" -> "open";
                    default -> "comment";
                };
                part.put("type", "conversation_part").put("id", Long.toString(20_000_000_000L + r.nextInt(999_999_999)))
                        .put("part_type", partType).put("body", byAdmin && partType.equals("comment")
                                ? "<p>Thanks for reaching out, let me look into that.</p>" : null)
                        .put("created_at", seconds).put("updated_at", seconds).put("notified_at", seconds);
                part.putObject("author").put("type", byAdmin ? "admin" : "user")
                        .put("id", byAdmin ? Integer.toString(5_000_000 + r.nextInt(999_999)) : p.ids().resource("contact").generate(r))
                        .put("name", byAdmin ? ADMINS[r.nextInt(ADMINS.length)] : name);
            }
            case "contact" -> {
                o.put("type", "contact").put("id", id).put("workspace_id", p.ids().organization().generate(r))
                        .put("external_id", type.contains("lead") ? null : "cus_" + Bodies.alnum(r, 10))
                        .put("role", type.contains("lead") ? "lead" : "user").put("email", email).put("name", name)
                        .put("created_at", seconds).put("updated_at", seconds).put("signed_up_at", seconds);
                ObjectNode tags = o.putObject("tags");
                tags.put("type", "list");
                if (type.equals("contact.tag.created")) {
                    tags.putArray("data").addObject().put("type", "tag").put("id", Integer.toString(7_000_000
                            + r.nextInt(999_999))).put("name", "VIP");
                } else {
                    tags.putArray("data");
                }
            }
            default -> o.put("type", "company").put("id", id).put("company_id", "acct_" + Bodies.alnum(r, 8))
                    .put("name", new String[] {"Acme Corp", "Globex", "Initech", "Umbrella"}[r.nextInt(4)])
                    .put("plan", "Pro").put("created_at", seconds).put("updated_at", seconds).put("user_count", 1
                            + r.nextInt(200)).put("monthly_spend", 49 * (1 + r.nextInt(20)));
        }
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0, 1 -> List.of(new Step("conversation.user.created", "conversation"),
                    new Step("conversation.admin.assigned", "conversation"),
                    new Step("conversation.admin.replied", "conversation"),
                    new Step("conversation.user.replied", "conversation"),
                    new Step("conversation.admin.closed", "conversation"));
            case 2 -> List.of(new Step("contact.lead.created", "contact"), new Step("contact.tag.created", "contact"));
            default -> r.nextBoolean() ? List.of(new Step("contact.user.created", "contact"))
                    : List.of(new Step("company.created", "company"));
        };
    }

    private static String uuid(RandomGenerator r) {
        String hex = Bodies.hex(r, 16);
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(13, 16) + "-a"
                + hex.substring(17, 20) + "-" + hex.substring(20);
    }
}
