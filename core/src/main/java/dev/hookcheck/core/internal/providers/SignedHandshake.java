package dev.hookcheck.core.internal.providers;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Handshake;
import dev.hookcheck.core.signing.SignatureScheme;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A handshake the provider signs like every delivery, with its own scheme (Slack, Zoom, Twitch): the
 * request's headers are the given ones plus the scheme's, and a correct receiver verifies before it
 * answers.
 */
public abstract class SignedHandshake implements Handshake {
    private final String name;
    private final SignatureScheme scheme;

    protected SignedHandshake(String name, SignatureScheme scheme) {
        this.name = name;
        this.scheme = scheme;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final boolean signed() {
        return true;
    }

    /** A POST of {@code body} with {@code headers} and the scheme's signature headers, at {@code now}. */
    protected final Request signedPost(Secret secret, String id, long now, byte[] body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(scheme.sign(List.of(secret), id, now, body));
        return new Request("POST", "", all, body);
    }

    /** Whether {@code secret} signed the request, as a receiver checks it (its own clock, the scheme's tolerance). */
    protected final boolean verified(Request received, Secret secret) {
        return scheme.verify(received.headers(), received.body(), List.of(secret), Clock.systemUTC()).isVerified();
    }

    /** How a correct receiver refuses a handshake it cannot verify. */
    protected static Answer refused(int status) {
        return Answer.of(status, "application/json", "{\"error\":\"invalid signature\"}");
    }
}
