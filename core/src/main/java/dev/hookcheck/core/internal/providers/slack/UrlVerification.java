package dev.hookcheck.core.internal.providers.slack;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.internal.providers.SignedHandshake;
import dev.hookcheck.core.signing.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Slack's {@code url_verification}: when a Request URL is saved, Slack POSTs {@code {"token","challenge",
 * "type":"url_verification"}}, signed like every event, and the endpoint must answer 200 with the
 * challenge (as plain text, {@code application/x-www-form-urlencoded} or JSON {@code {"challenge"}}).
 */
final class UrlVerification extends SignedHandshake {
    UrlVerification(SignatureScheme scheme) {
        super("url_verification", scheme);
    }

    @Override
    public Request request(Secret secret, long now, RandomGenerator random) {
        String challenge = Bodies.alnum(random, 48);
        byte[] body = Bodies.JSON.writeValueAsBytes(Bodies.JSON.createObjectNode()
                .put("token", Bodies.alnum(random, 24)).put("challenge", challenge).put("type", "url_verification"));
        return signedPost(secret, null, now, body, Map.of("Content-Type", "application/json"));
    }

    @Override
    public Optional<String> problem(Request sent, Answer answer, Secret secret) {
        String challenge = challenge(sent.body());
        if (answer.status() != 200) {
            return Optional.of("Slack needs 200 with the challenge; got " + answer.status());
        }
        String body = answer.body().strip();
        if (body.equals(challenge) || body.equals("challenge=" + challenge) || challenge.equals(jsonChallenge(body))) {
            return Optional.empty();
        }
        return Optional.of("the answer does not carry the challenge (as plain text, challenge=… or {\"challenge\":…})");
    }

    @Override
    public Optional<Answer> respond(Request received, Secret secret) {
        String challenge = challenge(received.body());
        if (challenge == null) {
            return Optional.empty();
        }
        if (!verified(received, secret)) {
            return Optional.of(refused(401));
        }
        return Optional.of(Answer.of(200, "text/plain", challenge));
    }

    /** The challenge of a url_verification body; null for any other body. */
    static String challenge(byte[] body) {
        try {
            JsonNode json = Bodies.JSON.readTree(new String(body, StandardCharsets.UTF_8));
            return json != null && "url_verification".equals(json.path("type").asString(null))
                    ? json.path("challenge").asString(null) : null;
        } catch (JacksonException notJson) {
            return null;
        }
    }

    private static String jsonChallenge(String body) {
        try {
            JsonNode json = Bodies.JSON.readTree(body);
            return json == null ? null : json.path("challenge").asString(null);
        } catch (JacksonException notJson) {
            return null;
        }
    }
}
