package dev.hookcheck.mock.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * One API the server speaks (a provider's, or the admin API): its routes and its error shape. The
 * server renders every error under {@link #pathPrefix()} with {@link #renderError}, including
 * unknown routes and unexpected failures, so a client only ever sees its provider's shape.
 */
public interface Dialect {

    /** The path prefix the dialect owns, for example {@code /v1/} or {@code /api/management/}. */
    String pathPrefix();

    void routes(RoutesConfig routes);

    /** Writes {@code error} as this dialect's error body and status. */
    void renderError(Context ctx, ApiException error);
}
