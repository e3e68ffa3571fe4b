package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.seed.Secrets;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code /webhooks} and {@code /webhooks/{webhookId}}: a Dfns webhook is a store endpoint of profile dfns. */
final class Webhooks {
    /** The default and largest page (assumed: Dfns does not publish it). */
    static final int MAX_LIMIT = 100;

    private final ServerContext context;
    private final Store store;
    private final Access access;
    private final Profile profile = Profiles.get(Access.PROFILE);

    Webhooks(ServerContext context, Access access) {
        this.context = context;
        this.store = context.store();
        this.access = access;
    }

    void create(Context ctx) {
        String organization = access.organizationForChange(ctx);
        WebhookChange change = WebhookChange.forCreate(Json.readObject(ctx));
        Instant now = context.now();
        Secret secret = Secrets.generate(Access.PROFILE, context.random());
        Endpoint webhook = new Endpoint(profile.ids().endpoint().generate(context.random()), Access.PROFILE,
                organization, change.url(), null, change.description(), change.events(),
                change.enabled() == null || change.enabled(), null, null, List.of(secret), now, now, null);
        int limit = context.config().dfnsWebhookLimit();
        Endpoint stored = store.atomically(() -> {
            if (webhooksOf(organization).size() >= limit) {
                throw ApiException.invalid(null, "Webhook limit reached: an organization may have at most " + limit
                        + " webhooks; delete one before creating another");
            }
            store.putEndpoint(webhook);
            return webhook;
        });
        Json.write(ctx, 200, DfnsJson.webhook(stored).put("secret", secret.reveal()));
    }

    void list(Context ctx) {
        String organization = access.organization(ctx);
        int limit = Params.integer(ctx, "limit", MAX_LIMIT, 1, MAX_LIMIT);
        int offset = PageToken.webhooksOffset(Params.text(ctx, PageToken.PARAMETER));
        List<Endpoint> all = webhooksOf(organization);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        all.stream().skip(offset).limit(limit).map(DfnsJson::webhook).forEach(items::add);
        if ((long) offset + limit < all.size()) {
            body.put("nextPageToken", PageToken.webhooksFrom(offset + limit));
        }
        Json.write(ctx, 200, body);
    }

    void get(Context ctx) {
        String organization = access.organization(ctx);
        Json.write(ctx, 200, DfnsJson.webhook(access.webhook(organization, ctx.pathParam("webhookId"))));
    }

    void update(Context ctx) {
        String organization = access.organizationForChange(ctx);
        String id = ctx.pathParam("webhookId");
        access.webhook(organization, id);
        WebhookChange change = WebhookChange.forUpdate(Json.readObject(ctx));
        Instant now = context.now();
        Endpoint updated = store.updateEndpoint(id, w -> change.isEmpty() ? w : change.applyTo(w, now))
                .orElseThrow(() -> ApiException.notFound("Webhook " + Quote.prefix(id) + " not found"));
        Json.write(ctx, 200, DfnsJson.webhook(updated));
    }

    void delete(Context ctx) {
        String organization = access.organizationForChange(ctx);
        String id = ctx.pathParam("webhookId");
        access.webhook(organization, id);
        if (!store.deleteEndpoint(id)) {
            throw ApiException.notFound("Webhook " + Quote.prefix(id) + " not found");
        }
        Json.write(ctx, 200, Json.object().put("deleted", true));
    }

    /** Sends a signed test event now; it is not stored and does not count as a delivery. */
    void ping(Context ctx) {
        String organization = access.organizationForChange(ctx);
        Endpoint webhook = access.webhook(organization, ctx.pathParam("webhookId"));
        // the request thread is let go while the receiver answers (at most its timeout)
        ctx.future(() -> context.deliveries().ping(webhook).thenAccept(result -> {
            boolean delivered = result.status() != null && profile.successRule().isSuccess(result.status());
            Json.write(ctx, 200, DfnsJson.pingResult(result.status(), result.error(), delivered));
        }));
    }

    private List<Endpoint> webhooksOf(String organization) {
        return store.endpoints(organization).stream().filter(e -> e.profile().equals(Access.PROFILE)).toList();
    }
}
