package dev.hookcheck.conformance.reference;

import dev.hookcheck.core.Secret;
import dev.hookcheck.core.profile.Profiles;
import java.util.SplittableRandom;

/** One test secret per profile, in the shape the provider hands out. */
public final class Secrets {
    private Secrets() {}

    public static Secret of(String profile) {
        return Secret.of(switch (profile) {
            case "standard" -> "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
            case "vitable" -> "vitable_whsec_4c1d2f0e9b8a7f6e5d4c3b2a";
            case "dfns" -> "dfns_webhook_secret_0a1b2c3d4e5f60718293";
            case "preo" -> "preo_signing_key_5e6f7a8b9c0d1e2f3a4b";
            case "stripe" -> "whsec_3f9a1c7e5b2d8f4a6c0e9b1d7f3a5c8e";
            case "github" -> "github_hook_secret_8b7a6c5d4e3f2a1b0c9d";
            case "square" -> "Qm9v7AKG2vUu-bK8kCkRiJ";
            case "svix" -> "whsec_C2FVsBQIhrscChlQIMV+b5sSYspob7oD";
            case "shopify" -> "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";
            case "zoom" -> "pXz4rTq8LmN2vB6cYw0KsA";
            case "twitch" -> "s3cRe7-hookcheck-twitch";
            case "slack" -> "8f742231b10e8888abcd99fe2ab5c7d1";
            case "intercom" -> "6f1a2b3c-4d5e-4f60-a718-293a4b5c6d7e";
            case "pagerduty" -> "lYyYq5mCJ9bH2kT0vWxN8pZr3sDgE7uFaQ1oLc4iKjM6nRtS0VhBwXeY5zUdGfA2";
            // any other profile: a secret its provider would make, the same every run
            default -> Profiles.get(profile).newSecret(new SplittableRandom(profile.hashCode())).reveal();
        });
    }
}
