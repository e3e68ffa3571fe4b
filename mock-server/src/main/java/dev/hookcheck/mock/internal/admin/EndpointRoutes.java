package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.delivery.Handshakes;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.EndpointVerification;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Endpoints of any profile. This is how Vitable subscriptions are registered (Vitable has no public
 * subscription API) and how Standard Webhooks, Stripe and GitHub endpoints exist at all; Dfns
 * webhooks and Preo endpoints made here behave as if made through their own APIs.
 */
final class EndpointRoutes {
    private static final List<String> CREATE_FIELDS = List.of("profile", "url", "organizationId", "events", "enabled",
            "secret", "name", "description");
    private static final List<String> UPDATE_FIELDS = List.of("url", "events", "enabled", "name", "description");

    /** Thirty days: the longest overlap a rotation may keep the old secret signing. */
    static final long MAX_OVERLAP_SECONDS = 30L * 86_400;

    private final ServerContext context;
    private final Store store;
    private final Handshakes handshakes;

    EndpointRoutes(ServerContext context) {
        this.handshakes = new Handshakes(context.clock());
        this.context = context;
        this.store = context.store();
    }

    /** The endpoints of {@code ?profile=&organizationId=} (one organization, or every endpoint of the profiles), oldest first. */
    private List<Endpoint> inScope(Context ctx) {
        String profile = Params.text(ctx, "profile");
        String organizationId = Params.text(ctx, "organizationId");
        List<Endpoint> endpoints = new ArrayList<>();
        if (organizationId != null) {
            Profile owner = Scope.profileOrDefault(store, profile, organizationId);
            endpoints.addAll(store.endpoints(Scope.organization(store, owner, organizationId, "organizationId").id()));
        } else {
            Scope.profileNames(profile, "profile").forEach(p -> endpoints.addAll(store.endpointsOfProfile(p)));
        }
        return endpoints;
    }

    /** {@code GET /__admin/endpoints[?profile=&organizationId=]}, oldest first. */
    void list(Context ctx) {
        List<Endpoint> endpoints = inScope(ctx);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("endpoints");
        endpoints.forEach(e -> items.add(Views.endpoint(e, store.verification(e.id()))));
        Json.write(ctx, 200, body);
    }

    /**
     * {@code GET /__admin/endpoints/health?profile=&organizationId=}: per endpoint, its scheduled and
     * manual attempts (copies of a duplicated attempt not counted), how many succeeded, and its latest
     * failure.
     */
    void health(Context ctx) {
        List<Endpoint> endpoints = inScope(ctx);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("endpoints");
        for (Endpoint endpoint : endpoints) {
            int attempts = 0;
            int succeeded = 0;
            AttemptRecord lastFailure = null;
            for (AttemptRecord attempt : store.attemptsOfEndpoint(endpoint.id())) { // newest first
                if (attempt.isCopy()) {
                    continue;
                }
                attempts++;
                if (attempt.succeeded()) {
                    succeeded++;
                } else if (lastFailure == null) {
                    lastFailure = attempt;
                }
            }
            ObjectNode item = items.addObject().put("endpointId", endpoint.id()).put("attempts", attempts)
                    .put("succeeded", succeeded);
            if (attempts == 0) {
                item.putNull("successRate");
            } else {
                item.put("successRate", Math.round(1000.0 * succeeded / attempts) / 1000.0);
            }
            if (lastFailure == null) {
                item.putNull("lastFailure");
            } else {
                item.putObject("lastFailure").put("at", lastFailure.sentAt().toString())
                        .put("deliveryId", lastFailure.deliveryId())
                        .put("status", lastFailure.responseStatus())
                        .put("error", lastFailure.error());
            }
        }
        Json.write(ctx, 200, body);
    }

    /** {@code POST /__admin/endpoints}. */
    void create(Context ctx) {
        Body body = Body.read(ctx, CREATE_FIELDS);
        Profile profile = Scope.profile(body.requiredText("profile"), "profile");
        String url = url(body.requiredText("url"));
        String organizationId = body.text("organizationId");
        List<String> events = events(profile, body.texts("events"));
        Boolean enabled = body.bool("enabled");
        String secretText = body.text("secret");
        Secret secret = secretText != null ? signable(profile, secretText) : profile.newSecret(context.random());
        String name = body.freeText("name");
        String description = body.freeText("description");
        Instant now = context.now();
        Endpoint created = store.atomically(() -> {
            Organization organization = Scope.organization(store, profile, organizationId, "organizationId");
            Endpoint endpoint = new Endpoint(profile.ids().endpoint().generate(context.random()), profile.name(),
                    organization.id(), url, name, description, events != null ? events : List.of(Endpoint.ALL_EVENTS),
                    enabled == null || enabled, null, null, List.of(secret), now, now, null);
            store.putEndpoint(endpoint);
            return endpoint;
        });
        Optional<EndpointVerification> verification = verify(created);
        Json.write(ctx, 201, Views.withSecret(Views.endpoint(created, verification), created));
    }

    /** {@code GET /__admin/endpoints/{id}}. */
    void show(Context ctx) {
        Endpoint endpoint = find(ctx.pathParam("id"));
        Json.write(ctx, 200, Views.endpoint(endpoint, store.verification(endpoint.id())));
    }

    /** {@code POST /__admin/endpoints/{id}/verify}: sends the provider's verification handshake again. */
    void verify(Context ctx) {
        Endpoint endpoint = find(ctx.pathParam("id"));
        if (Profiles.get(endpoint.profile()).traits().handshake().isEmpty()) {
            throw ApiException.invalid("id", Profiles.get(endpoint.profile()).displayName()
                    + " performs no endpoint verification handshake");
        }
        Json.write(ctx, 200, Views.endpoint(endpoint, verify(endpoint)));
    }

    /** The provider's handshake with a new or changed endpoint, as the real sender does it, recorded. */
    private Optional<EndpointVerification> verify(Endpoint endpoint) {
        Optional<EndpointVerification> outcome = handshakes.verify(endpoint, context.random());
        outcome.ifPresent(v -> store.putVerification(endpoint.id(), v));
        return outcome;
    }

    /** {@code PATCH /__admin/endpoints/{id}}: changes only the fields given; {@code enabled: true} also clears a circuit breaker. */
    void update(Context ctx) {
        String id = ctx.pathParam("id");
        Body body = Body.read(ctx, UPDATE_FIELDS);
        Endpoint updated = store.atomically(() -> {
            Endpoint current = find(id);
            Profile profile = Profiles.get(current.profile());
            String url = body.has("url") ? url(body.requiredText("url")) : null;
            List<String> events = body.has("events") ? events(profile, required(body.texts("events"), "events")) : null;
            Boolean enabled = body.has("enabled") ? required(body.bool("enabled"), "enabled") : null;
            Instant now = context.now();
            Endpoint next = current;
            if (url != null) {
                next = next.withUrl(url, now);
            }
            if (events != null) {
                next = next.withEvents(events, now);
            }
            if (enabled != null) {
                next = next.withEnabled(enabled, "disabled through the admin API", now);
            }
            if (body.has("name")) {
                next = next.withName(body.freeText("name"), now);
            }
            if (body.has("description")) {
                next = next.withDescription(body.freeText("description"), now);
            }
            store.putEndpoint(next);
            return next;
        });
        // a provider verifies a new URL before it delivers there, as on create
        Optional<EndpointVerification> verification = body.has("url") ? verify(updated) : store.verification(id);
        Json.write(ctx, 200, Views.endpoint(updated, verification));
    }

    /**
     * {@code POST /__admin/endpoints/{id}/rotate-secret}: a new secret, the old one kept for
     * {@code overlapSeconds} (default: the server's rotation overlap) where the scheme carries
     * several signatures. Answers the endpoint with its new secret.
     */
    void rotateSecret(Context ctx) {
        String id = ctx.pathParam("id");
        find(id);
        Body body = Body.readOptional(ctx, List.of("overlapSeconds"));
        Long overlapSeconds = body.integer("overlapSeconds", 0, MAX_OVERLAP_SECONDS);
        Duration overlap = overlapSeconds != null ? Duration.ofSeconds(overlapSeconds) : context.config().rotationOverlap();
        Endpoint rotated;
        try {
            rotated = context.deliveries().rotateSecret(id, overlap);
        } catch (IllegalArgumentException deletedMeanwhile) {
            throw notFound(id);
        }
        // when the old secret stops: from then on only the new one signs (or, single-signature schemes, is listed)
        Json.write(ctx, 200, Views.endpointWithSecret(rotated).put("previousSecretUntil",
                overlap.isZero() ? null : context.now().plus(overlap).toString()));
    }

    /** {@code DELETE /__admin/endpoints/{id}}. */
    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!store.deleteEndpoint(id)) {
            throw notFound(id);
        }
        ctx.status(204);
    }

    private Endpoint find(String id) {
        return store.endpoint(id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("no endpoint " + Quote.of(id) + "");
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw ApiException.invalid(field, field + " must not be null");
        }
        return value;
    }

    /** An absolute http or https URL the delivery client can reach. */
    private static String url(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw ApiException.invalid("url", "url must be an absolute http or https URL such as "
                    + "https://example.com/webhooks, got " + Quote.of(value) + "");
        }
        return value;
    }

    /** {@code ["*"]} or names from the profile's catalog; null when not given. */
    private static List<String> events(Profile profile, List<String> names) {
        if (names == null) {
            return null;
        }
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!name.equals(Endpoint.ALL_EVENTS) && !profile.events().contains(name)) {
                throw ApiException.invalid("events/" + i, "events[" + i + "] must be \"*\" or one of "
                        + String.join(", ", profile.events().names()) + " for profile " + Quote.of(profile.name()) + ", got '"
                        + name + "'");
            }
        }
        return names;
    }

    /** A secret the profile's scheme can sign with, so deliveries do not fail later for a reason nobody sees. */
    private static Secret signable(Profile profile, String text) {
        Secret secret = Secret.of(text);
        Secrets.problem(profile, secret).ifPresent(problem -> {
            throw ApiException.invalid("secret", "secret cannot sign for profile " + Quote.of(profile.name()) + ": "
                    + problem);
        });
        return secret;
    }
}
