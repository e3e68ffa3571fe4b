package dev.hookcheck.mock.internal.api.dfns;

import dev.hookcheck.core.internal.Crypto;
import dev.hookcheck.mock.internal.ServerContext;
import dev.hookcheck.mock.internal.http.ApiException;
import dev.hookcheck.mock.internal.http.Quote;
import dev.hookcheck.mock.internal.http.Json;
import dev.hookcheck.mock.internal.store.Credential;
import dev.hookcheck.mock.internal.store.Store;
import dev.hookcheck.mock.internal.store.UserActionChallenge;
import dev.hookcheck.mock.internal.store.UserActionTarget;
import dev.hookcheck.mock.internal.store.UserActionToken;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Dfns's user-action signing: {@code POST /auth/action/init} names the request to come and answers
 * a challenge; the caller signs client data holding it ({@code {"type":"key.get","challenge":…}})
 * with one of the organization's key credentials; {@code POST /auth/action} checks that signature
 * and answers the token that request carries in {@code X-DFNS-USERACTION} (checked by {@link Access}).
 */
final class UserActions {
    /** How long a challenge may wait for its signature, and a token for its request (assumed: Dfns does not publish them). */
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(5);
    static final Duration TOKEN_LIFETIME = Duration.ofMinutes(5);

    private static final List<String> INIT_FIELDS = List.of("userActionPayload", "userActionHttpMethod",
            "userActionHttpPath", "userActionServerKind");
    private static final List<String> METHODS = List.of("POST", "PUT", "DELETE", "GET");
    private static final List<String> SIGN_FIELDS = List.of("challengeIdentifier", "firstFactor", "secondFactor");
    private static final String ASSERTION = "firstFactor.credentialAssertion";
    private static final String CLIENT_DATA_TYPE = "key.get";
    private static final String START_AGAIN = "start again with POST /auth/action/init";

    private final ServerContext context;
    private final Store store;
    private final Access access;
    /** Challenges and tokens are what stands in for a signature: not drawn from the seeded random. */
    private final SecureRandom random = new SecureRandom();

    UserActions(ServerContext context, Access access) {
        this.context = context;
        this.store = context.store();
        this.access = access;
    }

    /** The request a change is: what its token must have been signed for. */
    static UserActionTarget target(Context ctx) {
        return new UserActionTarget(ctx.method().name(), ctx.path(), sha256(ctx.bodyAsBytes()));
    }

    /** {@code POST /auth/action/init}. */
    void init(Context ctx) {
        String organization = access.organization(ctx);
        ObjectNode body = body(ctx, INIT_FIELDS);
        String payload = text(body, "userActionPayload", true);
        String method = text(body, "userActionHttpMethod", false);
        if (!METHODS.contains(method)) {
            throw ApiException.invalid("userActionHttpMethod", "userActionHttpMethod must be one of "
                    + String.join(", ", METHODS) + ", got " + Quote.of(method));
        }
        String path = text(body, "userActionHttpPath", false);
        if (!path.startsWith("/") || path.contains("?")) {
            throw ApiException.invalid("userActionHttpPath", "userActionHttpPath must be the request's path without"
                    + " host or query, such as /webhooks, got " + Quote.of(path));
        }
        if (body.has("userActionServerKind")) {
            String kind = text(body, "userActionServerKind", false);
            if (!kind.equals("Api")) {
                throw ApiException.invalid("userActionServerKind", "userActionServerKind must be Api (the mock is the"
                        + " Dfns API, not the Staff server), got " + Quote.of(kind));
            }
        }
        List<String> credentials = store.credentials(organization).stream()
                .filter(c -> c.profile().equals(Access.PROFILE)).map(Credential::id).toList();
        if (credentials.isEmpty()) {
            throw ApiException.forbidden("Forbidden: organization " + organization + " has no key credential to sign"
                    + " user actions with; register one with POST /__admin/credentials");
        }
        UserActionChallenge challenge = new UserActionChallenge(token(24), organization,
                base64Url(("ch-" + token(18)).getBytes(StandardCharsets.US_ASCII)), credentials,
                new UserActionTarget(method, path, sha256(payload.getBytes(StandardCharsets.UTF_8))),
                context.now().plus(CHALLENGE_LIFETIME));
        store.addUserActionChallenge(challenge);
        Json.write(ctx, 200, DfnsJson.userActionChallenge(challenge));
    }

    /** {@code POST /auth/action}: the signed challenge for a token. */
    void sign(Context ctx) {
        String organization = access.organization(ctx);
        ObjectNode body = body(ctx, SIGN_FIELDS);
        String challengeId = text(body, "challengeIdentifier", false);
        if (body.has("secondFactor") && !body.get("secondFactor").isNull()) {
            throw ApiException.invalid("secondFactor", "secondFactor is not needed: a Key credential signs alone");
        }
        ObjectNode factor = object(body, "firstFactor", "firstFactor");
        String kind = text(factor, "kind", false, "firstFactor.kind");
        if (!kind.equals("Key")) {
            throw ApiException.invalid("firstFactor.kind", "firstFactor.kind must be Key: the mock verifies key"
                    + " credentials (the SDK's AsymmetricKeySigner), not " + kind);
        }
        ObjectNode assertion = object(factor, "credentialAssertion", ASSERTION);
        String credId = text(assertion, "credId", false, ASSERTION + ".credId");
        byte[] clientData = base64Url(text(assertion, "clientData", false, ASSERTION + ".clientData"), ASSERTION + ".clientData");
        byte[] signature = base64Url(text(assertion, "signature", false, ASSERTION + ".signature"), ASSERTION + ".signature");
        String digest = assertion.has("algorithm") && !assertion.get("algorithm").isNull()
                ? text(assertion, "algorithm", false, ASSERTION + ".algorithm") : null;
        JsonNode data = clientData(clientData);

        Instant now = context.now();
        UserActionChallenge challenge = store.takeUserActionChallenge(challengeId, organization)
                .orElseThrow(() -> ApiException.unauthorized("Not Authorized: challengeIdentifier is not an open"
                        + " signing session of this organization (unknown, or answered already); " + START_AGAIN));
        if (!now.isBefore(challenge.expiresAt())) {
            throw ApiException.unauthorized("Not Authorized: the challenge expired at " + DfnsJson.date(challenge.expiresAt())
                    + " (challenges last " + CHALLENGE_LIFETIME.toMinutes() + " minutes); " + START_AGAIN);
        }
        Credential credential = store.credential(credId)
                .filter(c -> challenge.credentialIds().contains(c.id()) && c.organizationId().equals(organization))
                .orElseThrow(() -> ApiException.unauthorized("Not Authorized: credential " + Quote.prefix(credId) + " may not sign"
                        + " this challenge; it allows " + String.join(", ", challenge.credentialIds())));
        String type = data.path("type").isString() ? data.get("type").stringValue() : String.valueOf(data.get("type"));
        if (!type.equals(CLIENT_DATA_TYPE)) {
            throw ApiException.unauthorized("Not Authorized: clientData.type must be " + CLIENT_DATA_TYPE
                    + " for a Key credential, got " + Quote.prefix(type));
        }
        if (!data.path("challenge").isString()
                || !Crypto.constantTimeEquals(challenge.challenge(), data.get("challenge").stringValue())) {
            throw ApiException.unauthorized("Not Authorized: clientData.challenge is not this session's challenge");
        }
        boolean verified;
        try {
            verified = credential.publicKey().verify(clientData, signature, digest);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(ASSERTION + ".algorithm", e.getMessage());
        }
        if (!verified) {
            throw ApiException.unauthorized("Not Authorized: the signature does not verify with credential " + credId
                    + "'s public key (" + credential.publicKey().signatureFormat(digest)
                    + "); sign the clientData bytes exactly as sent, base64url-encoded");
        }
        UserActionToken token = new UserActionToken(token(32), organization, credId, challenge.target(),
                now.plus(TOKEN_LIFETIME), null);
        store.putUserActionToken(token);
        Json.write(ctx, 200, Json.object().put("userAction", token.token()));
    }

    private static ObjectNode body(Context ctx, List<String> fields) {
        ObjectNode body = Json.readObject(ctx);
        for (String name : body.propertyNames()) {
            if (!fields.contains(name)) {
                throw ApiException.invalid(name, name + " is not a field of this request; send " + String.join(", ", fields));
            }
        }
        return body;
    }

    private static String text(ObjectNode node, String field, boolean emptyAllowed) {
        return text(node, field, emptyAllowed, field);
    }

    private static String text(ObjectNode node, String field, boolean emptyAllowed, String name) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.invalid(name, name + " is required");
        }
        if (!value.isString()) {
            throw ApiException.invalid(name, name + " must be a string");
        }
        if (!emptyAllowed && value.stringValue().isEmpty()) {
            throw ApiException.invalid(name, name + " must not be empty");
        }
        return value.stringValue();
    }

    private static ObjectNode object(ObjectNode node, String field, String name) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw ApiException.invalid(name, name + " is required");
        }
        if (!(value instanceof ObjectNode object)) {
            throw ApiException.invalid(name, name + " must be an object");
        }
        return object;
    }

    private static byte[] base64Url(String text, String name) {
        try {
            return Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(name, name + " must be base64url (A-Z a-z 0-9 - _, no padding needed)");
        }
    }

    private static JsonNode clientData(byte[] bytes) {
        try {
            JsonNode data = Json.MAPPER.readTree(bytes);
            if (data instanceof ObjectNode) {
                return data;
            }
        } catch (JacksonException e) {
            // refused below
        }
        throw ApiException.invalid(ASSERTION + ".clientData", ASSERTION + ".clientData must be the base64url of a JSON"
                + " object such as {\"type\":\"key.get\",\"challenge\":\"…\"}");
    }

    private String token(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return base64Url(value);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return Crypto.hex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
