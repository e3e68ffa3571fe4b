package dev.hookcheck.mock.internal.api.preo;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /api/management/webhooks/{id}/deliveries/…}: an endpoint's deliveries, one delivery, and a
 * manual retry. The list takes the endpoint list's filters, which apply to the delivery's endpoint
 * (so they keep all of its deliveries or none), plus {@code status}. Orderings: {@code created} and
 * {@code modified}, which for a delivery means {@code last_attempt_at}; never-attempted deliveries
 * sort as PostgreSQL sorts nulls (last going up, first going down).
 */
final class WebhookDeliveries {
    private static final List<String> STATUSES = List.of("pending", "success", "failed", "retrying", "exhausted");
    private static final Map<String, Comparator<Sent>> ORDERING = Map.of(
            "created", Comparator.comparing(s -> s.delivery().createdAt()),
            "modified", Comparator.comparing(s -> s.delivery().lastAttemptAt(),
                    Comparator.nullsLast(Comparator.<Instant>naturalOrder())));
    private static final String DEFAULT_ORDERING = "-created"; // assumed

    private final ServerContext context;
    private final Store store;
    private final PreoJson json;

    WebhookDeliveries(ServerContext context, PreoJson json) {
        this.context = context;
        this.store = context.store();
        this.json = json;
    }

    /** A delivery with its event, which names it and builds its payload. */
    private record Sent(Delivery delivery, Event event) {}

    void list(Context ctx, String organizationId) {
        Endpoint endpoint = Webhooks.owned(store, organizationId, ctx.pathParam("id"));
        FieldErrors errors = new FieldErrors();
        Webhooks.Filter filter = Webhooks.Filter.read(ctx, errors);
        String status = Listing.choice(ctx, "status", STATUSES, errors);
        Comparator<Sent> order = Listing.ordering(ctx, ORDERING, DEFAULT_ORDERING,
                Comparator.comparing(s -> s.delivery().id()), errors);
        Listing.Paging paging = Listing.paging(ctx, errors);
        errors.throwIfAny();
        List<Delivery> deliveries = filter.matches(endpoint) ? store.deliveriesOfEndpoint(endpoint.id()) : List.of();
        List<Sent> matching = deliveries.stream()
                .filter(d -> status == null || status.equals(PreoJson.status(d.status())))
                .flatMap(d -> withEvent(d, organizationId).stream())
                .sorted(order)
                .toList();
        Json.write(ctx, 200, Listing.page(ctx, matching, paging, s -> json.delivery(s.delivery(), s.event())));
    }

    void get(Context ctx, String organizationId) {
        Sent sent = find(ctx, organizationId);
        Json.write(ctx, 200, json.delivery(sent.delivery(), sent.event()));
    }

    /** Only a delivery that gave up ({@code failed} or {@code exhausted}) can be sent again. */
    void retry(Context ctx, String organizationId) {
        Sent retried = store.atomically(() -> {
            Sent sent = find(ctx, organizationId);
            String status = PreoJson.status(sent.delivery().status());
            if (!status.equals("failed") && !status.equals("exhausted")) {
                throw new ApiException(400, "not_retryable", null,
                        "Only failed or exhausted deliveries can be retried; this delivery is " + status + ".");
            }
            return new Sent(context.deliveries().retry(sent.delivery()), sent.event());
        });
        Json.write(ctx, 200, json.delivery(retried.delivery(), retried.event()));
    }

    /** The delivery in the path, which must belong to the endpoint in the path, which must be the caller's. */
    private Sent find(Context ctx, String organizationId) {
        String endpointId = Webhooks.owned(store, organizationId, ctx.pathParam("id")).id();
        return store.delivery(ctx.pathParam("delivery_id"))
                .filter(d -> d.endpointId().equals(endpointId))
                .flatMap(d -> withEvent(d, organizationId))
                .orElseThrow(() -> ApiException.notFound("Not found."));
    }

    private Optional<Sent> withEvent(Delivery delivery, String organizationId) {
        if (!delivery.organizationId().equals(organizationId)) {
            return Optional.empty();
        }
        return store.event(delivery.eventId()).map(event -> new Sent(delivery, event));
    }
}
