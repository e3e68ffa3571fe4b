package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.profile.Profiles;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.Json;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.node.ObjectNode;

/** The server as a whole: health, reset, and the OpenAPI document that describes every route. */
final class ServerRoutes {
    static final String OPENAPI_RESOURCE = "hookcheck/openapi.json";

    private final ServerContext context;
    private final Runnable reset;
    private final byte[] openApi;

    ServerRoutes(ServerContext context, Runnable reset) {
        this.context = context;
        this.reset = reset;
        this.openApi = load(OPENAPI_RESOURCE);
    }

    /** {@code GET /__admin/health}: backs the container's health check. */
    void health(Context ctx) {
        ObjectNode body = Json.object().put("status", "ok");
        Profiles.names().forEach(body.putArray("profiles")::add);
        Json.write(ctx, 200, body.put("events", context.store().eventCount()));
    }

    /** {@code POST /__admin/reset}: forgets everything and seeds again. */
    void reset(Context ctx) {
        reset.run();
        Json.write(ctx, 200, Json.object().put("status", "reset"));
    }

    /** {@code GET /__admin/openapi.json}. */
    void openApi(Context ctx) {
        ctx.status(200).contentType("application/json").result(openApi);
    }

    private static byte[] load(String resource) {
        try (InputStream in = ServerRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath; rebuild the mock server");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
