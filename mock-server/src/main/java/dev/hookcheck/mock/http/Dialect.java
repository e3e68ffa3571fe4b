package dev.hookcheck.mock.http;

import io.javalin.config.RoutesConfig;

/**
 * One API the server speaks (a provider's, or the admin API): its routes and its error shape. The
 * server renders every error under {@link #pathPrefix()} with {@link #errorResponse}, including
 * unknown routes, unexpected failures and what Jetty refuses before a route runs (a malformed or
 * too long request line, headers too large, a body too large), so a client only ever sees its
 * provider's shape.
 */
public interface Dialect {

    /** The path prefix the dialect owns, for example {@code /v1/} or {@code /api/management/}. */
    String pathPrefix();

    void routes(RoutesConfig routes);

    /** {@code error} as this dialect's status, headers and error body. */
    ErrorResponse errorResponse(ApiException error);
}
