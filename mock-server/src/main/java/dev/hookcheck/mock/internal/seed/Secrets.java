package dev.hookcheck.mock.internal.seed;

import dev.hookcheck.core.Secret;
import java.util.Base64;
import java.util.random.RandomGenerator;

/**
 * New signing secrets in each provider's own format. Standard Webhooks' {@code whsec_} + base64 of
 * random bytes is documented; the other providers' formats are assumed from their samples.
 */
public final class Secrets {
    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private Secrets() {}

    public static Secret generate(String profile, RandomGenerator random) {
        return Secret.of(switch (profile) {
            case "standard" -> "whsec_" + base64(random, 32);
            case "stripe" -> "whsec_" + alnum(random, 32);
            case "dfns" -> "whs-" + alnum(random, 32);
            case "vitable" -> "vitable_whsec_" + alnum(random, 32);
            case "preo" -> "preo_whsec_" + alnum(random, 32);
            default -> alnum(random, 40);
        });
    }

    /** Why the profile's scheme cannot sign with this secret (a {@code whsec_} without base64…), if it cannot. */
    public static java.util.Optional<String> problem(dev.hookcheck.core.profile.Profile profile, Secret secret) {
        try {
            profile.scheme().sign(java.util.List.of(secret), "msg_check", 0,
                    "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.Optional.empty();
        } catch (IllegalArgumentException e) {
            return java.util.Optional.of(e.getMessage()); // a scheme's messages never contain the secret
        }
    }

    private static String base64(RandomGenerator random, int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    private static String alnum(RandomGenerator random, int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        }
        return out.toString();
    }
}
