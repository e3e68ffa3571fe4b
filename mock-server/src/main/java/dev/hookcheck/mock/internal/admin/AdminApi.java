package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.mock.internal.store.DeliveryStatus;
import java.util.function.Function;
import java.util.Map;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Dialect;
import dev.hookcheck.mock.internal.http.ErrorResponse;
import dev.hookcheck.mock.internal.http.Json;
import io.javalin.config.RoutesConfig;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * The admin API under {@code /__admin}. No auth: the mock server is a local sandbox. Described,
 * with every other route of the server, by {@code GET /__admin/openapi.json}.
 */
public final class AdminApi implements Dialect {
    private final ServerRoutes server;
    private final OrganizationRoutes organizations;
    private final ApiKeyRoutes apiKeys;
    private final CredentialRoutes credentials;
    private final EventRoutes events;
    private final EndpointRoutes endpoints;
    private final ClockRoutes clock;
    private final DeliveryRoutes deliveries;
    private final FailureRoutes failures;
    private final LifecycleRoutes lifecycles;
    private final ProfileRoutes profiles;
    private final ChangeRoutes changes;

    /** @param reset forgets everything and seeds again (the server's own reset) */
    public AdminApi(ServerContext context, Runnable reset, Map<String, Function<DeliveryStatus, String>> statusWords) {
        this.profiles = new ProfileRoutes(statusWords);
        this.server = new ServerRoutes(context, reset);
        this.organizations = new OrganizationRoutes(context.store());
        this.apiKeys = new ApiKeyRoutes(context);
        this.credentials = new CredentialRoutes(context);
        this.events = new EventRoutes(context);
        this.endpoints = new EndpointRoutes(context);
        this.clock = new ClockRoutes(context);
        this.deliveries = new DeliveryRoutes(context);
        this.failures = new FailureRoutes(context);
        this.lifecycles = new LifecycleRoutes(context);
        this.changes = new ChangeRoutes(context);
    }

    @Override
    public List<String> pathRoots() {
        return List.of("/__admin");
    }

    @Override
    public void routes(RoutesConfig routes) {
        routes.get("/__admin/health", server::health);
        routes.post("/__admin/reset", server::reset);
        routes.get("/__admin/openapi.json", server::openApi);

        routes.get("/__admin/organizations", organizations::list);

        routes.get("/__admin/api-keys", apiKeys::list);
        routes.post("/__admin/api-keys", apiKeys::create);

        routes.get("/__admin/credentials", credentials::list);
        routes.post("/__admin/credentials", credentials::create);
        routes.delete("/__admin/credentials/{id}", credentials::delete);

        routes.get("/__admin/events", events::list);
        routes.post("/__admin/events", events::create);
        routes.get("/__admin/events/example", events::example); // before {id}
        routes.get("/__admin/events/{id}", events::show);

        routes.get("/__admin/endpoints", endpoints::list);
        routes.post("/__admin/endpoints", endpoints::create);
        routes.get("/__admin/endpoints/health", endpoints::health); // before {id}
        routes.get("/__admin/endpoints/{id}", endpoints::show);
        routes.patch("/__admin/endpoints/{id}", endpoints::update);
        routes.delete("/__admin/endpoints/{id}", endpoints::delete);
        routes.post("/__admin/endpoints/{id}/rotate-secret", endpoints::rotateSecret);
        routes.post("/__admin/endpoints/{id}/verify", endpoints::verify);

        routes.get("/__admin/clock", clock::show);
        routes.post("/__admin/clock/advance", clock::advance);
        routes.post("/__admin/clock/scale", clock::scale);

        routes.get("/__admin/deliveries", deliveries::list);
        routes.get("/__admin/deliveries/await", deliveries::await); // before {id}: the first matching route answers
        routes.get("/__admin/deliveries/{id}", deliveries::show);
        routes.get("/__admin/deliveries/{id}/attempts", deliveries::attempts);
        routes.post("/__admin/deliveries/retry-failed", deliveries::retryFailed);
        routes.post("/__admin/deliveries/{id}/retry", deliveries::retry);
        routes.post("/__admin/deliveries/{id}/deliver-next", deliveries::deliverNext);

        routes.get("/__admin/failures", failures::list);
        routes.post("/__admin/failures", failures::create);
        routes.get("/__admin/failures/{id}", failures::show);
        routes.patch("/__admin/failures/{id}", failures::update);
        routes.delete("/__admin/failures/{id}", failures::delete);

        routes.post("/__admin/lifecycles", lifecycles::create);

        routes.get("/__admin/profiles", profiles::list);
        routes.get("/__admin/changes", changes::show);
    }

    /** {@code {"errors":[{"code","title","source":{"pointer":"/<field>"}}]}}, {@code source} only when a field is at fault. */
    @Override
    public ErrorResponse errorResponse(ApiException error) {
        ObjectNode item = Json.object().put("code", error.code()).put("title", error.getMessage());
        if (error.field() != null) {
            item.putObject("source").put("pointer", "/" + error.field());
        }
        ObjectNode body = Json.object();
        body.putArray("errors").add(item);
        return ErrorResponse.of(error.status(), body);
    }
}
