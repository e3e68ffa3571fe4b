package dev.hookcheck.core.internal.providers.twitch;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.internal.providers.SignedHandshake;
import dev.hookcheck.core.signing.SignatureScheme;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Twitch EventSub's {@code webhook_callback_verification}: when a subscription is created, Twitch POSTs
 * {@code {"challenge","subscription"}} with {@code Twitch-Eventsub-Message-Type: webhook_callback_verification},
 * signed like every message; the endpoint answers 200 with the challenge as the raw body.
 */
final class CallbackVerification extends SignedHandshake {
    static final String TYPE_HEADER = "Twitch-Eventsub-Message-Type";
    CallbackVerification(SignatureScheme scheme) {
        super("webhook_callback_verification", scheme);
    }

    @Override
    public Request request(Secret secret, long now, RandomGenerator random) {
        String challenge = Bodies.alnum(random, 40);
        var root = Bodies.JSON.createObjectNode().put("challenge", challenge);
        root.putObject("subscription").put("id", new UUID(random.nextLong(), random.nextLong()).toString())
                .put("status", "webhook_callback_verification_pending").put("type", "channel.follow")
                .put("version", "2").put("cost", 0);
        byte[] body = Bodies.JSON.writeValueAsBytes(root);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(TYPE_HEADER, "webhook_callback_verification");
        headers.put("Twitch-Eventsub-Subscription-Type", "channel.follow");
        headers.put("Twitch-Eventsub-Subscription-Version", "2");
        return signedPost(secret, new UUID(random.nextLong(), random.nextLong()).toString(), now, body, headers);
    }

    @Override
    public Optional<String> problem(Request sent, Answer answer, Secret secret) {
        String challenge = Bodies.JSON.readTree(sent.bodyText()).path("challenge").asString();
        if (answer.status() != 200) {
            return Optional.of("Twitch needs 200 with the challenge as the body; got " + answer.status());
        }
        return answer.body().equals(challenge) ? Optional.empty()
                : Optional.of("the body is not the challenge exactly (raw text, no JSON, no quotes)");
    }

    @Override
    public Optional<Answer> respond(Request received, Secret secret) {
        if (!"webhook_callback_verification".equals(received.header(TYPE_HEADER))) {
            return Optional.empty();
        }
        if (!verified(received, secret)) {
            return Optional.of(refused(403));
        }
        String challenge = Bodies.JSON.readTree(new String(received.body(), StandardCharsets.UTF_8)).path("challenge")
                .asString();
        return Optional.of(Answer.of(200, "text/plain", challenge));
    }
}
