package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Dialect;
import dev.hookcheck.mock.internal.http.ErrorResponse;
import dev.hookcheck.mock.internal.http.Json;
import io.javalin.config.RoutesConfig;
import java.util.List;
import java.util.Optional;

/**
 * The Dfns webhooks API: webhooks (create, list, read, update, delete, ping), the webhook events
 * each delivery attempt leaves behind, and the user-action signing every change needs. Errors are
 * {@code {"error":{"message":"…"}}}.
 */
public final class DfnsApi implements Dialect {
    /**
     * The roots of the Dfns API that {@code @dfns/sdk} calls, so that an endpoint the mock does not
     * have answers in Dfns's shape (the SDK reads {@code error.message}), not the admin API's.
     */
    private static final List<String> ROOTS = List.of("/webhooks", "/auth", "/wallets", "/keys", "/key-stores",
            "/policies", "/v2", "/permissions", "/networks", "/signers", "/staking", "/swaps", "/exchanges",
            "/fee-sponsors", "/payouts", "/agreements", "/allocations");

    private final Webhooks webhooks;
    private final WebhookEvents events;
    private final UserActions userActions;

    public DfnsApi(ServerContext context) {
        Access access = new Access(context);
        this.webhooks = new Webhooks(context, access);
        this.events = new WebhookEvents(context, access);
        this.userActions = new UserActions(context, access);
    }

    @Override
    public Optional<String> profile() {
        return Optional.of(Access.PROFILE);
    }

    @Override
    public List<String> pathRoots() {
        return ROOTS;
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
        routes.post("/auth/action/init", userActions::init);
        routes.post("/auth/action", userActions::sign);
    }

    @Override
    public ErrorResponse errorResponse(ApiException error) {
        return ErrorResponse.of(error.status(), Json.object().set("error", Json.object().put("message", error.getMessage())));
    }
}
