package dev.hookcheck.mock.internal.admin;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profile;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.credential.CredentialKey;
import dev.hookcheck.mock.internal.credential.GeneratedKey;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.http.Params;
import dev.hookcheck.mock.internal.store.Credential;
import dev.hookcheck.mock.internal.store.Organization;
import dev.hookcheck.mock.internal.store.Store;
import io.javalin.http.Context;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The key credentials that sign user actions: register a public key (the private one stays with
 * its owner), or let the sandbox make an Ed25519 pair and show its private key.
 */
final class CredentialRoutes {
    private static final List<String> CREATE_FIELDS = List.of("profile", "organizationId", "id", "name", "publicKey");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final ServerContext context;
    private final Store store;

    CredentialRoutes(ServerContext context) {
        this.context = context;
        this.store = context.store();
    }

    /** {@code GET /__admin/credentials[?profile=][&organizationId=]}, oldest first. */
    void list(Context ctx) {
        List<String> profiles = Scope.profileNames(Params.text(ctx, "profile"), "profile");
        String organizationId = Params.text(ctx, "organizationId");
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("credentials");
        store.credentials().stream()
                .filter(c -> profiles.contains(c.profile()))
                .filter(c -> organizationId == null || c.organizationId().equals(organizationId))
                .forEach(c -> items.add(Views.credential(c)));
        Json.write(ctx, 200, body);
    }

    /** {@code POST /__admin/credentials}: a given public key, or a generated pair. */
    void create(Context ctx) {
        Body body = Body.read(ctx, CREATE_FIELDS);
        Profile profile = Scope.profile(body.requiredText("profile"), "profile");
        if (!Credential.SIGNING_PROFILES.contains(profile.name())) {
            throw ApiException.invalid("profile", "profile '" + profile.name() + "' does not sign user actions; key"
                    + " credentials are for " + String.join(", ", Credential.SIGNING_PROFILES));
        }
        String organizationId = body.text("organizationId");
        String given = body.text("id");
        if (given != null && !ID.matcher(given).matches()) {
            throw ApiException.invalid("id", "id must be 1 to 128 letters, digits, '-' or '_' (base64url), got " + Quote.of(given));
        }
        String name = body.freeText("name");
        String pem = body.text("publicKey");
        CredentialKey publicKey;
        Optional<Secret> privateKey;
        if (pem != null) {
            try {
                publicKey = CredentialKey.parse(pem);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("publicKey", "publicKey " + e.getMessage());
            }
            privateKey = Optional.empty();
        } else {
            GeneratedKey pair = GeneratedKey.ed25519(context.random());
            publicKey = pair.publicKey();
            privateKey = Optional.of(pair.privateKey());
        }
        ObjectNode created = store.atomically(() -> {
            Organization organization = Scope.organization(store, profile, organizationId, "organizationId");
            String id = given != null ? given : generatedId();
            Credential credential = new Credential(id, profile.name(), organization.id(), name, publicKey, privateKey,
                    context.now());
            if (!store.addCredential(credential)) {
                throw new ApiException(409, "conflict", "id", "id " + Quote.of(id) + " is taken by another credential");
            }
            return Views.createdCredential(credential);
        });
        Json.write(ctx, 201, created);
    }

    /** {@code DELETE /__admin/credentials/{id}}: it signs nothing from now on, tokens it signed included. */
    void delete(Context ctx) {
        String id = ctx.pathParam("id");
        if (!store.deleteCredential(id)) {
            throw ApiException.notFound("no credential " + Quote.of(id));
        }
        ctx.status(204);
    }

    /** Like Dfns's credential ids: base64url of random bytes. */
    private String generatedId() {
        byte[] bytes = new byte[16];
        context.random().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
