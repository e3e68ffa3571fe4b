package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.EventType;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.EventFilter;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Page;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Events of any profile: create one (it fans out to the organization's endpoints like a real
 * event) or a burst of them at once, list an organization's, read one with its deliveries.
 */
final class EventRoutes {
    private static final List<String> CREATE_FIELDS = List.of("profile", "type", "organizationId", "resourceType",
            "resourceId", "data", "createdAt", "count", "endpointId");

    /** The most events one request creates at once. */
    static final int MAX_COUNT = 1000;

    private final ServerContext context;
    private final Store store;

    EventRoutes(ServerContext context) {
        this.context = context;
        this.store = context.store();
    }

    /**
     * {@code POST /__admin/events}: one event, answered as itself; with {@code count}, that many
     * events at the same instant (a burst: their attempts are labelled {@code burst i of n}),
     * answered as a list.
     */
    void create(Context ctx) {
        Body body = Body.read(ctx, CREATE_FIELDS);
        String organizationId = body.text("organizationId");
        Profile profile = Scope.profileOrDefault(store, body.text("profile"), organizationId);
        EventType type = eventType(profile, body.requiredText("type"), "type");
        String resourceType = body.text("resourceType");
        if (resourceType != null && !profile.events().hasResourceType(resourceType)) {
            throw ApiException.invalid("resourceType", "resourceType must be one of "
                    + String.join(", ", profile.events().resourceTypes()) + " for profile '" + profile.name()
                    + "', got " + Quote.of(resourceType) + "");
        }
        String resolvedResourceType = resourceType != null ? resourceType : type.resourceType();
        String resourceId = body.text("resourceId");
        if (resourceId == null && !profile.ids().resources().containsKey(resolvedResourceType)) {
            throw ApiException.invalid("resourceId", "resourceId is required: profile '" + profile.name()
                    + "' has no id format for resource type " + Quote.of(resolvedResourceType) + "");
        }
        ObjectNode data = body.object("data");
        Instant createdAt = body.dateTime("createdAt");
        Long count = body.integer("count", 1, MAX_COUNT);
        Organization organization = Scope.organization(store, profile, organizationId, "organizationId");
        Endpoint target = target(body.text("endpointId"), organization, type, count);

        List<Event> events = new ArrayList<>();
        for (int i = 0; i < (count == null ? 1 : count); i++) {
            events.add(new Event(profile.ids().event().generate(context.random()), profile.name(), organization.id(),
                    type.name(), resolvedResourceType,
                    resourceId != null ? resourceId : profile.ids().resource(resolvedResourceType).generate(context.random()),
                    createdAt != null ? createdAt : context.now(),
                    data != null ? Json.MAPPER.writeValueAsString(data) : "{}"));
        }
        if (target != null) {
            store.addEvent(events.get(0));
            context.deliveries().fanOutTo(events.get(0), target);
            Json.write(ctx, 201, Views.event(events.get(0)));
            return;
        }
        if (count == null) {
            store.addEvent(events.get(0));
            context.deliveries().fanOut(events.get(0));
            Json.write(ctx, 201, Views.event(events.get(0)));
            return;
        }
        if (events.size() == 1) {
            store.addEvent(events.get(0));
            context.deliveries().fanOut(events.get(0));
        } else {
            context.deliveries().burst(events);
        }
        ObjectNode answer = Json.object();
        ArrayNode items = answer.putArray("events");
        events.forEach(e -> items.add(Views.event(e)));
        Json.write(ctx, 201, answer.put("total", events.size()));
    }

    /**
     * {@code endpointId}: the one endpoint of the organization an event goes to (a test event aimed at
     * one receiver), which must take the event; null for every endpoint that does.
     */
    private Endpoint target(String endpointId, Organization organization, EventType type, Long count) {
        if (endpointId == null) {
            return null;
        }
        if (count != null) {
            throw ApiException.invalid("endpointId", "endpointId sends one event to one endpoint; leave out count, or endpointId");
        }
        Endpoint endpoint = store.endpoint(endpointId).filter(e -> e.organizationId().equals(organization.id()))
                .orElseThrow(() -> ApiException.invalid("endpointId", "endpointId must be an endpoint of organization "
                        + Quote.of(organization.id()) + ", got " + Quote.of(endpointId) + ""));
        if (!endpoint.enabled()) {
            throw ApiException.invalid("endpointId", "endpointId " + Quote.of(endpointId) + " is disabled; enable it first");
        }
        if (!endpoint.receives(type.name())) {
            throw ApiException.invalid("endpointId", "endpointId " + Quote.of(endpointId) + " does not take "
                    + Quote.of(type.name()) + " events; add it to its events first");
        }
        return endpoint;
    }

    /**
     * {@code GET /__admin/events/example?profile=&type=}: the catalog's realistic data for an event of
     * that type, as the seeded events carry (a starting point to edit before sending one).
     */
    void example(Context ctx) {
        Profile profile = Scope.profileOrDefault(store, Params.text(ctx, "profile"), null);
        String name = Params.text(ctx, "type");
        if (name == null) {
            throw ApiException.invalid("type", "type is required: the event type whose example data to show");
        }
        EventType type = eventType(profile, name, "type");
        Instant now = context.now();
        // its own random, seeded by the type: the same example every time, the server's random untouched
        SplittableRandom random = new SplittableRandom(name.hashCode());
        String resourceId = profile.ids().resources().containsKey(type.resourceType())
                ? profile.ids().resource(type.resourceType()).generate(random) : null;
        ObjectNode answer = Json.object().put("profile", profile.name()).put("type", type.name())
                .put("resourceType", type.resourceType()).put("resourceId", resourceId);
        answer.set("data", Json.MAPPER.readTree(profile.examples().of(profile, type.name(), type.resourceType(), resourceId,
                now, random)));
        Json.write(ctx, 200, answer);
    }

    /**
     * {@code GET /__admin/events?profile=&organizationId=&type=&resourceType=&resourceId=&createdAfter=&createdBefore=&limit=&offset=},
     * newest first.
     */
    void list(Context ctx) {
        String organizationId = Params.text(ctx, "organizationId");
        Profile profile = Scope.profileOrDefault(store, Params.text(ctx, "profile"), organizationId);
        String type = Params.text(ctx, "type");
        if (type != null) {
            eventType(profile, type, "type");
        }
        String resourceType = Params.oneOf(ctx, "resourceType", profile.events().resourceTypes());
        String resourceId = Params.text(ctx, "resourceId");
        Instant createdAfter = Params.dateTime(ctx, "createdAfter");
        Instant createdBefore = Params.dateTime(ctx, "createdBefore");
        if (createdAfter != null && createdBefore != null && !createdAfter.isBefore(createdBefore)) {
            throw ApiException.invalid("createdBefore", "createdBefore must be later than createdAfter, got "
                    + createdAfter + " and " + createdBefore);
        }
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        // a profile without organizations has no events to list, which is not the caller's mistake
        boolean nothingToList = organizationId == null && store.organizations(profile.name()).isEmpty();
        Page<Event> page = nothingToList ? new Page<>(List.of(), 0)
                : store.events(Scope.organization(store, profile, organizationId, "organizationId").id(),
                        new EventFilter(type, resourceType, resourceId, createdAfter, createdBefore), offset, limit);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("events");
        page.items().forEach(e -> items.add(Views.event(e)));
        Json.write(ctx, 200, body.put("total", page.total()));
    }

    /** {@code GET /__admin/events/{id}}: the event and its deliveries. */
    void show(Context ctx) {
        String id = ctx.pathParam("id");
        Event event = store.event(id).orElseThrow(() -> ApiException.notFound("no event " + Quote.of(id) + ""));
        ObjectNode body = Views.event(event);
        ArrayNode deliveries = body.putArray("deliveries");
        store.deliveriesOfEvent(id).forEach(d -> deliveries.add(Views.delivery(d, store)));
        Json.write(ctx, 200, body);
    }

    private static EventType eventType(Profile profile, String name, String field) {
        return profile.events().find(name).orElseThrow(() -> ApiException.invalid(field, field + " must be one of "
                + String.join(", ", profile.events().names()) + " for profile " + Quote.of(profile.name()) + ", got '"
                + name + "'"));
    }
}
