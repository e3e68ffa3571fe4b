package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.profile.IdFormat;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Bearer keys the provider dialects accept: each opens one organization of one profile. */
final class ApiKeyRoutes {
    private static final List<String> CREATE_FIELDS = List.of("profile", "organizationId", "key");

    private final ServerContext context;
    private final Store store;

    ApiKeyRoutes(ServerContext context) {
        this.context = context;
        this.store = context.store();
    }

    /** {@code GET /__admin/api-keys[?profile=]}. */
    void list(Context ctx) {
        String profile = Params.text(ctx, "profile");
        List<String> profiles = Scope.profileNames(profile, "profile");
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("apiKeys");
        for (Map.Entry<String, Map<String, String>> key : store.apiKeys().entrySet()) {
            key.getValue().forEach((keyProfile, organizationId) -> {
                if (profiles.contains(keyProfile)) {
                    items.add(Views.listedApiKey(key.getKey(), keyProfile, organizationId));
                }
            });
        }
        Json.write(ctx, 200, body);
    }

    /** {@code POST /__admin/api-keys}: a given or generated key for one organization. */
    void create(Context ctx) {
        Body body = Body.read(ctx, CREATE_FIELDS);
        Profile profile = Scope.profile(body.requiredText("profile"), "profile");
        String organizationId = body.text("organizationId");
        String given = body.text("key");
        if (given != null && given.chars().anyMatch(Character::isWhitespace)) {
            throw ApiException.invalid("key", "key must not contain whitespace (it travels in an Authorization header)");
        }
        ObjectNode created = store.atomically(() -> {
            Organization organization = Scope.organization(store, profile, organizationId, "organizationId");
            String key = given != null ? given
                    : IdFormat.of("hk_" + profile.name() + "_", IdFormat.BASE62, 24).generate(context.random());
            if (store.organizationOfKey(key, profile.name()).isPresent()) {
                throw new ApiException(409, "conflict", "key",
                        "key " + Quote.of(key) + " already opens an organization of profile '" + profile.name() + "'");
            }
            store.addApiKey(key, profile.name(), organization.id());
            return Views.apiKey(key, profile.name(), organization.id());
        });
        Json.write(ctx, 201, created);
    }
}
