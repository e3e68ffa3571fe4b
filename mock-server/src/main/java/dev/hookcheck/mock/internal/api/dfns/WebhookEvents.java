package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.api.dfns.PageToken.EventPosition;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.store.AttemptRecord;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /webhooks/{webhookId}/events}: Dfns calls every delivery attempt a webhook event, so these
 * are the webhook's attempts, newest first, for as long as Dfns keeps them.
 */
final class WebhookEvents {
    /** Dfns keeps webhook events 31 days. */
    static final Duration RETENTION = Duration.ofDays(31);
    /** Assumed: Dfns publishes the maximum (200), not the default. */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 200;

    private static final List<String> KINDS = Profiles.get(Access.PROFILE).events().names();

    private final ServerContext context;
    private final Store store;
    private final Access access;

    WebhookEvents(ServerContext context, Access access) {
        this.context = context;
        this.store = context.store();
        this.access = access;
    }

    void list(Context ctx) {
        String organization = access.organization(ctx);
        String webhookId = access.webhook(organization, ctx.pathParam("webhookId")).id();
        String kind = Params.oneOf(ctx, "kind", KINDS);
        Boolean deliveryFailed = Params.bool(ctx, "deliveryFailed");
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        EventPosition after = PageToken.eventsPosition(Params.text(ctx, PageToken.PARAMETER));
        Instant oldestKept = oldestKept();

        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        AttemptRecord last = null;
        for (AttemptRecord attempt : store.attemptsOfEndpoint(webhookId)) {
            if (after != null && !after.isBefore(attempt)) {
                continue;
            }
            if (attempt.sentAt().isBefore(oldestKept)
                    || (deliveryFailed != null && deliveryFailed == attempt.succeeded())) {
                continue;
            }
            Optional<Event> event = store.event(attempt.eventId()).filter(e -> kind == null || kind.equals(e.type()));
            if (event.isEmpty()) {
                continue;
            }
            if (items.size() == limit) {
                body.put("nextPageToken", PageToken.eventsAfter(last));
                break;
            }
            items.add(DfnsJson.webhookEvent(attempt, event.get()));
            last = attempt;
        }
        Json.write(ctx, 200, body);
    }

    void get(Context ctx) {
        String organization = access.organization(ctx);
        String webhookId = access.webhook(organization, ctx.pathParam("webhookId")).id();
        String id = ctx.pathParam("webhookEventId");
        Instant oldestKept = oldestKept();
        AttemptRecord attempt = store.attempt(id)
                .filter(a -> a.endpointId().equals(webhookId) && !a.sentAt().isBefore(oldestKept))
                .orElseThrow(() -> notFound(id));
        Event event = store.event(attempt.eventId()).orElseThrow(() -> notFound(id));
        Json.write(ctx, 200, DfnsJson.webhookEvent(attempt, event));
    }

    /** Attempts sent 31 days or more before now are gone. */
    private Instant oldestKept() {
        return context.now().minus(RETENTION).plusNanos(1);
    }

    private static ApiException notFound(String id) {
        return ApiException.notFound("Webhook event " + Quote.prefix(id) + " not found");
    }
}
