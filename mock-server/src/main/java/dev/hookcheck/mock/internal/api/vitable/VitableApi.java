package dev.hookcheck.mock.internal.api.vitable;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.EventCatalog;
import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Auth;
import dev.hookcheck.mock.internal.http.Dialect;
import dev.hookcheck.mock.internal.http.ErrorResponse;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import dev.hookcheck.mock.internal.store.EventFilter;
import dev.hookcheck.mock.internal.store.Page;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Vitable Connect API: read-only webhook events and their deliveries under {@code /v1/}. Vitable
 * has no public subscriptions API, so subscriptions are managed through the admin API.
 */
public final class VitableApi implements Dialect {
    static final String PROFILE = "vitable";
    /** Vitable documents this exact body for every 401, whatever was wrong with the key. */
    static final String UNAUTHORIZED_MESSAGE = "Invalid or missing API key";
    static final int MAX_LIMIT = 100;
    static final int DEFAULT_LIMIT = 20;
    static final int MAX_DELIVERIES = 100;

    private static final EventCatalog CATALOG = Profiles.get(PROFILE).events();
    private static final List<String> EVENT_NAMES = CATALOG.names();
    private static final List<String> RESOURCE_TYPES = CATALOG.resourceTypes();

    private final ServerContext context;

    public VitableApi(ServerContext context) {
        this.context = context;
    }

    /** Vitable's word for a delivery status ({@code Pending}, {@code In Progress}, {@code Delivered}, {@code Failed}). */
    public static String statusWord(DeliveryStatus status) {
        return VitableViews.status(status);
    }

    @Override
    public Map<String, Function<DeliveryStatus, String>> statusWords() {
        return Map.of(PROFILE, VitableApi::statusWord);
    }

    @Override
    public Optional<String> profile() {
        return Optional.of(PROFILE);
    }

    @Override
    public List<String> pathRoots() {
        return List.of("/v1");
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/v1/webhook-events", this::listEvents);
        routes.get("/v1/webhook-events/{event_id}", this::getEvent);
        routes.get("/v1/webhook-events/{event_id}/deliveries", this::listDeliveries);
    }

    private void listEvents(Context ctx) {
        String organization = Auth.organization(ctx, context.store(), PROFILE);
        Instant after = Params.dateTime(ctx, "created_after");
        Instant before = Params.dateTime(ctx, "created_before");
        if (after != null && before != null && after.isAfter(before)) {
            throw ApiException.invalid("created_before", "created_before must not be earlier than created_after, got created_after="
                    + VitableViews.timestamp(after) + " and created_before=" + VitableViews.timestamp(before));
        }
        String eventName = Params.oneOf(ctx, "event_name", EVENT_NAMES);
        String resourceType = Params.oneOf(ctx, "resource_type", RESOURCE_TYPES);
        String resourceId = ctx.queryParam("resource_id");
        if (resourceId != null && resourceId.isEmpty()) {
            throw ApiException.invalid("resource_id", "resource_id must not be empty; omit it to list events of every resource");
        }
        int limit = Params.integer(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        // a page far past the end must still report the true totals, so clamp instead of overflowing
        int offset = (int) Math.min((long) (page - 1) * limit, Integer.MAX_VALUE);

        Page<Event> events = context.store().events(organization,
                new EventFilter(eventName, resourceType, resourceId, after, before), offset, limit);

        ArrayNode data = Json.array();
        for (Event event : events.items()) {
            data.add(VitableViews.event(event));
        }
        ObjectNode pagination = Json.object()
                .put("page", page)
                .put("limit", limit)
                .put("total", events.total())
                .put("total_pages", (events.total() + limit - 1) / limit);
        ObjectNode body = Json.object();
        body.set("data", data);
        body.set("pagination", pagination);
        Json.write(ctx, 200, body);
    }

    private void getEvent(Context ctx) {
        Event event = ownEvent(ctx);
        ObjectNode body = Json.object();
        body.set("data", VitableViews.event(event));
        Json.write(ctx, 200, body);
    }

    private void listDeliveries(Context ctx) {
        Event event = ownEvent(ctx);
        List<Delivery> deliveries = context.store().deliveriesOfEvent(event.id());
        ArrayNode data = Json.array();
        for (int i = 0; i < deliveries.size() && i < MAX_DELIVERIES; i++) {
            data.add(VitableViews.delivery(deliveries.get(i)));
        }
        ObjectNode body = Json.object();
        body.set("data", data);
        Json.write(ctx, 200, body);
    }

    /** The caller's Vitable event named in the path; another organization's is as missing as an unknown one. */
    private Event ownEvent(Context ctx) {
        String organization = Auth.organization(ctx, context.store(), PROFILE);
        String id = ctx.pathParam("event_id");
        return context.store().event(id)
                .filter(e -> e.profile().equals(PROFILE) && e.organizationId().equals(organization))
                .orElseThrow(() -> ApiException.notFound("webhook event " + Quote.prefix(id) + " not found"));
    }

    @Override
    public ErrorResponse errorResponse(ApiException error) {
        boolean unauthorized = error.status() == 401;
        ObjectNode body = Json.object();
        body.putObject("error")
                .put("code", unauthorized ? "unauthorized" : error.code())
                .put("message", unauthorized ? UNAUTHORIZED_MESSAGE : error.getMessage());
        return ErrorResponse.of(error.status(), body);
    }
}
