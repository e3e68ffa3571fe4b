package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.delivery.FailureRules;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Delivery;
import dev.hookcheck.mock.internal.store.Endpoint;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;

/**
 * A cheap "has anything changed?" for clients that poll (the dashboard does, about once a second):
 * an opaque cursor over the events, deliveries (with their attempts and schedule), endpoints and
 * failure rules. Equal cursors mean nothing a client shows has changed; the clock is left out, as
 * it moves all the time.
 */
final class ChangeRoutes {
    private final Store store;
    private final FailureRules rules;

    ChangeRoutes(ServerContext context) {
        this.store = context.store();
        this.rules = context.deliveries().failureRules();
    }

    /** {@code GET /__admin/changes}: {@code {"cursor","events","deliveries","attempts"}}. */
    void show(Context ctx) {
        int events = store.eventCount();
        long hash = events;
        long attempts = 0;
        int deliveries = 0;
        for (Delivery delivery : store.deliveries()) {
            hash = hash * 31 + delivery.hashCode();
            attempts += delivery.attempts();
            deliveries++;
        }
        for (String profile : Profiles.names()) {
            for (Endpoint endpoint : store.endpointsOfProfile(profile)) {
                hash = hash * 31 + endpoint.hashCode();
            }
        }
        hash = hash * 31 + rules.list().hashCode();
        Json.write(ctx, 200, Json.object()
                .put("cursor", String.format("%016x", hash))
                .put("events", events)
                .put("deliveries", deliveries)
                .put("attempts", attempts));
    }
}
