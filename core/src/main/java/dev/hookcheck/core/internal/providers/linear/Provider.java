package dev.hookcheck.core.internal.providers.linear;

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
import dev.hookcheck.core.profile.SuccessRule;
import dev.hookcheck.core.profile.Traits;
import dev.hookcheck.core.signing.SchemeSpec;
import dev.hookcheck.core.signing.SchemeSpec.Source;
import dev.hookcheck.core.signing.SignatureSchemes;
import dev.hookcheck.core.signing.Tolerance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.util.RawValue;

/**
 * Linear (data change webhooks). {@code linear-signature} is the hex HMAC-SHA256 of the raw body keyed with
 * the webhook's signing secret text; freshness comes from {@code webhookTimestamp} inside the signed body, in
 * milliseconds, which {@code @linear/sdk} refuses when more than a minute from its clock either way. An event
 * name is the payload's {@code type} and {@code action} joined by a dot ({@code Issue.create}).
 */
public final class Provider implements Supplier<Profile> {
    static final String SIGNATURE = "linear-signature";
    /** Declarative: the signature covers the body only, and the timestamp the body carries is read once it verifies. */
    static final SchemeSpec SCHEME = new SchemeSpec("linear", SchemeSpec.Algorithm.HMAC_SHA256,
            SchemeSpec.KeyFormat.utf8(), "{body}", SchemeSpec.SignatureFormat.prefixed(SIGNATURE, "",
                    SchemeSpec.Encoding.HEX),
            Source.body("/webhookTimestamp", Source.Unit.MILLISECONDS), Source.none(),
            Tolerance.both(ofMinutes(1)), false);

    private static final String[] TITLES = {"Webhook retries arrive twice", "Crash on an empty invoice",
        "Dark mode for settings", "CSV export is slow", "Onboarding checklist", "Søk på æøå gir ingen treff"};
    private static final String[] PEOPLE = {"Ana Souza", "Kenji Mori", "Priya Nair", "Tom Weber", "Lena Fischer"};
    /** Workflow states: name, type, color. */
    private static final String[][] STATES = {{"Backlog", "backlog", "#bec2c8"}, {"Todo", "unstarted", "#e2e2e2"},
        {"In Progress", "started", "#f2c94c"}, {"In Review", "started", "#0f783c"}, {"Done", "completed", "#5e6ad2"},
        {"Canceled", "canceled", "#95a2b3"}};
    private static final String[] PRIORITIES = {"No priority", "Urgent", "High", "Medium", "Low"};
    private static final String[] LABELS = {"Bug", "Feature", "Improvement", "Performance", "Security"};
    private static final String[] PROJECTS = {"Q3 reliability", "Billing v2", "Mobile onboarding", "Search revamp"};
    private static final String[] COMMENTS = {"Reproduced on staging, fix incoming.", "Can we ship this behind a flag?",
        "Looks good to me 👍", "Blocked on the API change, see the linked PR."};

    @Override
    public Profile get() {
        return Profile.builder("linear", "Linear")
                .signing(SignatureSchemes.declarative(SCHEME),
                        SecretFormat.text("the webhook's signing secret exactly as Linear shows it (lin_wh_…)",
                                "Linear shows it on the webhook's page (Settings, API, Webhooks) and returns it as"
                                        + " secret when the webhook is created through the API"),
                        r -> "lin_wh_" + Bodies.alnum(r, 40))
                .success(SuccessRule.EXACTLY_200)
                // attempts at +1 min, +1 h and +6 h after the one before, as Linear documents
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofHours(1), ofHours(6)), 0))
                .timeout(ofSeconds(5))
                .traits(Traits.NONE)
                .catalog(new EventCatalog(List.of(
                                new EventType("Issue.create", "issue"), new EventType("Issue.update", "issue"),
                                new EventType("Issue.remove", "issue"), new EventType("Comment.create", "comment"),
                                new EventType("Comment.update", "comment"), new EventType("Project.create", "project"),
                                new EventType("Project.update", "project"), new EventType("Cycle.create", "cycle"),
                                new EventType("IssueLabel.create", "label"), new EventType("Reaction.create", "reaction")),
                                List.of("issue", "comment", "project", "cycle", "label", "reaction")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.guid(), IdFormat.guid(),
                                Map.of("issue", IdFormat.guid(), "comment", IdFormat.guid(), "project", IdFormat.guid(),
                                        "cycle", IdFormat.guid(), "label", IdFormat.guid(), "reaction", IdFormat.guid(),
                                        "team", IdFormat.guid(), "user", IdFormat.guid(), "state", IdFormat.guid())),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("Linear-Delivery"), Provider::eventName, Field.json("webhookTimestamp"))
                .idempotencyKey("the Linear-Delivery header (the body's webhookTimestamp changes on every attempt)")
                .assumptions("Linear-Delivery stays the same across the retries of one delivery (Linear calls it the"
                                + " delivery's id and says nothing about retries)",
                        "event names join the payload's type and action (Issue.create); Linear-Event carries the type",
                        "Content-Type application/json without a charset parameter",
                        "the secret's shape (lin_wh_ and 40 letters and digits)",
                        "one webhook per organization: webhookId is derived from the organization, not the endpoint")
                .build();
    }

    /** The catalog's name of a delivery: the body's {@code type} and {@code action}, {@code Issue.create}. */
    private static String eventName(java.util.function.UnaryOperator<String> header, JsonNode body) {
        String type = Field.json("type").read(header, body);
        String action = Field.json("action").read(header, body);
        return type == null || action == null ? type : type + "." + action;
    }

    /**
     * {@code {"action","actor","createdAt","data","url","type","organizationId","webhookTimestamp","webhookId"}},
     * with {@code updatedFrom} (the previous values of what changed) on an update. webhookTimestamp is the
     * instant the attempt is sent, in milliseconds: signed with the body, new on every attempt.
     */
    static Payload payload(Event event, Attempt attempt) {
        int dot = event.type().lastIndexOf('.');
        String type = dot < 0 ? event.type() : event.type().substring(0, dot);
        String action = dot < 0 ? "create" : event.type().substring(dot + 1);
        JsonNode data = JSON.readTree(event.dataJson());
        ObjectNode body = JSON.createObjectNode();
        body.put("action", action);
        String actor = UUID.nameUUIDFromBytes(("actor:" + event.organizationId()).getBytes(StandardCharsets.UTF_8))
                .toString();
        body.putObject("actor").put("id", actor).put("type", "user").put("name", "Ana Souza")
                .put("email", "ana@acme.example").put("url", "https://linear.app/acme/profiles/ana");
        body.put("createdAt", Bodies.JS_ISO.format(event.createdAt()));
        body.putRawValue("data", new RawValue(event.dataJson()));
        body.put("url", data.path("url").isString() ? data.path("url").asString()
                : "https://linear.app/acme/" + type.toLowerCase(Locale.ROOT) + "/" + event.resourceId());
        body.put("type", type);
        body.put("organizationId", event.organizationId());
        body.put("webhookTimestamp", attempt.sentAt().toEpochMilli());
        // one webhook per organization, its id derived from it: two events to one webhook carry the same id
        body.put("webhookId", UUID.nameUUIDFromBytes(("webhook:" + event.organizationId())
                .getBytes(StandardCharsets.UTF_8)).toString());
        if (action.equals("update")) {
            ObjectNode from = body.putObject("updatedFrom");
            from.put("updatedAt", Bodies.JS_ISO.format(event.createdAt().minusSeconds(3600)));
            if (data.has("stateId")) {
                from.put("stateId", UUID.nameUUIDFromBytes(("previous:" + data.path("stateId").asString())
                        .getBytes(StandardCharsets.UTF_8)).toString());
            } else if (data.has("body")) {
                from.put("body", "Reproduced on staging.");
            } else if (data.has("state")) {
                from.put("state", "planned");
            }
        }
        return Bodies.payload(body, Map.of("Content-Type", Bodies.JSON_TYPE, "User-Agent", "Linear-Webhook",
                "Linear-Delivery", attempt.deliveryId(), "Linear-Event", type), null, attempt, attempt.deliveryId());
    }

    /** The entity as Linear's GraphQL API returns it in a webhook, with the ids it refers to. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String team = p.ids().resource("team").generate(r);
        String user = p.ids().resource("user").generate(r);
        String created = Bodies.JS_ISO.format(at);
        o.put("id", id).put("createdAt", created).put("updatedAt", created);
        switch (resourceType) {
            case "issue" -> {
                int number = 1 + r.nextInt(900);
                int priority = r.nextInt(PRIORITIES.length);
                String[] state = type.endsWith("create") ? STATES[1] : STATES[1 + r.nextInt(STATES.length - 1)];
                String stateId = p.ids().resource("state").generate(r);
                String title = TITLES[r.nextInt(TITLES.length)];
                o.put("number", number).put("title", title).put("priority", priority)
                        .put("estimate", 1 + r.nextInt(5)).put("sortOrder", -r.nextInt(100_000) / 10.0)
                        .put("teamId", team).put("stateId", stateId).put("assigneeId", user)
                        .put("creatorId", p.ids().resource("user").generate(r)).put("identifier", "ENG-" + number)
                        .put("priorityLabel", PRIORITIES[priority])
                        .put("url", "https://linear.app/acme/issue/ENG-" + number + "/" + slug(title));
                o.putArray("labelIds").add(p.ids().resource("label").generate(r));
                o.putObject("state").put("id", stateId).put("color", state[2]).put("name", state[0]).put("type", state[1]);
                o.putObject("team").put("id", team).put("key", "ENG").put("name", "Engineering");
                o.putObject("assignee").put("id", user).put("name", PEOPLE[r.nextInt(PEOPLE.length)]);
                if (type.endsWith("remove")) {
                    o.put("archivedAt", created).put("trashed", true);
                }
            }
            case "comment" -> {
                String issue = p.ids().resource("issue").generate(r);
                o.put("body", COMMENTS[r.nextInt(COMMENTS.length)]).put("issueId", issue).put("userId", user);
                o.putObject("issue").put("id", issue).put("title", TITLES[r.nextInt(TITLES.length)]);
                o.putObject("user").put("id", user).put("name", PEOPLE[r.nextInt(PEOPLE.length)]);
            }
            case "project" -> {
                String name = PROJECTS[r.nextInt(PROJECTS.length)];
                o.put("name", name).put("description", "").put("state", type.endsWith("create") ? "planned" : "started")
                        .put("progress", r.nextInt(100) / 100.0).put("leadId", user)
                        .put("targetDate", at.plusSeconds(60L * 86_400).toString().substring(0, 10))
                        .put("url", "https://linear.app/acme/project/" + slug(name) + "-" + id.substring(0, 12));
                o.putArray("teamIds").add(team);
                o.putArray("memberIds").add(user);
            }
            case "cycle" -> o.put("number", 1 + r.nextInt(60)).put("startsAt", created)
                    .put("endsAt", Bodies.JS_ISO.format(at.plusSeconds(14 * 86_400))).put("teamId", team)
                    .put("progress", 0).put("scopeHistory", 0);
            case "label" -> o.put("name", LABELS[r.nextInt(LABELS.length)]).put("color", "#" + Bodies.hex(r, 3))
                    .put("teamId", team).put("creatorId", user);
            default -> o.put("emoji", List.of("+1", "tada", "eyes", "rocket").get(r.nextInt(4))).put("userId", user)
                    .put("commentId", p.ids().resource("comment").generate(r));
        }
        return JSON.writeValueAsString(o);
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(5)) {
            case 0, 1 -> List.of(new Step("Issue.create", "issue"), new Step("Issue.update", "issue"),
                    new Step(r.nextInt(5) == 0 ? "Issue.remove" : "Issue.update", "issue"));
            case 2 -> List.of(new Step("Comment.create", "comment"), new Step("Comment.update", "comment"));
            case 3 -> List.of(new Step("Project.create", "project"), new Step("Project.update", "project"));
            default -> switch (r.nextInt(3)) {
                case 0 -> List.of(new Step("Cycle.create", "cycle"));
                case 1 -> List.of(new Step("IssueLabel.create", "label"));
                default -> List.of(new Step("Reaction.create", "reaction"));
            };
        };
    }
}
