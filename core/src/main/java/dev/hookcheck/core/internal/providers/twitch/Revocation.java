package dev.hookcheck.core.internal.providers.twitch;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.internal.providers.Bodies;
import dev.hookcheck.core.internal.providers.SignedHandshake;
import dev.hookcheck.core.signing.SignatureScheme;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Twitch EventSub's {@code revocation}: when a subscription ends (the user revoked the authorization,
 * the user was removed, the version was removed, or notifications failed too often), Twitch POSTs
 * {@code {"subscription":{…,"status":"authorization_revoked"}}} with {@code Twitch-Eventsub-Message-Type:
 * revocation}, signed like every message and with no {@code event}; the endpoint answers 2xx.
 */
final class Revocation extends SignedHandshake {
    static final String TYPE = "revocation";
    private static final String[] STATUSES = {"authorization_revoked", "user_removed", "version_removed",
        "notification_failures_exceeded"};

    Revocation(SignatureScheme scheme) {
        super(TYPE, scheme);
    }

    @Override
    public Request request(Secret secret, long now, RandomGenerator random) {
        var root = Bodies.JSON.createObjectNode();
        var subscription = root.putObject("subscription");
        subscription.put("id", new UUID(random.nextLong(), random.nextLong()).toString())
                .put("status", STATUSES[random.nextInt(STATUSES.length)]).put("type", "channel.follow")
                .put("version", "2").put("cost", 0);
        subscription.putObject("condition")
                .put("broadcaster_user_id", Long.toString(10_000_000L + random.nextInt(90_000_000)))
                .put("moderator_user_id", Long.toString(10_000_000L + random.nextInt(90_000_000)));
        subscription.putObject("transport").put("method", "webhook")
                .put("callback", "https://example.com/webhooks/callback");
        subscription.put("created_at", Instant.ofEpochSecond(now - 86_400).toString());
        byte[] body = Bodies.JSON.writeValueAsBytes(root);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put(CallbackVerification.TYPE_HEADER, TYPE);
        headers.put("Twitch-Eventsub-Subscription-Type", "channel.follow");
        headers.put("Twitch-Eventsub-Subscription-Version", "2");
        return signedPost(secret, new UUID(random.nextLong(), random.nextLong()).toString(), now, body, headers);
    }

    @Override
    public Optional<String> problem(Request sent, Answer answer, Secret secret) {
        return answer.status() >= 200 && answer.status() < 300 ? Optional.empty()
                : Optional.of("Twitch expects 2xx for a revocation; got " + answer.status());
    }

    @Override
    public Optional<Answer> respond(Request received, Secret secret) {
        if (!TYPE.equals(received.header(CallbackVerification.TYPE_HEADER))) {
            return Optional.empty();
        }
        return Optional.of(verified(received, secret) ? new Answer(204, Map.of(), "") : refused(403));
    }
}
