package dev.hookcheck.mock.internal.seed;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import java.util.random.RandomGenerator;

/**
 * New signing secrets in each provider's own format (its profile makes them), and whether a given one
 * can sign.
 */
public final class Secrets {
    private Secrets() {}

    /** A new secret in the profile's own format. */
    public static Secret generate(String profile, RandomGenerator random) {
        return Profiles.get(profile).newSecret(random);
    }

    /** Why the profile's scheme cannot sign with this secret (a {@code whsec_} without base64…), if it cannot. */
    public static java.util.Optional<String> problem(dev.hookcheck.core.profile.Profile profile, Secret secret) {
        try {
            profile.scheme().sign(java.util.List.of(secret), "msg_check", 0,
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8), "https://example.com/webhooks");
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage()); // a scheme's messages never contain the secret
        }
    }
}
