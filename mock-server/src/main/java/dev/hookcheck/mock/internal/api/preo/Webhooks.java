package dev.hookcheck.mock.internal.api.preo;

import dev.hookcheck.core.profile.Ids;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** {@code /api/management/webhooks/…}: list, create, read, replace, patch, delete, rotate the secret. */
final class Webhooks {
    private static final Ids IDS = Profiles.get(PreoApi.PROFILE).ids();
    private static final Map<String, Comparator<Endpoint>> ORDERING = Map.of(
            "created", Comparator.comparing(Endpoint::createdAt),
            "modified", Comparator.comparing(PreoJson::modified),
            "name", Comparator.comparing(e -> e.name() == null ? "" : e.name()));
    private static final String DEFAULT_ORDERING = "-created"; // assumed

    private final ServerContext context;
    private final Store store;
    private final PreoJson json;

    Webhooks(ServerContext context, PreoJson json) {
        this.context = context;
        this.store = context.store();
        this.json = json;
    }

    /** The list filters {@code edition_id}, {@code is_active} and {@code organization_id}; null ones do not filter. */
    record Filter(String editionId, Boolean active, String organizationId) {
        static Filter read(Context ctx, FieldErrors errors) {
            return new Filter(Params.text(ctx, "edition_id"), Listing.bool(ctx, "is_active", errors),
                    Params.text(ctx, "organization_id"));
        }

        boolean matches(Endpoint e) {
            return (editionId == null || editionId.equals(e.editionId()))
                    && (active == null || active == e.enabled())
                    && (organizationId == null || organizationId.equals(e.organizationId()));
        }
    }

    void list(Context ctx, String organizationId) {
        FieldErrors errors = new FieldErrors();
        Filter filter = Filter.read(ctx, errors);
        Comparator<Endpoint> order = Listing.ordering(ctx, ORDERING, DEFAULT_ORDERING,
                Comparator.comparing(Endpoint::id), errors);
        Listing.Paging paging = Listing.paging(ctx, errors);
        errors.throwIfAny();
        List<Endpoint> matching = store.endpoints(organizationId).stream()
                .filter(e -> e.profile().equals(PreoApi.PROFILE))
                .filter(filter::matches)
                .sorted(order)
                .toList();
        Json.write(ctx, 200, Listing.page(ctx, matching, paging, json::endpoint));
    }

    void create(Context ctx, String organizationId) {
        WebhookInput input = WebhookInput.read(ctx, WebhookInput.Mode.FULL, organizationId);
        Endpoint endpoint = input.create(IDS.endpoint().generate(context.random()), organizationId,
                Secrets.generate(PreoApi.PROFILE, context.random()), context.now());
        store.putEndpoint(endpoint);
        Json.write(ctx, 201, json.endpointWithSecret(endpoint));
    }

    void get(Context ctx, String organizationId) {
        Json.write(ctx, 200, json.endpoint(owned(store, organizationId, ctx.pathParam("id"))));
    }

    void replace(Context ctx, String organizationId) {
        update(ctx, organizationId, WebhookInput.Mode.FULL);
    }

    void patch(Context ctx, String organizationId) {
        update(ctx, organizationId, WebhookInput.Mode.PARTIAL);
    }

    private void update(Context ctx, String organizationId, WebhookInput.Mode mode) {
        String id = ctx.pathParam("id");
        owned(store, organizationId, id); // DRF looks the object up before it reads the body
        WebhookInput input = WebhookInput.read(ctx, mode, organizationId);
        Instant now = context.now();
        Endpoint updated = store.atomically(() -> {
            owned(store, organizationId, id);
            return store.updateEndpoint(id, e -> input.applyTo(e, now)).orElseThrow();
        });
        Json.write(ctx, 200, json.endpoint(updated));
    }

    void delete(Context ctx, String organizationId) {
        String id = ctx.pathParam("id");
        store.atomically(() -> {
            owned(store, organizationId, id);
            return store.deleteEndpoint(id);
        });
        ctx.status(204);
    }

    /**
     * A new secret signs every delivery from now on and is the only one shown; the old one is kept
     * (never shown) for the server's rotation overlap, the delivery engine's rule for rotation.
     */
    void rotateSecret(Context ctx, String organizationId) {
        String id = ctx.pathParam("id");
        Endpoint rotated = store.atomically(() -> {
            owned(store, organizationId, id);
            return context.deliveries().rotateSecret(id);
        });
        Json.write(ctx, 200, json.endpointWithSecret(rotated));
    }

    /** The caller's Preo endpoint {@code id}; another organization's is as absent as an unknown one. */
    static Endpoint owned(Store store, String organizationId, String id) {
        return store.endpoint(id)
                .filter(e -> e.profile().equals(PreoApi.PROFILE) && e.organizationId().equals(organizationId))
                .orElseThrow(() -> ApiException.notFound("Not found."));
    }
}
