package dev.hookcheck.mock.api.dfns;

import dev.hookcheck.mock.ServerContext;
import dev.hookcheck.mock.http.ApiException;
import dev.hookcheck.mock.http.Dialect;
import dev.hookcheck.mock.http.ErrorResponse;
import dev.hookcheck.mock.http.Json;
import io.javalin.config.RoutesConfig;

/**
 * The Dfns webhooks API: webhooks (create, list, read, update, delete, ping) and the webhook events
 * each delivery attempt leaves behind. Errors are {@code {"error":{"message":"…"}}}.
 */
public final class DfnsApi implements Dialect {
    private final Webhooks webhooks;
    private final WebhookEvents events;

    public DfnsApi(ServerContext context) {
        Access access = new Access(context.store());
        this.webhooks = new Webhooks(context, access);
        this.events = new WebhookEvents(context, access);
    }

    @Override
    public String pathPrefix() {
        return "/webhooks";
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.post("/webhooks", webhooks::create);
        routes.get("/webhooks", webhooks::list);
        routes.get("/webhooks/{webhookId}", webhooks::get);
        routes.put("/webhooks/{webhookId}", webhooks::update);
        routes.delete("/webhooks/{webhookId}", webhooks::delete);
        routes.post("/webhooks/{webhookId}/ping", webhooks::ping);
        routes.get("/webhooks/{webhookId}/events", events::list);
        routes.get("/webhooks/{webhookId}/events/{webhookEventId}", events::get);
    }

    @Override
    public ErrorResponse errorResponse(ApiException error) {
        return ErrorResponse.of(error.status(), Json.object().set("error", Json.object().put("message", error.getMessage())));
    }
}
