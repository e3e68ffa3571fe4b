package dev.hookcheck.core.internal.providers.github;

import static dev.hookcheck.core.internal.providers.Bodies.JSON;
import static dev.hookcheck.core.internal.providers.Bodies.hex;
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
import dev.hookcheck.core.profile.SecretFormat;
import dev.hookcheck.core.signing.SignatureSchemes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import tools.jackson.databind.node.ObjectNode;

/** GitHub: no timestamp, no automatic retries. */
public final class Provider implements Supplier<Profile> {
    private static final String[] REPOS = {"acme/widgets", "acme/api", "acme/web"};

    @Override
    public Profile get() {
        return Profile.builder("github", "GitHub").position(5)
                .signing(SignatureSchemes.declarative(SignatureSchemes.GITHUB),
                        SecretFormat.text("the text typed into the webhook's Secret field", "it is the webhook's Secret in"
                                + " the repository's or organization's Settings, Webhooks, Edit; GitHub never shows it"
                                + " again, so set a new one there if it is lost"),
                        r -> Bodies.alnum(r, 40))
                .timeout(ofSeconds(10))
                .catalog(new EventCatalog(List.of(
                                EventType.system("ping", "hook"), new EventType("push", "repository"),
                                new EventType("pull_request", "pull_request"), new EventType("issues", "issue"),
                                new EventType("issue_comment", "issue"), new EventType("release", "release"),
                                new EventType("workflow_run", "workflow_run"), new EventType("star", "repository")),
                                List.of("hook", "repository", "pull_request", "issue", "release", "workflow_run")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.of("", "0123456789", 9),
                                IdFormat.of("", "0123456789", 8),
                                Map.of("hook", IdFormat.of("", "0123456789", 9),
                                        "repository", IdFormat.of("", "0123456789", 9),
                                        "pull_request", IdFormat.of("", "0123456789", 10),
                                        "issue", IdFormat.of("", "0123456789", 10),
                                        "release", IdFormat.of("", "0123456789", 9),
                                        "workflow_run", IdFormat.of("", "0123456789", 10))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.header("X-GitHub-Delivery"), Field.header("X-GitHub-Event"), Field.none())
                .idempotencyKey("the X-GitHub-Delivery header")
                .assumptions("event and resource ids are numeric, as GitHub's are")
                .build();
    }

    /**
     * The body is the event's payload itself; the event name, delivery GUID (the dedupe key) and hook id
     * travel in headers.
     */
    static Payload payload(Event event, Attempt attempt) {
        return new Payload(event.dataJson().getBytes(StandardCharsets.UTF_8),
                Map.of("Content-Type", Bodies.JSON_TYPE,
                        "User-Agent", "GitHub-Hookshot/hookcheck",
                        "X-GitHub-Event", event.type(),
                        "X-GitHub-Delivery", attempt.deliveryId(),
                        "X-GitHub-Hook-ID", attempt.endpointId()),
                null, attempt.sentAt().getEpochSecond(), attempt.deliveryId());
    }

    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String repo = REPOS[r.nextInt(REPOS.length)];
        switch (type) {
            case "ping" -> {
                o.put("zen", "Keep it logically awesome.").put("hook_id", Long.parseLong(id));
                o.putObject("hook").put("id", Long.parseLong(id)).put("type", "Repository").put("active", true);
            }
            case "push" -> {
                String after = hex(r, 20);
                o.put("ref", "refs/heads/main").put("before", hex(r, 20)).put("after", after);
                o.putArray("commits").addObject().put("id", after).put("message", "Deduplicate webhook deliveries")
                        .putObject("author").put("name", "Mona Octocat").put("email", "mona@example.com");
                o.putObject("pusher").put("name", "octocat");
            }
            case "pull_request" -> {
                o.put("action", r.nextBoolean() ? "opened" : "closed").put("number", 1 + r.nextInt(900));
                o.putObject("pull_request").put("id", Long.parseLong(id)).put("title", "Improve webhook retries");
            }
            case "issues", "issue_comment" -> {
                o.put("action", type.equals("issues") ? "opened" : "created");
                o.putObject("issue").put("id", Long.parseLong(id)).put("number", 1 + r.nextInt(900)).put("title", "Duplicate deliveries");
            }
            case "star" -> o.put("action", "created").put("starred_at", "2026-01-01T00:00:00Z");
            case "release" -> o.put("action", "published").putObject("release").put("id", Long.parseLong(id))
                    .put("tag_name", "v1." + r.nextInt(40) + ".0");
            default -> {
                o.put("action", "completed");
                o.putObject("workflow_run").put("id", Long.parseLong(id)).put("status", "completed")
                        .put("conclusion", r.nextInt(5) == 0 ? "failure" : "success");
            }
        }
        ObjectNode repository = o.putObject("repository");
        long repositoryId = 100_000_000 + r.nextInt(100_000_000);
        // a push or a star is about the repository itself: its id is the event's resource id
        repository.put("id", type.equals("push") || type.equals("star") ? Long.parseLong(id) : repositoryId)
                .put("full_name", repo);
        o.putObject("sender").put("login", "octocat");
        return JSON.writeValueAsString(o);
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("push", "repository"));
            case 1 -> List.of(new Step("pull_request", "pull_request"), new Step("pull_request", "pull_request"));
            case 2 -> List.of(new Step("issues", "issue"), new Step("issue_comment", "issue"));
            default -> List.of(new Step("workflow_run", "workflow_run"));
        };
    }
}
