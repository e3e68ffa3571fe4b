package dev.hookcheck.core.internal.providers.box;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Box webhooks v2: one {@code webhook_event} per trigger on a file or folder, signed with the app's primary
 * and secondary signature keys ({@link BoxScheme}).
 */
public final class Provider implements Supplier<Profile> {
    private static final String[] USERS = {"Aaron Levie", "Maya Chen", "Luis Ortega", "Ingrid Berg", "Sam Okafor"};
    private static final String[] FILES = {"Q3 Board Deck.pptx", "Contract - Acme Corp.pdf", "Roadmap 2026.docx",
            "Invoice-10422.pdf", "Headshots.zip", "Budget.xlsx"};
    private static final String[] FOLDERS = {"Legal", "Finance", "Marketing Assets", "Customer Contracts", "Design"};
    private static final String[] COMMENTS = {"Can you check the numbers on slide 4?", "Approved, thanks!",
            "Please use the new logo here.", "Signed copy attached."};

    @Override
    public Profile get() {
        return Profile.builder("box", "Box")
                .signing(new BoxScheme(),
                        new SecretFormat("a signature key (32 letters and digits)", Pattern.compile("[A-Za-z0-9]{16,64}"),
                                "it is the Primary (or Secondary) Key under Manage signature keys on the app's"
                                        + " Webhooks tab in the Box Developer Console"),
                        r -> Bodies.alnum(r, 32))
                .retries(new RetryPolicy(List.of(ofMinutes(1), ofMinutes(2), ofMinutes(4), ofMinutes(8),
                        ofMinutes(16), ofMinutes(32), ofMinutes(64), ofMinutes(128), ofMinutes(256), ofMinutes(512)), 0.1))
                .timeout(ofSeconds(30))
                .catalog(new EventCatalog(List.of(
                                new EventType("FILE.UPLOADED", "file"), new EventType("FILE.PREVIEWED", "file"),
                                new EventType("FILE.DOWNLOADED", "file"), new EventType("FILE.RENAMED", "file"),
                                new EventType("FILE.MOVED", "file"), new EventType("FILE.LOCKED", "file"),
                                new EventType("FILE.TRASHED", "file"), new EventType("COMMENT.CREATED", "comment"),
                                new EventType("FOLDER.CREATED", "folder"), new EventType("FOLDER.RENAMED", "folder"),
                                new EventType("COLLABORATION.CREATED", "folder"),
                                new EventType("SHARED_LINK.CREATED", "file")),
                                List.of("file", "folder", "comment")),
                        new Ids(IdFormat.guid(), IdFormat.guid(), IdFormat.of("1", "0123456789", 8),
                                IdFormat.of("", "0123456789", 9),
                                Map.of("file", IdFormat.of("1", "0123456789", 11),
                                        "folder", IdFormat.of("2", "0123456789", 11),
                                        "comment", IdFormat.of("", "0123456789", 9),
                                        "user", IdFormat.of("", "0123456789", 10))),
                        Provider::payload, Provider::data, Provider::story)
                .fields(Field.json("id"), Field.json("trigger"), Field.header(BoxScheme.TIMESTAMP))
                .idempotencyKey("the body's id (the webhook event's id: the same on every retry, while BOX-DELIVERY-ID"
                        + " changes)")
                .assumptions("the retry schedule (10 retries doubling from 1 minute) and the 30 s timeout: Box says only"
                                + " that it retries a delivery that gets no 2xx",
                        "a timestamp up to 10 minutes in the future is accepted: Box's SDKs refuse any timestamp"
                                + " ahead of the receiver's clock, Box's guide only an older one",
                        "with one signature key only BOX-SIGNATURE-PRIMARY is sent; with two (a rotation, newest"
                                + " first) the newest signs BOX-SIGNATURE-PRIMARY and the other BOX-SIGNATURE-SECONDARY",
                        "BOX-DELIVERY-TIMESTAMP is written with the offset of Box's Pacific clock, as in Box's example",
                        "the signature keys are 32 letters and digits")
                .build();
    }

    /**
     * Box's webhook event: {@code {"type":"webhook_event","id","created_at","trigger","webhook":{"id","type"},
     * "created_by","source","additional_info"}}, the example data giving the last three. The event id stays on
     * every retry; {@code BOX-DELIVERY-ID} is new for each attempt.
     */
    static Payload payload(Event event, Attempt attempt) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "webhook_event").put("id", event.id()).put("created_at", BoxScheme.format(
                event.createdAt().getEpochSecond())).put("trigger", event.type());
        body.putObject("webhook").put("id", attempt.endpointId()).put("type", "webhook");
        JsonNode data = JSON.readTree(event.dataJson());
        data.properties().forEach(e -> body.set(e.getKey(), e.getValue()));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", Bodies.JSON_TYPE);
        headers.put("User-Agent", "Box-WH-Client/0.1");
        headers.put("BOX-DELIVERY-ID", UUID.nameUUIDFromBytes((attempt.deliveryId() + "#" + attempt.number())
                .getBytes(StandardCharsets.UTF_8)).toString());
        return Bodies.payload(body, headers, null, attempt, event.id());
    }

    /** The event's {@code created_by}, {@code source} (the file, folder or comment) and {@code additional_info}. */
    static String data(Profile p, String type, String resourceType, String id, Instant at, RandomGenerator r) {
        ObjectNode o = JSON.createObjectNode();
        String time = BoxScheme.format(at.getEpochSecond());
        user(o.putObject("created_by"), p, r);
        ObjectNode source = o.putObject("source");
        switch (resourceType) {
            case "file" -> {
                String name = type.equals("FILE.RENAMED") ? "Renamed - " + FILES[r.nextInt(FILES.length)]
                        : FILES[r.nextInt(FILES.length)];
                String sha1 = Bodies.hex(r, 20);
                source.put("id", id).put("type", "file");
                source.putObject("file_version").put("type", "file_version")
                        .put("id", Long.toString(1_000_000_000_000L + r.nextLong(999_999_999_999L))).put("sha1", sha1);
                source.put("sequence_id", Integer.toString(r.nextInt(5))).put("etag", Integer.toString(r.nextInt(5)))
                        .put("sha1", sha1).put("name", name).put("description", "")
                        .put("size", 10_000 + r.nextInt(20_000_000));
                ObjectNode parent = folder(source.putObject("parent"), p.ids().resource("folder").generate(r), r);
                source.putObject("path_collection").put("total_count", 2).putArray("entries")
                        .add(JSON.createObjectNode().put("type", "folder").put("id", "0").putNull("sequence_id")
                                .putNull("etag").put("name", "All Files"))
                        .add(parent.deepCopy());
                source.put("created_at", time).put("modified_at", time).putNull("trashed_at").putNull("purged_at")
                        .put("content_created_at", time).put("content_modified_at", time);
                user(source.putObject("created_by"), p, r);
                user(source.putObject("modified_by"), p, r);
                user(source.putObject("owned_by"), p, r);
                source.putNull("shared_link");
                source.put("item_status", type.equals("FILE.TRASHED") ? "trashed" : "active");
            }
            case "folder" -> {
                folder(source, id, r).put("created_at", time).put("modified_at", time).put("description", "")
                        .put("size", r.nextInt(50_000_000));
                source.putObject("path_collection").put("total_count", 1).putArray("entries")
                        .addObject().put("type", "folder").put("id", "0").putNull("sequence_id").putNull("etag")
                        .put("name", "All Files");
                user(source.putObject("created_by"), p, r);
                user(source.putObject("owned_by"), p, r);
                source.put("item_status", "active");
            }
            default -> {
                source.put("type", "comment").put("id", id).put("is_reply_comment", false)
                        .put("message", COMMENTS[r.nextInt(COMMENTS.length)]);
                user(source.putObject("created_by"), p, r);
                source.put("created_at", time).put("modified_at", time);
                source.putObject("item").put("id", p.ids().resource("file").generate(r)).put("type", "file");
            }
        }
        o.putArray("additional_info");
        return JSON.writeValueAsString(o);
    }

    private static ObjectNode folder(ObjectNode o, String id, RandomGenerator r) {
        return o.put("type", "folder").put("id", id).put("sequence_id", Integer.toString(r.nextInt(5)))
                .put("etag", Integer.toString(r.nextInt(5))).put("name", FOLDERS[r.nextInt(FOLDERS.length)]);
    }

    private static void user(ObjectNode o, Profile p, RandomGenerator r) {
        String name = USERS[r.nextInt(USERS.length)];
        o.put("type", "user").put("id", p.ids().resource("user").generate(r)).put("name", name)
                .put("login", name.toLowerCase(Locale.ROOT).replace(' ', '.') + "@example.com");
    }

    static List<Step> story(RandomGenerator r) {
        return switch (r.nextInt(4)) {
            case 0 -> List.of(new Step("FILE.UPLOADED", "file"), new Step("FILE.PREVIEWED", "file"),
                    new Step("FILE.DOWNLOADED", "file"));
            case 1 -> List.of(new Step("FILE.UPLOADED", "file"), new Step("FILE.RENAMED", "file"),
                    new Step("FILE.MOVED", "file"), new Step("FILE.TRASHED", "file"));
            case 2 -> List.of(new Step("FOLDER.CREATED", "folder"), new Step("COLLABORATION.CREATED", "folder"),
                    new Step("FOLDER.RENAMED", "folder"));
            default -> List.of(new Step("FILE.LOCKED", "file"), new Step("SHARED_LINK.CREATED", "file"));
        };
    }
}
