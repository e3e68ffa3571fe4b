package dev.hookcheck.mock.api.preo;

import dev.hookcheck.mock.ServerContext;
import dev.hookcheck.mock.http.ApiException;
import dev.hookcheck.mock.http.Dialect;
import dev.hookcheck.mock.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The preo API dialect. */
public final class PreoApi implements Dialect {
    private final ServerContext context;

    public PreoApi(ServerContext context) {
        this.context = context;
    }

    @Override
    public String pathPrefix() {
        return "/api/management/";
    }

    @Override
    public void routes(RoutesConfig routes) {
    }

    @Override
    public void renderError(Context ctx, ApiException error) {
        Json.write(ctx, error.status(), Json.object().put("message", error.getMessage()));
    }
}
