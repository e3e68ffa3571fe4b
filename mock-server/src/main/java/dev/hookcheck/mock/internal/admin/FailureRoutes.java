package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.FailureRule;
import dev.hookcheck.mock.FailureRule.Mode;
import dev.hookcheck.mock.internal.delivery.FailureRules;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Failure-injection rules: list, add, read, switch on and off (or change the probability), remove. */
final class FailureRoutes {
    /** Rule fields every mode takes. */
    private static final List<String> COMMON = List.of("mode", "profile", "endpointId", "eventType", "probability", "seed",
            "attempts", "enabled");
    /** Each mode's own parameters; a parameter given to a mode that does not take it is refused. */
    private static final Map<Mode, List<String>> PARAMETERS = Map.of(
            Mode.DUPLICATE, List.of("count", "concurrent"),
            Mode.BURST, List.of("count"),
            Mode.REORDER, List.of("window", "maxHoldSeconds"),
            Mode.DELAY, List.of("delaySeconds"),
            Mode.STALE_TIMESTAMP, List.of("shiftSeconds"),
            Mode.FUTURE_TIMESTAMP, List.of("shiftSeconds"));
    private static final List<String> ALL_PARAMETERS = List.of("count", "concurrent", "window", "maxHoldSeconds",
            "delaySeconds", "shiftSeconds");
    private static final List<String> UPDATE_FIELDS = List.of("enabled", "probability", "attempts");
    /** The largest seed a JSON number carries exactly. */
    static final long MAX_SEED = (1L << 53) - 1;
    static final long MAX_SECONDS = 7 * 86_400;
    static final long MAX_SHIFT_SECONDS = 10L * 365 * 86_400;

    private final ServerContext context;
    private final Store store;
    private final FailureRules rules;

    FailureRoutes(ServerContext context) {
        this.context = context;
        this.store = context.store();
        this.rules = context.deliveries().failureRules();
    }

    /** {@code GET /__admin/failures}, oldest first. */
    void list(Context ctx) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("failures");
        rules.list().forEach(r -> items.add(Views.failureRule(r, rules.matched(r.id()))));
        Json.write(ctx, 200, body);
    }

    /** {@code POST /__admin/failures}. */
    void create(Context ctx) {
        Body body = Body.read(ctx, concat(COMMON, ALL_PARAMETERS));
        String modeName = body.requiredText("mode");
        Mode mode = Mode.ofWireName(modeName).orElseThrow(() -> ApiException.invalid("mode", "mode must be one of "
                + String.join(", ", Arrays.stream(Mode.values()).map(Mode::wireName).toList()) + ", got " + Quote.of(modeName) + ""));
        List<String> takes = PARAMETERS.getOrDefault(mode, List.of());
        for (String parameter : ALL_PARAMETERS) {
            if (body.has(parameter) && !takes.contains(parameter)) {
                throw ApiException.invalid(parameter, parameter + " does not apply to mode " + Quote.of(mode.wireName()) + ""
                        + (takes.isEmpty() ? ", which takes no parameters" : "; it takes " + String.join(", ", takes)));
            }
        }
        String profileName = body.text("profile");
        Profile profile = profileName == null ? null : Scope.profile(profileName, "profile");
        String endpointId = body.text("endpointId");
        Endpoint endpoint = endpointId == null ? null : store.endpoint(endpointId).orElseThrow(() ->
                ApiException.invalid("endpointId", "endpointId " + Quote.of(endpointId) + " is not a known endpoint"));
        if (profile != null && endpoint != null && !endpoint.profile().equals(profile.name())) {
            throw ApiException.invalid("endpointId", "endpointId " + Quote.of(endpointId) + " belongs to profile '"
                    + endpoint.profile() + "', not " + Quote.of(profile.name()) + "");
        }
        String scopeProfile = endpoint != null ? endpoint.profile() : profile != null ? profile.name() : null;
        String eventType = eventType(body.text("eventType"), scopeProfile);
        if (mode.shiftsTimestamp() && scopeProfile != null && !Profiles.get(scopeProfile).signsTimestamp()) {
            String field = endpoint != null ? "endpointId" : "profile";
            throw ApiException.invalid(field, field + ": mode " + Quote.of(mode.wireName()) + " does not apply to profile "
                    + Quote.of(scopeProfile) + ": its signature carries no timestamp to move; bad_signature, tampered_body and missing_signature do apply");
        }
        if (mode == FailureRule.Mode.TAMPERED_BODY && scopeProfile != null
                && !Profiles.get(scopeProfile).traits().signsBody()) {
            String field = endpoint != null ? "endpointId" : "profile";
            throw ApiException.invalid(field, field + ": mode " + Quote.of(mode.wireName()) + " does not apply to profile "
                    + Quote.of(scopeProfile) + ": its signature does not cover the body, so a receiver cannot tell a"
                    + " changed one; bad_signature and missing_signature do apply");
        }
        Double probability = body.number("probability", 0, 1);
        Long seed = body.integer("seed", 0, MAX_SEED);
        List<Integer> attempts = body.integers("attempts", 1, 1000);
        if (attempts != null && !mode.perAttempt()) {
            throw ApiException.invalid("attempts", "attempts does not apply to mode '" + mode.wireName()
                    + "': it acts once, before the first attempt");
        }
        Boolean enabled = body.bool("enabled");
        int count = switch (mode) {
            case DUPLICATE -> (int) (long) orDefault(body.integer("count", 2, FailureRule.MAX_COPIES), 2L);
            case BURST -> (int) (long) orDefault(body.integer("count", 2, FailureRule.MAX_BURST), 5L);
            case REORDER -> (int) (long) orDefault(body.integer("window", 2, FailureRule.MAX_WINDOW), 3L);
            default -> 0;
        };
        Boolean concurrent = body.bool("concurrent");
        Duration duration = switch (mode) {
            case REORDER -> Duration.ofSeconds(orDefault(body.integer("maxHoldSeconds", 1, MAX_SECONDS), 60L));
            case DELAY -> Duration.ofSeconds(orDefault(body.integer("delaySeconds", 1, MAX_SECONDS), 30L));
            case STALE_TIMESTAMP, FUTURE_TIMESTAMP ->
                    Duration.ofSeconds(orDefault(body.integer("shiftSeconds", 1, MAX_SHIFT_SECONDS), 600L));
            default -> Duration.ZERO;
        };
        FailureRule rule = new FailureRule(null, mode, profile == null ? null : profile.name(), endpointId, eventType,
                orDefault(probability, 1.0), seed != null ? seed : context.random().nextInt(Integer.MAX_VALUE), attempts,
                count, concurrent != null && concurrent, duration, enabled == null || enabled);
        Json.write(ctx, 201, Views.failureRule(rules.add(rule), 0));
    }

    /** {@code GET /__admin/failures/{id}}. */
    void show(Context ctx) {
        FailureRule rule = find(ctx.pathParam("id"));
        Json.write(ctx, 200, Views.failureRule(rule, rules.matched(rule.id())));
    }

    /**
     * {@code PATCH /__admin/failures/{id}}: {@code enabled} switches the rule on or off; {@code probability}
     * and {@code attempts} (null: every attempt) change.
     */
    void update(Context ctx) {
        String id = ctx.pathParam("id");
        find(id);
        Body body = Body.read(ctx, UPDATE_FIELDS);
        if (body.has("enabled") && body.bool("enabled") == null) {
            throw ApiException.invalid("enabled", "enabled must be true or false, got null");
        }
        if (body.has("probability") && body.number("probability", 0, 1) == null) {
            throw ApiException.invalid("probability", "probability must be a number, got null");
        }
        Boolean enabled = body.bool("enabled");
        Double probability = body.number("probability", 0, 1);
        boolean changesAttempts = body.has("attempts");
        List<Integer> attempts = changesAttempts && !body.isNull("attempts") ? body.integers("attempts", 1, 1000) : null;
        if (changesAttempts && !find(id).mode().perAttempt()) {
            throw ApiException.invalid("attempts", "attempts does not apply to mode '" + find(id).mode().wireName()
                    + "': it acts once, before the first attempt");
        }
        FailureRule updated = rules.update(id, r -> {
            FailureRule next = enabled == null ? r : r.withEnabled(enabled);
            next = probability == null ? next : next.withProbability(probability);
            return !changesAttempts ? next : new FailureRule(next.id(), next.mode(), next.profile(), next.endpointId(),
                    next.eventType(), next.probability(), next.seed(), attempts, next.count(), next.concurrent(),
                    next.duration(), next.enabled());
        }).orElseThrow(() -> notFound(id));
        Json.write(ctx, 200, Views.failureRule(updated, rules.matched(id)));
    }

    /** {@code DELETE /__admin/failures/{id}}: a reorder window it holds is let go at once. */
    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!rules.remove(id)) {
            throw notFound(id);
        }
        ctx.status(204);
    }

    /** One of the scope profile's event names, or of any profile's when the rule is not scoped to one. */
    private static String eventType(String name, String profile) {
        if (name == null) {
            return null;
        }
        List<String> known = profile != null ? Profiles.get(profile).events().names()
                : Profiles.all().stream().flatMap(p -> p.events().names().stream()).distinct().toList();
        if (!known.contains(name)) {
            throw ApiException.invalid("eventType", "eventType " + Quote.of(name) + " is not an event name of "
                    + (profile != null ? "profile " + Quote.of(profile) + "" : "any profile"));
        }
        return name;
    }

    private FailureRule find(String id) {
        return rules.get(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no failure rule " + Quote.of(id) + "");
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
