package dev.hookcheck.core.internal.providers.zoom;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.internal.providers.SignedHandshake;
import dev.hookcheck.core.signing.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Zoom's {@code endpoint.url_validation}: a POST of {@code {"payload":{"plainToken"},"event_ts",
 * "event":"endpoint.url_validation"}}, signed like every event; the endpoint answers 200 with
 * {@code {"plainToken": …, "encryptedToken": hex HMAC-SHA256(secret token, plainToken)}} within 3 s.
 * Zoom repeats it every 72 hours.
 */
final class UrlValidation extends SignedHandshake {
    UrlValidation(SignatureScheme scheme) {
        super("endpoint.url_validation", scheme);
    }

    @Override
    public Request request(Secret secret, long now, RandomGenerator random) {
        var root = Bodies.JSON.createObjectNode();
        root.putObject("payload").put("plainToken", Bodies.alnum(random, 22));
        root.put("event_ts", now * 1000 + random.nextInt(1000)).put("event", "endpoint.url_validation");
        byte[] body = Bodies.JSON.writeValueAsBytes(root);
        return signedPost(secret, null, now, body, Map.of("Content-Type", "application/json; charset=utf-8"));
    }

    @Override
    public Optional<String> problem(Request sent, Answer answer, Secret secret) {
        String plainToken = plainToken(sent.body());
        if (answer.status() != 200) {
            return Optional.of("Zoom needs 200 with {\"plainToken\",\"encryptedToken\"}; got " + answer.status());
        }
        JsonNode json;
        try {
            json = Bodies.JSON.readTree(answer.body());
        } catch (JacksonException notJson) {
            return Optional.of("the answer is not the JSON {\"plainToken\",\"encryptedToken\"}");
        }
        if (json == null || !plainToken.equals(json.path("plainToken").asString(null))) {
            return Optional.of("the answer does not echo plainToken");
        }
        String encrypted = json.path("encryptedToken").asString("");
        if (!MessageDigest.isEqual(encrypted.getBytes(StandardCharsets.UTF_8),
                encrypt(secret, plainToken).getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("encryptedToken is not the hex HMAC-SHA256 of plainToken with the secret token");
        }
        return Optional.empty();
    }

    @Override
    public Optional<Answer> respond(Request received, Secret secret) {
        String plainToken = plainToken(received.body());
        if (plainToken == null) {
            return Optional.empty();
        }
        if (!verified(received, secret)) {
            return Optional.of(refused(401));
        }
        return Optional.of(Answer.of(200, "application/json", Bodies.JSON.writeValueAsString(Bodies.JSON
                .createObjectNode().put("plainToken", plainToken).put("encryptedToken", encrypt(secret, plainToken)))));
    }

    /** The plainToken of a url_validation body; null for any other body. */
    static String plainToken(byte[] body) {
        try {
            JsonNode json = Bodies.JSON.readTree(new String(body, StandardCharsets.UTF_8));
            return json != null && "endpoint.url_validation".equals(json.path("event").asString(null))
                    ? json.path("payload").path("plainToken").asString(null) : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    static String encrypt(Secret secret, String plainToken) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.utf8(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(plainToken.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
