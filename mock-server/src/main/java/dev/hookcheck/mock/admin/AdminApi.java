package dev.hookcheck.mock.admin;

import dev.hookcheck.mock.ServerContext;
import dev.hookcheck.mock.http.ApiException;
import dev.hookcheck.mock.http.Dialect;
import dev.hookcheck.mock.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The admin API under {@code /__admin}. */
public final class AdminApi implements Dialect {
    private final ServerContext context;
    private final Runnable reset;

    public AdminApi(ServerContext context, Runnable reset) {
        this.context = context;
        this.reset = reset;
    }

    @Override
    public String pathPrefix() {
        return "/__admin";
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/__admin/health", ctx -> Json.write(ctx, 200, Json.object().put("status", "ok")));
    }

    @Override
    public void renderError(Context ctx, ApiException error) {
        Json.write(ctx, error.status(), Json.object().put("message", error.getMessage()));
    }
}
