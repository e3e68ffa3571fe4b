package dev.hookcheck.mock.internal.api.preo;

import static io.javalin.http.HandlerType.DELETE;
import static io.javalin.http.HandlerType.GET;
import static io.javalin.http.HandlerType.HEAD;
import static io.javalin.http.HandlerType.OPTIONS;
import static io.javalin.http.HandlerType.PATCH;
import static io.javalin.http.HandlerType.POST;
import static io.javalin.http.HandlerType.PUT;

import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Auth;
import dev.hookcheck.mock.internal.http.Dialect;
import dev.hookcheck.mock.internal.http.ErrorResponse;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.DeliveryStatus;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Preo management API in Django REST Framework's conventions. Preo documents the operations and
 * fields but not the path strings, so the paths are DRF router defaults under
 * {@code /api/management/} (assumed); every path answers with and without its trailing slash.
 *
 * <p>Errors are DRF's: {@code {"detail":"…"}}, or for validation {@code {"<field>":["message", …]}}
 * with every wrong field at once. As in DRF, authentication runs before the method check, so a
 * wrong method without credentials is a 401 and with credentials a 405 with an {@code Allow} header.
 */
public final class PreoApi implements Dialect {
    static final String PROFILE = "preo";

    private static final String WEBHOOKS = "/api/management/webhooks";
    private static final List<HandlerType> METHODS = List.of(GET, POST, PUT, PATCH, DELETE, HEAD, OPTIONS);
    private static final String JSON_PARSE_ERROR = "JSON parse error - ";

    private final ServerContext context;
    private final Webhooks webhooks;
    private final WebhookDeliveries deliveries;

    public PreoApi(ServerContext context) {
        this.context = context;
        PreoJson json = new PreoJson(context.store());
        this.webhooks = new Webhooks(context, json);
        this.deliveries = new WebhookDeliveries(context, json);
    }

    /** Preo's word for a delivery status ({@code pending}, {@code retrying}, {@code success}, {@code failed}, {@code exhausted}). */
    public static String statusWord(DeliveryStatus status) {
        return PreoJson.status(status);
    }

    @Override
    public Map<String, Function<DeliveryStatus, String>> statusWords() {
        return Map.of(PROFILE, PreoApi::statusWord);
    }

    @Override
    public Optional<String> profile() {
        return Optional.of(PROFILE);
    }

    @Override
    public List<String> pathRoots() {
        return List.of("/api/management");
    }

    @Override
    public void routes(RoutesConfig routes) {
        route(routes, WEBHOOKS, Map.of(GET, webhooks::list, POST, webhooks::create));
        route(routes, WEBHOOKS + "/{id}", Map.of(GET, webhooks::get, PUT, webhooks::replace, PATCH, webhooks::patch,
                DELETE, webhooks::delete));
        route(routes, WEBHOOKS + "/{id}/rotate-secret", Map.of(POST, webhooks::rotateSecret));
        route(routes, WEBHOOKS + "/{id}/deliveries", Map.of(GET, deliveries::list));
        route(routes, WEBHOOKS + "/{id}/deliveries/{delivery_id}", Map.of(GET, deliveries::get));
        route(routes, WEBHOOKS + "/{id}/deliveries/{delivery_id}/retry", Map.of(POST, deliveries::retry));
        routes.exception(FieldErrors.class, (errors, ctx) -> Json.write(ctx, 400, errors.toJson()));
    }

    /** A route after authentication, with the caller's organization. */
    @FunctionalInterface
    interface Handler {
        void handle(Context ctx, String organizationId);
    }

    /**
     * Registers {@code handlers} on {@code path}, HEAD as GET (as Django does), and every other
     * method as DRF's 405 after authentication. OPTIONS (DRF's metadata) is not offered.
     */
    private void route(RoutesConfig routes, String path, Map<HandlerType, Handler> handlers) {
        Map<HandlerType, Handler> all = new LinkedHashMap<>(handlers);
        if (handlers.containsKey(GET)) {
            all.put(HEAD, handlers.get(GET));
        }
        String allow = METHODS.stream().filter(all::containsKey).map(HandlerType::name)
                .collect(Collectors.joining(", "));
        for (HandlerType method : METHODS) {
            Handler handler = all.get(method);
            routes.addHttpHandler(method, path, handler != null
                    ? ctx -> handler.handle(ctx, authenticate(ctx))
                    : ctx -> {
                        authenticate(ctx);
                        ctx.header("Allow", allow);
                        throw ApiException.methodNotAllowed(method.name());
                    });
        }
    }

    /**
     * DRF's TokenAuthentication with the keyword {@code Bearer} (assumed): no credentials and bad
     * credentials are different 401s.
     */
    private String authenticate(Context ctx) {
        String header = ctx.header("Authorization");
        String[] parts = header == null ? new String[0] : header.strip().split("\\s+");
        if (parts.length == 0 || !parts[0].equalsIgnoreCase("Bearer")) {
            throw ApiException.unauthorized("Authentication credentials were not provided.");
        }
        if (parts.length == 1) {
            throw ApiException.unauthorized("Invalid token header. No credentials provided.");
        }
        if (parts.length > 2) {
            throw ApiException.unauthorized("Invalid token header. Token string should not contain spaces.");
        }
        try {
            return Auth.organization(ctx, context.store(), PROFILE);
        } catch (ApiException unknownKey) {
            throw ApiException.unauthorized("Invalid token.");
        }
    }

    @Override
    public ErrorResponse errorResponse(ApiException error) {
        ErrorResponse response;
        if (error.field() != null && error.status() == 400 && error.field().matches("[a-z][a-z0-9_]*")) {
            // DRF's validation shape, {"<field>":["message", …]}
            FieldErrors single = new FieldErrors();
            single.add(error.field(), error.getMessage());
            response = ErrorResponse.of(error.status(), single.toJson());
        } else {
            String detail = switch (error.code()) {
                case "not_found" -> "Not found."; // DRF's text, also for paths no route matches
                case "invalid_json" -> JSON_PARSE_ERROR + error.getMessage();
                default -> error.getMessage();
            };
            response = ErrorResponse.of(error.status(), Json.object().put("detail", detail));
        }
        return error.status() == 401 ? response.withHeader("WWW-Authenticate", "Bearer") : response;
    }
}
