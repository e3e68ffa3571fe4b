package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The tenants of every profile, so an operator can find the ids to use elsewhere. */
final class OrganizationRoutes {
    private final Store store;

    OrganizationRoutes(Store store) {
        this.store = store;
    }

    /** {@code GET /__admin/organizations[?profile=]}. */
    void list(Context ctx) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("organizations");
        for (String profile : Scope.profileNames(Params.text(ctx, "profile"), "profile")) {
            store.organizations(profile).forEach(o -> items.add(Views.organization(o)));
        }
        Json.write(ctx, 200, body);
    }
}
