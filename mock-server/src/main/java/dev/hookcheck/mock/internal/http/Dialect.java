package dev.hookcheck.mock.internal.http;

import dev.hookcheck.mock.internal.store.DeliveryStatus;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.javalin.config.RoutesConfig;
import java.util.List;

/**
 * One API the server speaks (a provider's, or the admin API): its routes and its error shape. The
 * server renders every error under one of {@link #pathRoots()} with {@link #errorResponse}, including
 * unknown routes, wrong methods, unexpected failures and what Jetty refuses before a route runs (a
 * malformed or too long request line, headers too large, a body too large), so a client only ever
 * sees its provider's shape.
 */
public interface Dialect {

    /**
     * The path roots the dialect owns, each with every path below it: {@code /v1} owns {@code /v1}
     * and {@code /v1/…}, not {@code /v1beta}. A provider whose API spans several roots (Dfns:
     * {@code /webhooks}, {@code /auth}, …) lists them all.
     */
    List<String> pathRoots();

    void routes(RoutesConfig routes);

    /** {@code error} as this dialect's status, headers and error body. */
    ErrorResponse errorResponse(ApiException error);

    /**
     * The profile whose data this dialect's requests read, so that only its history need be seeded
     * before one is served; empty for a dialect that reads every profile's (the admin API).
     */
    default Optional<String> profile() {
        return Optional.empty();
    }

    /**
     * The provider's own words for a delivery's status, where its API has them ({@code delivered} →
     * {@code succeeded}), keyed by the profile they belong to; none for most dialects.
     */
    default Map<String, Function<DeliveryStatus, String>> statusWords() {
        return Map.of();
    }

    /** Whether {@code path} lies under one of this dialect's roots. */
    default boolean owns(String path) {
        for (String root : pathRoots()) {
            if (path.equals(root) || path.startsWith(root) && path.charAt(root.length()) == '/') {
                return true;
            }
        }
        return false;
    }
}
