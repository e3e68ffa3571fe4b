package dev.hookcheck.mock.api.dfns;

import dev.hookcheck.mock.ServerContext;
import dev.hookcheck.mock.http.ApiException;
import dev.hookcheck.mock.http.Dialect;
import dev.hookcheck.mock.http.Json;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** The dfns API dialect. */
public final class DfnsApi implements Dialect {
    private final ServerContext context;

    public DfnsApi(ServerContext context) {
        this.context = context;
    }

    @Override
    public String pathPrefix() {
        return "/webhooks";
    }

    @Override
    public void routes(RoutesConfig routes) {
    }

    @Override
    public void renderError(Context ctx, ApiException error) {
        Json.write(ctx, error.status(), Json.object().put("message", error.getMessage()));
    }
}
