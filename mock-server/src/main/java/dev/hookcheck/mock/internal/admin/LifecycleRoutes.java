package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.event.Event;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.seed.Lifecycles;
import dev.hookcheck.mock.internal.store.Organization;
import io.javalin.http.Context;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A generator of realistic traffic: one lifecycle of a profile (an enrollment, a transfer, an
 * order…, drawn like the seeded history) whose steps are stored and fanned out each at its own
 * instant on the server clock. Speed the clock up or advance it to see the whole story.
 */
final class LifecycleRoutes {
    private final ServerContext context;

    LifecycleRoutes(ServerContext context) {
        this.context = context;
    }

    /** {@code POST /__admin/lifecycles}: {@code {"profile","organizationId"?}}; answers the planned steps. */
    void create(Context ctx) {
        Body body = Body.read(ctx, List.of("profile", "organizationId"));
        Profile profile = Scope.profile(body.requiredText("profile"), "profile");
        Organization organization = Scope.organization(context.store(), profile, body.text("organizationId"), "organizationId");
        List<Event> steps = Lifecycles.plan(profile, organization.id(), context.now(), context.random());
        steps.forEach(context.deliveries()::emitAt);

        ObjectNode answer = Json.object().put("profile", profile.name()).put("organizationId", organization.id());
        ArrayNode items = answer.putArray("steps");
        steps.forEach(e -> items.add(Json.object()
                .put("eventId", e.id())
                .put("type", e.type())
                .put("resourceType", e.resourceType())
                .put("resourceId", e.resourceId())
                .put("at", e.createdAt().toString())));
        Json.write(ctx, 201, answer);
    }
}
